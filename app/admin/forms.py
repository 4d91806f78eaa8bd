"""Forms for administering organisations and users."""

from flask_babel import lazy_gettext as _l
from wtforms import EmailField, PasswordField, SelectField, StringField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import DataRequired, EqualTo, Length, Optional

from app.auth.models import ROLES
from app.forms import CheckboxesField, Form
from app.orgs.models import ORGANISATION_TYPES

ROLE_LABELS = {
    "caseworker": _l("Caseworker"),
    "supervisor": _l("Supervisor (may override consent in an emergency)"),
    "directory_editor": _l("Directory editor"),
    "coordinator": _l("Coordinator"),
    "admin": _l("Administrator"),
}
TYPE_LABELS = {
    "ngo": _l("Non-governmental organisation"),
    "government": _l("Government agency"),
    "international": _l("International organisation"),
    "law_enforcement": _l("Law enforcement"),
    "health": _l("Health service"),
    "legal_aid": _l("Legal aid"),
    "faith_based": _l("Faith-based organisation"),
    "other": _l("Other"),
}


def role_choices():
    return [SelectChoice(role, ROLE_LABELS[role]) for role in ROLES]


class OrganisationForm(Form):
    code = StringField(
        _l("Code"),
        validators=[DataRequired(_l("Enter a short code.")), Length(max=32)],
        description=_l("Short and unique, e.g. TH-HOPE. Letters, digits and hyphens."),
    )
    name = StringField(
        _l("Name"), validators=[DataRequired(_l("Enter the name.")), Length(max=200)]
    )
    country = SelectField(_l("Country"), validators=[DataRequired(_l("Choose a country."))])
    type = SelectField(
        _l("Type"),
        choices=[SelectChoice(value, TYPE_LABELS[value]) for value in ORGANISATION_TYPES],
        default="ngo",
    )


class UserForm(Form):
    email = EmailField(
        _l("Email"), validators=[DataRequired(_l("Enter an email address.")), Length(max=254)]
    )
    name = StringField(_l("Name"), validators=[Optional(), Length(max=200)])
    organisation = SelectField(
        _l("Organisation"), coerce=int, validators=[DataRequired(_l("Choose an organisation."))]
    )
    roles = CheckboxesField(
        _l("Roles"),
        choices=role_choices,
        validators=[DataRequired(_l("Choose at least one role."))],
    )
    password = PasswordField(
        _l("Password"),
        validators=[DataRequired(_l("Enter a password.")), Length(max=1024)],
        description=_l("At least 10 characters. A long phrase is easiest to remember."),
    )
    confirm = PasswordField(
        _l("Password again"),
        validators=[EqualTo("password", _l("The two passwords differ."))],
    )


class RolesForm(Form):
    roles = CheckboxesField(_l("Roles"), choices=role_choices)
    scope = CheckboxesField(
        _l("A coordinator sees these countries"),
        description=_l("None ticked: the whole network."),
    )
