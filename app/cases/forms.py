"""Forms for opening and editing a case, changing its stage and its needs."""

from flask_babel import lazy_gettext as _l
from wtforms import (
    BooleanField,
    DateField,
    HiddenField,
    IntegerField,
    SelectField,
    StringField,
    TextAreaField,
)
from wtforms.fields.choices import SelectChoice
from wtforms.validators import DataRequired, Length, NumberRange, Optional

from app.cases.labels import (
    CLOSED_REASON_LABELS,
    IDENTIFICATION_LABELS,
    NEED_STATUS_LABELS,
    SEX_LABELS,
    STAGE_LABELS,
)
from app.directory.forms import EXPLOITATION_LABELS
from app.forms import CheckboxesField, Form, label_choices

LONG = _l("Use at most %(max)d characters.")


class CaseForm(Form):
    name = StringField(
        _l("Name or alias"),
        validators=[Optional(), Length(max=200, message=LONG)],
        description=_l("Optional. Encrypted, and shown only on this page."),
    )
    contact = TextAreaField(
        _l("How to reach the person"),
        validators=[Optional(), Length(max=1000, message=LONG)],
        description=_l("Optional. Encrypted, and shown only on this page."),
    )
    sex = SelectField(_l("Sex or gender"), choices=label_choices(SEX_LABELS), default="unknown")
    birth_date = DateField(
        _l("Date of birth"),
        validators=[Optional()],
        description=_l("If known. Otherwise give an estimated age."),
    )
    estimated_age = IntegerField(
        _l("Estimated age"),
        validators=[Optional(), NumberRange(0, 120, _l("Enter an age from 0 to 120."))],
    )
    presumed_child = BooleanField(_l("Age unknown, but may be under 18: treat as a child"))
    nationality = SelectField(_l("Nationality"), validators=[Optional()])
    languages = CheckboxesField(_l("Languages the person speaks"))
    exploitation_forms = CheckboxesField(
        _l("Forms of exploitation"), choices=label_choices(EXPLOITATION_LABELS)
    )
    identified_country = SelectField(_l("Country where identified"), validators=[Optional()])
    identified_province = SelectField(_l("Province where identified"), validators=[Optional()])
    identification_status = SelectField(
        _l("Identification status"),
        choices=label_choices(IDENTIFICATION_LABELS),
        default="presumed",
    )
    guardian_name = StringField(
        _l("Guardian's name"), validators=[Optional(), Length(max=200, message=LONG)]
    )
    guardian_organisation = StringField(
        _l("Guardian's organisation"), validators=[Optional(), Length(max=200, message=LONG)]
    )
    best_interests_on = DateField(_l("Best-interests assessment: date"), validators=[Optional()])
    best_interests_by = StringField(
        _l("Best-interests assessment: by whom"),
        validators=[Optional(), Length(max=200, message=LONG)],
    )
    best_interests_outcome = TextAreaField(
        _l("Best-interests assessment: outcome"),
        validators=[Optional(), Length(max=4000, message=LONG)],
    )
    age_assessment_note = TextAreaField(
        _l("Age assessment note"), validators=[Optional(), Length(max=4000, message=LONG)]
    )
    needs = CheckboxesField(_l("Needs"), coerce=int)
    version = HiddenField()


class StageForm(Form):
    stage = SelectField(_l("Move to"), choices=label_choices(STAGE_LABELS))
    closed_reason = SelectField(
        _l("Reason for closing"),
        choices=[SelectChoice("", _l("Not closing")), *label_choices(CLOSED_REASON_LABELS)],
        validators=[Optional()],
    )
    note = TextAreaField(
        _l("Note"),
        validators=[Optional(), Length(max=2000, message=LONG)],
        description=_l("Needed when the case steps back, e.g. re-trafficked or in crisis."),
    )
    version = HiddenField()


class NeedForm(Form):
    category = SelectField(
        _l("Add a need"), coerce=int, validators=[DataRequired(_l("Choose a need."))]
    )


class NeedStatusForm(Form):
    status = SelectField(_l("Status"), choices=label_choices(NEED_STATUS_LABELS))
