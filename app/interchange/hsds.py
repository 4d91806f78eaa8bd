"""The HSDS 3.0 tabular package as Pathways writes and reads it: files, fields and types."""

import uuid
from dataclasses import dataclass

TAXONOMY_NAME = "pathways-needs"
TEXT_LOCALES = ("vi", "ms", "id", "th")  # English is the term's own name and description
BYDAY = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
ALL_WEEK = ",".join(BYDAY)
OPEN_24_7 = "24/7"
HOTLINE = "hotline"
# HSDS 3.0 spells this status with a space; Pathways stores it with an underscore.
STATUS_TO_HSDS = {"temporarily_closed": "temporarily closed"}
STATUS_FROM_HSDS = {"temporarily closed": "temporarily_closed"}

# Rows that Pathways keeps without an id of their own (schedules, phones, languages...) get
# ids derived from what they belong to, so two exports of the same data are identical.
_NAMESPACE = uuid.UUID("6f1c3a52-9d1e-4c57-8b0f-2a7d5e9c4b13")


def stable_id(*parts) -> str:
    """Return a UUID that always comes out the same for the same `parts`."""
    return str(uuid.uuid5(_NAMESPACE, "|".join(str(part) for part in parts)))


TAXONOMY_ID = stable_id("taxonomy", TAXONOMY_NAME)


def term_id(code: str) -> str:
    """Return the HSDS id of the need category with `code`."""
    return stable_id("taxonomy_term", code)


@dataclass(frozen=True)
class Field:
    """One column: its HSDS name, Frictionless type, and longest text Pathways stores."""

    name: str
    type: str = "string"
    limit: int | None = None


def _f(name: str, type_: str = "string", limit: int | None = None) -> Field:
    return Field(name, type_, limit)


_TERM_TEXTS = [
    field
    for locale in TEXT_LOCALES
    for field in (_f(f"x_name_{locale}", limit=200), _f(f"x_description_{locale}"))
]

RESOURCES: dict[str, list[Field]] = {
    "organization": [
        _f("id", limit=36),
        _f("name", limit=200),
        _f("description"),
        _f("email", limit=254),
        _f("website", limit=500),
        _f("x_code", limit=32),
        _f("x_country", limit=2),
        _f("x_type", limit=32),
    ],
    "service": [
        _f("id", limit=36),
        _f("organization_id", limit=36),
        _f("name", limit=200),
        _f("description"),
        _f("url", limit=500),
        _f("email", limit=254),
        _f("status", limit=24),
        _f("interpretation_services", "boolean"),
        _f("application_process"),
        _f("fees_description", limit=500),
        _f("eligibility_description"),
        _f("minimum_age", "integer"),
        _f("maximum_age", "integer"),
        _f("alert", limit=500),
        _f("last_modified", "datetime"),
        _f("assured_date", "date"),
        _f("x_self_referral", "boolean"),
        _f("x_free", "boolean"),
        _f("x_genders", limit=64),
        _f("x_exploitation_forms", limit=300),
        _f("x_documents_required"),
        _f("x_open_24_7", "boolean"),
        _f("x_hours_note", limit=300),
        _f("x_hotline", limit=50),
        _f("x_contact_name", limit=200),
        _f("x_beds_total", "integer"),
        _f("x_beds_available", "integer"),
        _f("x_capacity_updated_at", "datetime"),
        _f("x_accessibility"),
        _f("x_nationwide", "boolean"),
        _f("x_original_locale", limit=8),
        _f("x_version", "integer"),
        _f("x_last_verified_at", "datetime"),
    ],
    "location": [
        _f("id", limit=36),
        _f("organization_id", limit=36),
        _f("name", limit=200),
        _f("location_type", limit=20),
        _f("latitude", "number"),
        _f("longitude", "number"),
        _f("confidential", "boolean"),
        _f("x_city", limit=120),
        _f("x_province", limit=120),
        _f("x_province_code", limit=8),
        _f("x_country", limit=2),
    ],
    "address": [
        _f("id", limit=36),
        _f("location_id", limit=36),
        _f("address_1", limit=300),
        _f("city", limit=120),
        _f("state_province", limit=120),
        _f("postal_code", limit=20),
        _f("country", limit=2),
        _f("address_type", limit=20),
        _f("x_province_code", limit=8),
    ],
    "service_at_location": [
        _f("id", limit=36),
        _f("service_id", limit=36),
        _f("location_id", limit=36),
    ],
    "phone": [
        _f("id", limit=36),
        _f("service_id", limit=36),
        _f("organization_id", limit=36),
        _f("number", limit=50),
        _f("type", limit=20),
        _f("description", limit=50),
    ],
    "schedule": [
        _f("id", limit=36),
        _f("service_id", limit=36),
        _f("freq", limit=10),
        _f("byday", limit=40),
        _f("opens_at", "time"),
        _f("closes_at", "time"),
        _f("description", limit=50),
    ],
    "language": [
        _f("id", limit=36),
        _f("service_id", limit=36),
        _f("name", limit=100),
        _f("code", limit=8),
    ],
    "taxonomy": [
        _f("id", limit=36),
        _f("name", limit=100),
        _f("description"),
    ],
    "taxonomy_term": [
        _f("id", limit=36),
        _f("code", limit=64),
        _f("name", limit=200),
        _f("description"),
        _f("taxonomy_id", limit=36),
        _f("x_stages", limit=100),
        _f("x_position", "integer"),
        _f("x_active", "boolean"),
        *_TERM_TEXTS,
    ],
    "attribute": [
        _f("id", limit=36),
        _f("link_id", limit=36),
        _f("link_type", limit=20),
        _f("link_entity", limit=20),
        _f("taxonomy_term_id", limit=64),
    ],
    "service_area": [
        _f("id", limit=36),
        _f("service_id", limit=36),
        _f("name", limit=200),
        _f("extent_type", limit=20),
        _f("x_country", limit=2),
        _f("x_province_code", limit=8),
    ],
    "service_translation": [
        _f("service_id", limit=36),
        _f("locale", limit=8),
        _f("name", limit=200),
        _f("description"),
    ],
}

# Columns an import cannot do without, per file.
REQUIRED_COLUMNS: dict[str, tuple[str, ...]] = {
    "organization": ("id", "name"),
    "service": ("id", "organization_id", "name"),
    "location": ("id", "organization_id"),
    "address": ("location_id",),
    "service_at_location": ("service_id", "location_id"),
    "phone": ("number",),
    "schedule": ("service_id", "byday"),
    "language": ("service_id", "code"),
    "taxonomy": (),
    "taxonomy_term": ("code", "name"),
    "attribute": ("link_id", "taxonomy_term_id"),
    "service_area": ("service_id", "x_country"),
    "service_translation": ("service_id", "locale"),
}


def filename(resource: str) -> str:
    return f"{resource}.csv"


def descriptor(include_confidential: bool) -> dict:
    """Return the Frictionless data package descriptor (datapackage.json)."""
    resources = []
    for name, fields in RESOURCES.items():
        schema: dict = {"fields": [{"name": f.name, "type": f.type} for f in fields]}
        if fields[0].name == "id":
            schema["primaryKey"] = ["id"]
        resources.append(
            {
                "name": name,
                "path": filename(name),
                "profile": "tabular-data-resource",
                "format": "csv",
                "mediatype": "text/csv",
                "encoding": "utf-8",
                "schema": schema,
            }
        )
    return {
        "name": "pathways-directory",
        "title": "Pathways directory of services",
        "profile": "tabular-data-package",
        "x_hsds_version": "3.0",
        "x_confidential_locations_included": include_confidential,
        "resources": resources,
    }
