"""Forms of the interchange page: each upload carries its CSRF token."""

from flask_babel import lazy_gettext as _l
from flask_wtf.file import FileAllowed, FileField, FileRequired
from wtforms import BooleanField

from app.forms import Form


class ExportForm(Form):
    include_confidential = BooleanField(
        _l("Include confidential locations' street address, postcode and coordinates"),
        description=_l("Only for a trusted partner: this choice is recorded in the audit log."),
    )


class PackageUploadForm(Form):
    file = FileField(
        _l("HSDS data package (.zip)"),
        id="package-file",  # two upload forms share the page: keep their ids apart
        render_kw={"accept": ".zip,application/zip"},
        validators=[
            FileRequired(_l("Choose a .zip file.")),
            FileAllowed(["zip"], _l("Choose a .zip file.")),
        ],
    )


class SpreadsheetUploadForm(Form):
    file = FileField(
        _l("Filled-in spreadsheet (.xlsx)"),
        id="sheet-file",
        render_kw={"accept": ".xlsx"},
        validators=[
            FileRequired(_l("Choose an .xlsx file.")),
            FileAllowed(["xlsx"], _l("Choose an .xlsx file.")),
        ],
    )
