"""Forms for drafting, sending and answering a referral."""

from flask_babel import lazy_gettext as _l
from wtforms import HiddenField, SelectField, TextAreaField
from wtforms.validators import DataRequired, Length, Optional

from app.consent.labels import DATA_LABELS
from app.forms import CheckboxesField, Form, label_choices
from app.referrals.labels import URGENCY_LABELS


class ReferralForm(Form):
    case = SelectField(_l("Case"), validators=[DataRequired(_l("Choose a case."))])
    categories = CheckboxesField(_l("Needs this referral is for"), coerce=int)
    urgency = SelectField(
        _l("Urgency"),
        choices=label_choices(URGENCY_LABELS),
        default="normal",
    )
    note = TextAreaField(
        _l("Note for the receiving organisation"),
        validators=[Optional(), Length(max=2000)],
        description=_l("Say what the person needs. Do not write their name here."),
    )


class SendForm(Form):
    version = HiddenField()
    override_reason = TextAreaField(
        _l("Override: the emergency that justifies sending without consent"),
        validators=[Optional(), Length(max=2000)],
    )
    override_data = CheckboxesField(
        _l("Data the receiving organisation may see"),
        choices=label_choices(DATA_LABELS),
    )


class ActionForm(Form):
    version = HiddenField()
    note = TextAreaField(_l("Note"), validators=[Optional(), Length(max=2000)])
