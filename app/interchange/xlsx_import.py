"""Write a checked spreadsheet: organisations, then services with their locations."""

from collections import Counter

from app.database import utcnow
from app.directory.models import Location, Service, ServiceAtLocation, join_codes
from app.extensions import db
from app.interchange.writing import assign, load, sync_categories
from app.interchange.xlsx_read import CATEGORY_KEYS, TEXT_KEYS, SheetPlan
from app.orgs.models import Organisation
from app.orgs.services import create_organisation

LOCATION_FIELDS = {
    "location_name": "name",
    "address_line": "address_line",
    "city": "city",
    "province_code": "province_code",
    "postal_code": "postal_code",
    "country": "country",
    "latitude": "latitude",
    "longitude": "longitude",
}
WITHHELD = {"address_line", "postal_code", "latitude", "longitude"}


def apply_spreadsheet(plan: SheetPlan, locale: str, actor=None, progress=None) -> Counter:
    """Write a checked workbook in the current transaction; return what was done."""
    progress = progress or (lambda _n: None)
    counts: Counter = Counter()
    orgs = dict(plan.org_by_code)
    for _number, values in plan.organisations:
        fields = {
            key: values[key]
            for key in ("name", "country", "type", "website", "email", "phone")
            if values.get(key) is not None
        }
        org = orgs.get(values["code"])
        if org is None:
            org = create_organisation(
                values["code"],
                values["name"],
                values["country"],
                values.get("type") or "ngo",
                actor=actor,
            )
            assign(org, fields)
            orgs[org.code] = org
            counts["organisations_created"] += 1
        elif assign(org, fields):
            counts["organisations_updated"] += 1
        progress(1)
    existing = load(Service, [v["service_id"] for _n, v in plan.services if v.get("service_id")])
    # Flushing half-way would insert a new service and then update it, bumping its version.
    with db.session.no_autoflush:
        for _number, values in plan.services:
            _service(values, orgs[values["organisation_code"]], existing, locale, actor, counts)
            progress(1)
    db.session.flush()
    return counts


def _service(values: dict, org: Organisation, existing: dict, locale, actor, counts) -> None:
    service = existing.get(values.get("service_id"))
    created = service is None
    if created:
        service = Service(organisation_id=org.id, original_locale=locale)
        service.last_verified_at = utcnow()  # the network has just given these details
        service.last_verified_by_id = getattr(actor, "id", None)
        db.session.add(service)
        counts["services_created"] += 1
    beds = (service.beds_total, service.beds_available)
    changed = assign(service, _service_fields(values, org))
    if (service.beds_total, service.beds_available) != beds:
        service.capacity_updated_at = utcnow()
    categories = {cid for key in CATEGORY_KEYS for cid in values.get(key) or []}
    changed |= sync_categories(service, categories)
    changed |= _apply_location(service, org, values, counts)
    if changed and not created:
        service.updated_at = utcnow()
        counts["services_updated"] += 1


def _service_fields(values: dict, org: Organisation) -> dict:
    fields = {key: values[key] or "" for key in TEXT_KEYS if key in values}
    for key in ("status", "self_referral", "free", "interpretation", "open_24_7"):
        if values.get(key) is not None:  # blank keeps the value, or the default when new
            fields[key] = values[key]
    for key in ("min_age", "max_age", "beds_total", "beds_available"):
        if key in values:
            fields[key] = values[key]
    for key in ("genders", "exploitation_forms", "languages"):
        if key in values:
            fields[key] = join_codes(values[key] or [])
    fields["organisation_id"] = org.id
    return fields


def _apply_location(service: Service, org: Organisation, values: dict, counts: Counter) -> bool:
    given = {attr: values.get(key) for key, attr in LOCATION_FIELDS.items() if key in values}
    location = None
    if values.get("location_id"):
        location = db.session.get(Location, values["location_id"])
    if location is None:
        if not any(value not in (None, "") for value in given.values()):
            return False
        location = Location(organisation_id=org.id, country=org.country, confidential=False)
        db.session.add(location)
        counts["locations_created"] += 1
    confidential = values.get("confidential")
    if confidential is None:
        confidential = bool(location.confidential)
    fields = {"confidential": confidential}
    for attr, value in given.items():
        blank = value in (None, "")
        if attr == "country" and blank:
            continue  # a location always has a country: the organisation's by default
        if confidential and attr in WITHHELD and blank:
            continue  # downloaded workbooks leave a safe house's address out: keep it
        fields[attr] = None if blank and attr == "province_code" else value
    changed = assign(location, fields)
    if location not in service.locations:
        service.location_links.append(ServiceAtLocation(location=location))
        changed = True
    return changed
