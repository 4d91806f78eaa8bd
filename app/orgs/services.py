"""Use cases of organisations."""

import re

from babel import Locale
from flask_babel import lazy_gettext as _l
from sqlalchemy import func, select

from app.audit import record_event
from app.extensions import db
from app.orgs.models import ORGANISATION_TYPES, Organisation

CODE_PATTERN = re.compile(r"^[A-Z0-9][A-Z0-9_-]{1,31}$")
# CLDR territories that are not countries: unknown region, EU, eurozone, UN, pseudo-regions.
_NOT_COUNTRIES = {"ZZ", "EU", "EZ", "UN", "QO", "XA", "XB"}
COUNTRY_CODES = frozenset(
    code
    for code in Locale("en").territories
    if len(code) == 2 and code.isalpha() and code not in _NOT_COUNTRIES
)


class OrganisationError(ValueError):
    """A request about organisations that cannot be carried out; the message is for the user."""


def create_organisation(code: str, name: str, country: str, type_: str = "ngo", actor=None):
    """Create an organisation after checking its code, name, country and type."""
    code = (code or "").strip().upper()
    name = (name or "").strip()
    country = (country or "").strip().upper()
    if not CODE_PATTERN.match(code):
        raise OrganisationError(
            _l("The code must be 2 to 32 letters, digits, hyphens or underscores.")
        )
    if not name or len(name) > 200:
        raise OrganisationError(_l("Enter a name of up to 200 characters."))
    if country not in COUNTRY_CODES:
        raise OrganisationError(_l("Choose a country (a two-letter ISO code such as TH)."))
    if type_ not in ORGANISATION_TYPES:
        raise OrganisationError(_l("Choose a type of organisation."))
    if db.session.scalar(select(func.count()).where(Organisation.code == code)):
        raise OrganisationError(_l("An organisation with this code already exists."))
    organisation = Organisation(code=code, name=name, country=country, type=type_)
    db.session.add(organisation)
    db.session.flush()
    record_event("admin:organisation:created", "organisation", organisation.id, user=actor)
    return organisation
