"""The interchange page for admins: export, the template, and the two uploads."""

import io
from pathlib import PurePath

from flask import (
    Blueprint,
    current_app,
    flash,
    redirect,
    render_template,
    request,
    send_file,
    url_for,
)
from flask_babel import gettext as _
from werkzeug.exceptions import RequestEntityTooLarge

from app.auth import roles_required
from app.interchange import services
from app.interchange.forms import ExportForm, PackageUploadForm, SpreadsheetUploadForm
from app.interchange.hsds_export import zip_bytes
from app.interchange.validation import ImportRejected
from app.interchange.xlsx_columns import current_locale

bp = Blueprint("interchange", __name__, url_prefix="/admin/interchange")
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@bp.before_request
@roles_required("admin")
def require_admin():
    """Every page here is for administrators only."""


def _max_upload_mb() -> str:
    return f"{current_app.config['MAX_CONTENT_LENGTH'] / (1024 * 1024):g}"


def _page(status: int = 200, problems=None, **forms):
    """Render the page; forms not given are shown empty."""
    return render_template(
        "interchange/index.html",
        export_form=forms.get("export_form") or ExportForm(formdata=None),
        package_form=forms.get("package_form") or PackageUploadForm(formdata=None),
        sheet_form=forms.get("sheet_form") or SpreadsheetUploadForm(formdata=None),
        problems=problems or [],
        max_upload_mb=_max_upload_mb(),
    ), status


def _upload_name(upload, default: str) -> str:
    return PurePath(upload.filename or default).name[:100] or default


@bp.get("")
def index():
    """Show the export, the template and the import forms."""
    return _page()


@bp.post("/export")
def export_hsds():
    """Download the directory as an HSDS package (.zip)."""
    form = ExportForm()
    if not form.validate_on_submit():
        return _page(422, export_form=form)
    files = services.export_package(form.include_confidential.data)
    name = (
        "pathways-hsds-confidential.zip" if form.include_confidential.data else "pathways-hsds.zip"
    )
    return send_file(
        io.BytesIO(zip_bytes(files)),
        mimetype="application/zip",
        as_attachment=True,
        download_name=name,
    )


@bp.get("/template.xlsx")
def template_xlsx():
    """Download the spreadsheet template, headed in the interface language."""
    filled = request.args.get("filled") == "1"
    data = services.spreadsheet_template(filled)
    kind = "services" if filled else "template"
    return send_file(
        io.BytesIO(data),
        mimetype=XLSX,
        as_attachment=True,
        download_name=f"pathways-directory-{kind}-{current_locale()}.xlsx",
    )


@bp.post("/import")
def import_hsds():
    """Import an uploaded HSDS package: all of it, or nothing and the list of problems."""
    form = PackageUploadForm()
    if not form.validate_on_submit():
        return _page(422, package_form=form)
    upload = form.file.data
    try:
        counts = services.import_zip(upload.read(), _upload_name(upload, "package.zip"))
    except ImportRejected as exc:
        return _page(422, exc.problems.lines(), package_form=form)
    flash(services.summary(counts))
    return redirect(url_for("interchange.index"))


@bp.post("/import-xlsx")
def import_xlsx():
    """Import a filled-in spreadsheet: all of it, or nothing and the list of problems."""
    form = SpreadsheetUploadForm()
    if not form.validate_on_submit():
        return _page(422, sheet_form=form)
    upload = form.file.data
    try:
        counts = services.import_spreadsheet(
            upload.read(), _upload_name(upload, "services.xlsx"), current_locale()
        )
    except ImportRejected as exc:
        return _page(422, exc.problems.lines(), sheet_form=form)
    flash(services.summary(counts))
    return redirect(url_for("interchange.index"))


@bp.errorhandler(RequestEntityTooLarge)
def too_large(_error):
    """Answer an oversized upload on the page itself, with the limit in words."""
    # The app-wide MAX_CONTENT_LENGTH stands here too: a package of a whole national
    # directory zips to far less, and a larger limit would only widen a denial of service.
    message = _(
        "The file is larger than %(size)s MB, the most Pathways accepts. Nothing was imported.",
        size=_max_upload_mb(),
    )
    return _page(413, [message])
