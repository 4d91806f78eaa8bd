"""Forms for directory editors: a listing, its location, its capacity."""

import pycountry
from flask_babel import get_locale
from flask_babel import lazy_gettext as _l
from wtforms import (
    BooleanField,
    DecimalField,
    EmailField,
    HiddenField,
    IntegerField,
    SelectField,
    SelectMultipleField,
    StringField,
    TextAreaField,
    TimeField,
    URLField,
)
from wtforms.fields.choices import SelectChoice
from wtforms.validators import (
    URL,
    DataRequired,
    Email,
    Length,
    NumberRange,
    Optional,
    ValidationError,
)

from app.directory.models import EXPLOITATION_FORMS, GENDERS, SERVICE_STATUSES
from app.forms import CheckboxesField, Form
from app.i18n import babel_locale

LOCALES = ("en", "vi", "ms", "id", "th")
# Languages commonly spoken by people assisted in the region (ISO 639-1).
SPOKEN_LANGUAGES = (
    "en", "th", "vi", "ms", "id", "km", "lo", "my", "tl", "bn", "zh", "hi", "ne", "si",
    "ta", "ur", "fa", "ar", "ps", "ru", "ko", "ja",
)  # fmt: skip
STATUS_LABELS = {
    "active": _l("Open"),
    "temporarily_closed": _l("Temporarily closed"),
    "inactive": _l("Inactive"),
    "defunct": _l("Closed for good"),
}
GENDER_LABELS = {"female": _l("Women and girls"), "male": _l("Men and boys"),
                 "other": _l("Other gender identities")}  # fmt: skip
EXPLOITATION_LABELS = {
    "sexual": _l("Sexual exploitation"),
    "forced_labour": _l("Forced labour"),
    "domestic_servitude": _l("Domestic servitude"),
    "forced_marriage": _l("Forced marriage"),
    "forced_criminality": _l("Forced criminality"),
    "begging": _l("Forced begging"),
    "organ_removal": _l("Organ removal"),
    "child_soldiering": _l("Child soldiering"),
    "other": _l("Other forms"),
}
WEEKDAY_LABELS = (_l("Monday"), _l("Tuesday"), _l("Wednesday"), _l("Thursday"), _l("Friday"),
                  _l("Saturday"), _l("Sunday"))  # fmt: skip


def language_name(code: str) -> str:
    """Return a language's name in the interface language."""
    return babel_locale(str(get_locale())).languages.get(code, code)


def language_choices():
    return [SelectChoice(code, language_name(code)) for code in SPOKEN_LANGUAGES]


def locale_choices():
    return [SelectChoice(code, language_name(code)) for code in LOCALES]


def province_choices(country: str):
    """The country as a whole, then each of its provinces, for a service area."""
    names = babel_locale(str(get_locale())).territories
    whole = SelectChoice(
        country, str(_l("All of %(country)s", country=names.get(country, country)))
    )
    provinces = sorted(
        (s for s in pycountry.subdivisions.get(country_code=country) or [] if not s.parent_code),
        key=lambda s: s.name,
    )
    return [whole, *(SelectChoice(s.code, s.name) for s in provinces)]


def _beds(label):
    message = _l("Enter a number of beds from 0 to 100000.")
    return IntegerField(label, validators=[Optional(), NumberRange(0, 100000, message)])


def _text(label, max_length, required=False, message=None, area=False, **kw):
    validators = [DataRequired(message)] if required else [Optional()]
    validators.append(Length(max=max_length, message=_l("Use at most %(max)d characters.")))
    field = TextAreaField if area else StringField
    return field(label, validators=validators, **kw)


