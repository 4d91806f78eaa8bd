"""The consent form: one record per kind, never a single tick-box."""

from flask_babel import lazy_gettext as _l
from wtforms import BooleanField, DateField, SelectField, TextAreaField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import DataRequired, Length, Optional

from app.consent.labels import (
    ASSENT_LABELS,
    BASIS_LABELS,
    DATA_LABELS,
    GIVER_LABELS,
    KIND_LABELS,
    METHOD_LABELS,
)
from app.forms import CheckboxesField, Form, label_choices


class ConsentForm(Form):
    kind = SelectField(_l("Consent to"), choices=label_choices(KIND_LABELS), default="referral")
    given_by = SelectField(_l("Given by"), choices=label_choices(GIVER_LABELS))
    legal_basis = SelectField(_l("Legal basis"), choices=label_choices(BASIS_LABELS))
    organisations = CheckboxesField(_l("Organisations it covers"), coerce=int)
    purposes = CheckboxesField(_l("Needs it covers"), coerce=int)
    data_categories = CheckboxesField(
        _l("Data that may be shared"), choices=label_choices(DATA_LABELS)
    )
    language = SelectField(_l("Explained in"), validators=[DataRequired(_l("Choose a language."))])
    interpreter = BooleanField(_l("An interpreter was used"))
    method = SelectField(_l("Given how"), choices=label_choices(METHOD_LABELS))
    child_assent = SelectField(
        _l("The child's own view"),
        choices=[SelectChoice("", _l("Not a child")), *label_choices(ASSENT_LABELS)],
        validators=[Optional()],
    )
    expires_on = DateField(_l("Valid until (optional)"), validators=[Optional()])
    note = TextAreaField(_l("Note"), validators=[Optional(), Length(max=2000)])


class WithdrawForm(Form):
    reason = TextAreaField(
        _l("What the person said, or why it is withdrawn"),
        validators=[DataRequired(_l("Write the reason.")), Length(max=2000)],
    )
