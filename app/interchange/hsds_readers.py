"""How each HSDS column is read from its text, with a plain message when it cannot be."""

import re

from flask_babel import gettext as _

from app.directory.models import EXPLOITATION_FORMS, GENDERS, SERVICE_STATUSES, STAGES
from app.interchange import cells, hsds
from app.orgs.models import ORGANISATION_TYPES
from app.orgs.services import CODE_PATTERN

TERM_CODE = re.compile(r"^[a-z0-9][a-z0-9_-]{0,63}$")


def _optional(reader):
    return lambda raw: reader(raw) if raw.strip() else None


def _status(raw: str) -> str | None:
    word = raw.strip().casefold()
    if not word:
        return None
    status = hsds.STATUS_FROM_HSDS.get(word, word)
    if status not in SERVICE_STATUSES:
        raise cells.CellError(
            _(
                "Unknown status %(value)s; use active, temporarily closed, inactive or defunct.",
                value=raw.strip()[:50],
            )
        )
    return status


def _byday(raw: str) -> list[int]:
    days = [part.strip().upper() for part in raw.split(",") if part.strip()]
    if not days or any(day not in hsds.BYDAY for day in days):
        raise cells.CellError(_("Write the days as MO, TU, WE, TH, FR, SA or SU, comma-separated."))
    return sorted({hsds.BYDAY.index(day) for day in days})


def _org_code(raw: str) -> str | None:
    code = raw.strip().upper()
    if code and not CODE_PATTERN.match(code):
        raise cells.CellError(
            _("The code must be 2 to 32 letters, digits, hyphens or underscores.")
        )
    return code or None


def _org_type(raw: str) -> str | None:
    value = raw.strip().casefold()
    if value and value not in ORGANISATION_TYPES:
        raise cells.CellError(
            _("Unknown type; use %(choices)s.", choices=", ".join(ORGANISATION_TYPES))
        )
    return value or None


def _term_code(raw: str) -> str:
    code = raw.strip()
    if not TERM_CODE.match(code):
        raise cells.CellError(_("Write a code of small letters, digits, - and _."))
    return code


def _age(raw: str) -> int | None:
    return cells.read_int(raw, 0, 130)


READERS = {
    ("organization", "id"): cells.read_uuid,
    ("organization", "email"): cells.read_email,
    ("organization", "website"): cells.read_url,
    ("organization", "x_code"): _org_code,
    ("organization", "x_country"): _optional(cells.read_country),
    ("organization", "x_type"): _org_type,
    ("service", "id"): cells.read_uuid,
    ("service", "organization_id"): cells.read_uuid,
    ("service", "url"): cells.read_url,
    ("service", "email"): cells.read_email,
    ("service", "status"): _status,
    ("service", "minimum_age"): _age,
    ("service", "maximum_age"): _age,
    ("service", "x_genders"): lambda raw: cells.read_codes(raw, GENDERS),
    ("service", "x_exploitation_forms"): lambda raw: cells.read_codes(raw, EXPLOITATION_FORMS),
    ("service", "x_original_locale"): _optional(cells.read_locale),
    ("service", "x_version"): lambda raw: cells.read_int(raw, 1, 2**31 - 1),
    ("location", "id"): cells.read_uuid,
    ("location", "organization_id"): cells.read_uuid,
    ("location", "latitude"): cells.read_latitude,
    ("location", "longitude"): cells.read_longitude,
    ("location", "x_country"): _optional(cells.read_country),
    ("address", "location_id"): cells.read_uuid,
    ("address", "country"): _optional(cells.read_country),
    ("service_at_location", "id"): _optional(cells.read_uuid),
    ("service_at_location", "service_id"): cells.read_uuid,
    ("service_at_location", "location_id"): cells.read_uuid,
    ("phone", "service_id"): _optional(cells.read_uuid),
    ("phone", "organization_id"): _optional(cells.read_uuid),
    ("schedule", "service_id"): cells.read_uuid,
    ("schedule", "byday"): _byday,
    ("language", "service_id"): cells.read_uuid,
    ("language", "code"): lambda raw: cells.read_languages(raw)[0],
    ("taxonomy_term", "code"): _term_code,
    ("taxonomy_term", "x_stages"): lambda raw: cells.read_codes(raw, STAGES),
    ("taxonomy_term", "x_position"): lambda raw: cells.read_int(raw, 0, 100000),
    ("attribute", "link_id"): cells.read_uuid,
    ("attribute", "taxonomy_term_id"): lambda raw: raw.strip(),
    ("service_area", "service_id"): cells.read_uuid,
    ("service_area", "x_country"): cells.read_country,
    ("service_translation", "service_id"): cells.read_uuid,
    ("service_translation", "locale"): cells.read_locale,
}
BY_TYPE = {
    "boolean": cells.read_bool,
    "integer": lambda raw: cells.read_int(raw, 0, 100000),
    "datetime": cells.read_datetime,
    "date": cells.read_date,
    "time": cells.read_time,
}


def reader_for(resource: str, spec: hsds.Field):
    """Return the function that reads a cell of `spec` in `resource` from its text."""
    reader = READERS.get((resource, spec.name)) or BY_TYPE.get(spec.type)
    return reader or (lambda raw: cells.read_text(raw, spec.limit))