class ServiceForm(Form):
    version = HiddenField()
    name = _text(_l("Name of the service"), 200, True, _l("Enter the name of the service."))
    description = _text(
        _l("What it is, in plain words"),
        5000,
        True,
        _l("Describe the service."),
        area=True,
        description=_l("Say what happens when someone contacts you. Avoid abbreviations."),
    )
    original_locale = SelectField(_l("Language of this text"), choices=locale_choices, default="en")
    status = SelectField(
        _l("Status"),
        choices=[SelectChoice(s, STATUS_LABELS[s]) for s in SERVICE_STATUSES],
        default="active",
    )
    alert_text = _text(
        _l("Alert shown at the top"),
        500,
        description=_l("For example: closed for repairs until 3 March."),
    )
    categories = CheckboxesField(
        _l("Needs it meets"), coerce=int, validators=[DataRequired(_l("Choose at least one need."))]
    )
    self_referral = BooleanField(_l("People can contact you directly (no referral needed)"))
    application_process = _text(_l("How to get it"), 2000, area=True)
    documents_required = _text(
        _l("Documents needed"),
        1000,
        area=True,
        description=_l("Say if people can be helped without documents."),
    )
    free = BooleanField(_l("Free of charge"), default=True)
    cost_text = _text(_l("Cost, if any"), 500)
    genders = CheckboxesField(
        _l("Who it serves"), choices=[SelectChoice(g, GENDER_LABELS[g]) for g in GENDERS]
    )
    min_age = IntegerField(
        _l("Youngest age served"),
        validators=[Optional(), NumberRange(0, 120, _l("Enter an age from 0 to 120."))],
    )
    max_age = IntegerField(
        _l("Oldest age served"),
        validators=[Optional(), NumberRange(0, 120, _l("Enter an age from 0 to 120."))],
    )
    exploitation_forms = CheckboxesField(
        _l("Forms of exploitation served"),
        choices=[SelectChoice(e, EXPLOITATION_LABELS[e]) for e in EXPLOITATION_FORMS],
        description=_l("Leave all unticked if the service helps people whatever happened."),
    )
    eligibility_requirements = _text(
        _l("Other conditions"),
        2000,
        area=True,
        description=_l("Nationality, status or other conditions."),
    )
    languages = CheckboxesField(_l("Languages spoken"), choices=language_choices)
    interpretation = BooleanField(_l("Interpreters can be arranged"))
    open_24_7 = BooleanField(_l("Open 24 hours, 7 days a week"))
    hours_note = _text(_l("Note on opening hours"), 300)
    phone = _text(_l("Phone"), 50)
    hotline = _text(_l("Hotline"), 50)
    email = EmailField(_l("Email"), validators=[
        Optional(), Email(_l("Enter a valid email address.")), Length(max=254)])  # fmt: skip
    website = URLField(_l("Website"), validators=[
        Optional(), URL(message=_l("Enter a full web address starting with https://.")),
        Length(max=500)])  # fmt: skip
    contact_name = _text(_l("Named contact"), 200)
    beds_total = _beds(_l("Beds in total"))
    beds_available = _beds(_l("Beds free now"))
    accessibility = _text(_l("Accessibility"), 1000, area=True)
    nationwide = BooleanField(_l("Takes people from the whole country"))
    areas = SelectMultipleField(_l("Areas served"), choices=[])
    locations = CheckboxesField(_l("Where it is offered"), choices=[])

    def validate_max_age(self, field):
        if None not in (field.data, self.min_age.data) and field.data < self.min_age.data:
            raise ValidationError(_l("The oldest age cannot be below the youngest age."))

    def validate_beds_available(self, field):
        if None not in (field.data, self.beds_total.data) and field.data > self.beds_total.data:
            raise ValidationError(_l("Beds free cannot be more than beds in total."))

    def validate(self, extra_validators=None) -> bool:
        # Checks across optional fields: WTForms skips a field's own checks when it is empty.
        ok = super().validate(extra_validators)
        if not self.free.data and not (self.cost_text.data or "").strip():
            self.cost_text.errors = [*self.cost_text.errors,
                                     _l("Say what it costs, or tick free of charge.")]  # fmt: skip
            ok = False
        contacts = (self.phone.data, self.hotline.data, self.email.data, self.website.data)
        if not any((value or "").strip() for value in contacts):
            self.phone.errors = [*self.phone.errors,
                                 _l("Give at least one way to reach the service.")]  # fmt: skip
            ok = False
        return ok


for _locale in LOCALES:
    setattr(ServiceForm, f"name_{_locale}", _text(_l("Name"), 200))
    setattr(ServiceForm, f"description_{_locale}", _text(_l("Description"), 5000, area=True))
for _day in range(7):
    setattr(ServiceForm, f"opens_{_day}", TimeField(validators=[Optional()]))
    setattr(ServiceForm, f"closes_{_day}", TimeField(validators=[Optional()]))


class LocationForm(Form):
    name = _text(_l("Name of the place"), 200, True, _l("Enter a name for the place."))
    address_line = _text(_l("Street address"), 300)
    city = _text(_l("Town or city"), 120, True, _l("Enter the town or city."))
    province_code = SelectField(_l("Province"), choices=[], validators=[Optional()])
    postal_code = _text(_l("Postal code"), 20)
    latitude = DecimalField(
        _l("Latitude"), places=6,
        validators=[Optional(), NumberRange(-90, 90, _l("Latitude must be between -90 and 90."))],
    )  # fmt: skip
    longitude = DecimalField(
        _l("Longitude"), places=6,
        validators=[
            Optional(), NumberRange(-180, 180, _l("Longitude must be between -180 and 180."))
        ],
    )  # fmt: skip
    confidential = BooleanField(
        _l("Confidential (a safe house): never show the address or map position to the public")
    )

    def validate_longitude(self, field):
        if (field.data is None) != (self.latitude.data is None):
            raise ValidationError(_l("Give both latitude and longitude, or neither."))


class CapacityForm(Form):
    beds_total = _beds(_l("Beds in total"))
    beds_available = _beds(_l("Beds free now"))


class StatusForm(Form):
    status = SelectField(
        _l("Status"), choices=[SelectChoice(s, STATUS_LABELS[s]) for s in SERVICE_STATUSES]
    )
