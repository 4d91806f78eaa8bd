"""The spreadsheet template's sheets and columns, labelled in every interface language."""

import re
from dataclasses import dataclass

from flask import current_app
from flask_babel import force_locale, get_locale
from flask_babel import lazy_gettext as _l

# The directory pages' own words for a status, so the sheet speaks as they do.
from app.directory.forms import STATUS_LABELS  # noqa: F401

SERVICES = _l("Services")
ORGANISATIONS = _l("Organisations")
CATEGORIES = _l("Categories")
INSTRUCTIONS = _l("Instructions")
LISTS = "Lists"  # hidden, and named in the drop-down formulas, so never translated

YES, NO = _l("yes"), _l("no")


@dataclass(frozen=True)
class Column:
    key: str
    label: object  # a lazy string: rendered in the language of the moment
    kind: str = "text"
    limit: int | None = None
    width: int = 18


SERVICE_COLUMNS = (
    Column("service_id", _l("Service ID (leave blank for a new service)"), "id", width=38),
    Column("organisation_code", _l("Organisation code"), "org", 32),
    Column("name", _l("Service name"), limit=200, width=30),
    Column("description", _l("Description"), width=40),
    Column("status", _l("Status"), "status"),
    Column("category_1", _l("Category %(number)d", number=1), "category", width=22),
    Column("category_2", _l("Category %(number)d", number=2), "category", width=22),
    Column("category_3", _l("Category %(number)d", number=3), "category", width=22),
    Column("self_referral", _l("People can come without a referral (yes/no)"), "yesno"),
    Column("application_process", _l("How to get the service"), width=30),
    Column("documents_required", _l("Documents needed"), width=24),
    Column("free", _l("Free of charge (yes/no)"), "yesno"),
    Column("cost_text", _l("Cost"), limit=500),
    Column("genders", _l("Genders served (female, male, other)"), "genders"),
    Column("min_age", _l("Minimum age"), "age"),
    Column("max_age", _l("Maximum age"), "age"),
    Column("exploitation_forms", _l("Forms of exploitation served (codes)"), "exploitation"),
    Column("eligibility_requirements", _l("Other eligibility requirements"), width=30),
    Column("languages", _l("Languages spoken (codes such as th, en)"), "languages"),
    Column("interpretation", _l("Interpretation available (yes/no)"), "yesno"),
    Column("open_24_7", _l("Open 24/7 (yes/no)"), "yesno"),
    Column("hours_note", _l("Opening hours"), limit=300, width=24),
    Column("phone", _l("Phone"), limit=50),
    Column("hotline", _l("Hotline"), limit=50),
    Column("email", _l("Email"), "email", 254),
    Column("website", _l("Website"), "url", 500, width=28),
    Column("contact_name", _l("Contact person"), limit=200),
    Column("beds_total", _l("Beds in total"), "beds"),
    Column("beds_available", _l("Beds available now"), "beds"),
    Column("accessibility", _l("Accessibility"), width=24),
    Column("location_id", _l("Location ID (leave blank for a new location)"), "id", width=38),
    Column("location_name", _l("Location name"), limit=200, width=24),
    Column("address_line", _l("Address"), limit=300, width=30),
    Column("city", _l("City"), limit=120),
    Column("province_code", _l("Province code"), limit=8),
    Column("postal_code", _l("Postal code"), limit=20),
    Column("country", _l("Country"), "country"),
    Column("latitude", _l("Latitude"), "latitude"),
    Column("longitude", _l("Longitude"), "longitude"),
    Column("confidential", _l("Confidential location, a safe house (yes/no)"), "yesno"),
)
ORGANISATION_COLUMNS = (
    Column("code", _l("Organisation code"), "org", 32),
    Column("name", _l("Name"), limit=200, width=30),
    Column("country", _l("Country"), "country"),
    Column("type", _l("Type"), "org_type", width=26),
    Column("website", _l("Website"), "url", 500, width=28),
    Column("email", _l("Email"), "email", 254),
    Column("phone", _l("Phone"), limit=50),
)
LOCATION_KEYS = (
    "location_name",
    "address_line",
    "city",
    "province_code",
    "postal_code",
    "country",
    "latitude",
    "longitude",
    "confidential",
)


def normalise(text: str) -> str:
    """Fold case and spaces, so a header typed slightly differently still matches."""
    return re.sub(r"\s+", " ", str(text)).strip().casefold()


def sheet_title(label) -> str:
    """Return `label` as a valid worksheet name (31 characters, none of []:*?/\\)."""
    return re.sub(r"[\[\]:*?/\\]", " ", str(label)).strip()[:31] or "Sheet"


def current_locale() -> str:
    return str(get_locale() or current_app.config["BABEL_DEFAULT_LOCALE"])


def in_every_language(labels: dict) -> dict[str, str]:
    """Map each label, rendered in every interface language, back to its key."""
    # The current language goes last, so its wording wins should two languages collide.
    current = current_locale()
    locales = [code for code in current_app.config["LANGUAGES"] if code != current] + [current]
    found: dict[str, str] = {}
    for locale in locales:
        with force_locale(locale):
            for key, label in labels.items():
                found[normalise(label)] = key
    return found


def header_map(columns) -> dict[str, str]:
    found = in_every_language({column.key: column.label for column in columns})
    for column in columns:
        found.setdefault(column.key, column.key)
    return found
