"""Use cases of the directory: loading listings with their scope, editing, verifying, nudging."""

from dataclasses import dataclass
from datetime import timedelta

from flask import abort, current_app
from flask_babel import lazy_gettext as _l
from sqlalchemy import case, func, select
from sqlalchemy.orm.exc import StaleDataError

from app.audit import record_event
from app.database import utcnow
from app.directory.models import (
    SERVICE_STATUSES,
    DirectoryNudge,
    Location,
    Service,
    ServiceArea,
    ServiceAtLocation,
    ServiceCategory,
    ServiceSchedule,
    ServiceText,
    join_codes,
)
from app.extensions import db
from app.orgs.models import Organisation

PUBLIC_STATUSES = ("active", "temporarily_closed")


class DirectoryError(ValueError):
    """A directory change that cannot be made; the message is for the user."""


@dataclass
class Conflict(Exception):
    """Someone else saved the listing since this editor opened it."""

    service: Service
    differences: list[tuple[str, str, str]]  # (field label, saved value, your value)


def _refuse(subject_type: str, subject_id) -> None:
    record_event("directory:access:refused", subject_type, subject_id)
    db.session.commit()
    abort(404)


def _own_or_404(model, record_id: str, user, subject_type: str):
    """Return a record of the user's own organisation, for its directory editors; else 404."""
    record = db.session.get(model, record_id)
    if (
        record is None
        or not user.has_role("directory_editor")
        or record.organisation_id != user.organisation_id
    ):
        _refuse(subject_type, record_id)
    return record


def editable_service_or_404(service_id: str, user) -> Service:
    """Return a service the user may edit: one of their own organisation's, as an editor."""
    return _own_or_404(Service, service_id, user, "service")


def editable_location_or_404(location_id: str, user) -> Location:
    """Return a location of the user's own organisation, for its directory editors."""
    return _own_or_404(Location, location_id, user, "location")


def visible_service_or_404(service_id: str, user) -> Service:
    """Return a service as the public (active or temporarily closed) or partner staff see it."""
    service = db.session.get(Service, service_id)
    if service is None:
        abort(404)
    if service.status not in PUBLIC_STATUSES and not user.is_authenticated:
        abort(404)
    return service


def categories():
    """Return the active need categories in their display order (cached per process)."""
    from app.directory.taxonomy import all_categories

    return [c for c in all_categories() if c.active]


def organisation_locations(organisation_id: int) -> list[Location]:
    return db.session.scalars(
        select(Location).where(Location.organisation_id == organisation_id).order_by(Location.name)
    ).all()


@dataclass
class ServiceData:
    """Everything an editor can set on a listing, already checked by the form."""

    fields: dict
    category_ids: list[int]
    languages: list[str]
    genders: list[str]
    exploitation_forms: list[str]
    schedules: list[tuple[int, object, object]]
    areas: list[tuple[str, str | None]]
    texts: dict[str, tuple[str, str]]
    location_ids: list[str]


def _apply(service: Service, data: ServiceData, organisation_id: int) -> None:
    for name, value in data.fields.items():
        setattr(service, name, value)
    service.languages = join_codes(data.languages)
    service.genders = join_codes(data.genders)
    service.exploitation_forms = join_codes(data.exploitation_forms)
    wanted = set(data.category_ids)
    service.category_links = [
        link for link in service.category_links if link.category_id in wanted
    ] + [
        ServiceCategory(category_id=cid)
        for cid in sorted(wanted - {link.category_id for link in service.category_links})
    ]
    service.schedules = [
        ServiceSchedule(weekday=day, opens_at=opens, closes_at=closes)
        for day, opens, closes in data.schedules
    ]
    service.areas = [ServiceArea(country=c, province_code=p) for c, p in data.areas]
    # A translation kept is the same row changed, not a new one: a new row for a locale the
    # listing already has would be written before the old one is deleted (one per locale).
    texts = {text.locale: text for text in service.texts}
    kept = []
    for locale, (name, description) in sorted(data.texts.items()):
        if name or description:
            text = texts.get(locale) or ServiceText(locale=locale)
            text.name, text.description = name, description
            kept.append(text)
    service.texts = kept
    own = {loc.id for loc in organisation_locations(organisation_id)}
    if not set(data.location_ids) <= own:
        raise DirectoryError(_l("Choose locations of your own organisation."))
    keep = set(data.location_ids)
    service.location_links = [
        link for link in service.location_links if link.location_id in keep
    ] + [
        ServiceAtLocation(location_id=lid)
        for lid in sorted(keep - {link.location_id for link in service.location_links})
    ]
    beds = (service.beds_total, service.beds_available)
    if None not in beds and beds[1] > beds[0]:
        raise DirectoryError(_l("Beds available cannot be more than beds in total."))


def create_service(organisation: Organisation, data: ServiceData, user) -> Service:
    """Create a listing for the editor's organisation; it counts as verified now."""
    service = Service(organisation_id=organisation.id)
    _apply(service, data, organisation.id)
    service.last_verified_at = utcnow()
    service.last_verified_by_id = user.id
    if service.beds_total is not None:
        service.capacity_updated_at = utcnow()
    db.session.add(service)
    db.session.flush()
    record_event("directory:service:created", "service", service.id)
    db.session.commit()
    return service


def snapshot(service: Service) -> dict:
    """Return the editable values of a listing, for comparing two versions."""
    values = {name: getattr(service, name) for name in EDITABLE_FIELDS}
    values["category_ids"] = service.category_ids
    values["languages"] = service.language_list
    values["genders"] = service.gender_list
    values["exploitation_forms"] = service.exploitation_list
    values["location_ids"] = sorted(link.location_id for link in service.location_links)
    return values


EDITABLE_FIELDS = (
    "name", "description", "original_locale", "status", "self_referral", "application_process",
    "documents_required", "free", "cost_text", "min_age", "max_age", "eligibility_requirements",
    "interpretation", "open_24_7", "hours_note", "phone", "hotline", "email", "website",
    "contact_name", "beds_total", "beds_available", "accessibility", "nationwide", "alert_text",
)  # fmt: skip


def update_service(service: Service, data: ServiceData, expected_version: int, user) -> None:
    """Save an editor's changes, refusing them if someone saved in between."""
    if service.version != expected_version:
        raise Conflict(service, _differences(service, data))
    beds_before = (service.beds_total, service.beds_available)
    _apply(service, data, service.organisation_id)
    if (service.beds_total, service.beds_available) != beds_before:
        service.capacity_updated_at = utcnow()
    record_event("directory:service:updated", "service", service.id)
    try:
        db.session.commit()
    except StaleDataError:  # saved by someone else between our read and our write
        db.session.rollback()
        fresh = db.session.get(Service, service.id)
        raise Conflict(fresh, _differences(fresh, data)) from None


def _differences(service: Service, data: ServiceData) -> list[tuple[str, str, str]]:
    saved = snapshot(service)
    mine = {**data.fields, "category_ids": sorted(data.category_ids),
            "languages": sorted(data.languages), "genders": sorted(data.genders),
            "exploitation_forms": sorted(data.exploitation_forms),
            "location_ids": sorted(data.location_ids)}  # fmt: skip
    return [
        (name, _show(saved.get(name)), _show(mine.get(name)))
        for name in mine
        if _show(saved.get(name)) != _show(mine.get(name))
    ]


def _show(value) -> str:
    if value is None:
        return ""
    if isinstance(value, list | tuple):
        return ", ".join(str(v) for v in sorted(value))
    return str(value)


def verify_service(service: Service, user) -> None:
    """Stamp a listing as checked and still correct today."""
    service.last_verified_at = utcnow()
    service.last_verified_by_id = user.id
    record_event("directory:service:verified", "service", service.id)
    db.session.commit()


def set_status(service: Service, status: str, user) -> None:
    """Mark a listing active, temporarily closed, inactive or defunct."""
    if status not in SERVICE_STATUSES:
        raise DirectoryError(_l("Choose a status from the list."))
    service.status = status
    record_event("directory:service:status_changed", "service", service.id)
    db.session.commit()


def update_capacity(service: Service, beds_total: int | None, beds_available: int | None, user):
    """Record how many shelter beds there are and how many are free now."""
    for value in (beds_total, beds_available):
        if value is not None and not 0 <= value <= 100000:
            raise DirectoryError(_l("Enter a number of beds from 0 to 100000."))
    if beds_total is not None and beds_available is not None and beds_available > beds_total:
        raise DirectoryError(_l("Beds available cannot be more than beds in total."))
    service.beds_total = beds_total
    service.beds_available = beds_available
    service.capacity_updated_at = utcnow()
    record_event("directory:service:capacity_updated", "service", service.id)
    db.session.commit()


def save_location(location: Location | None, organisation_id: int, values: dict) -> Location:
    """Create or update one of an organisation's locations."""
    if location is None:
        location = Location(organisation_id=organisation_id)
        db.session.add(location)
    for name, value in values.items():
        setattr(location, name, value)
    db.session.flush()
    record_event("directory:location:saved", "location", location.id)
    db.session.commit()
    return location


def stale_cutoff():
    return utcnow() - timedelta(days=30.44 * current_app.config["DIRECTORY_STALE_MONTHS"])


def is_stale(service: Service) -> bool:
    return service.last_verified_at is None or service.last_verified_at < stale_cutoff()


def freshness_by_organisation() -> list[dict]:
    """Per organisation: listings, how many are stale, the oldest check, the last nudge."""
    cutoff = stale_cutoff()
    live = Service.status.in_(("active", "temporarily_closed"))
    stale = (Service.last_verified_at.is_(None)) | (Service.last_verified_at < cutoff)
    rows = db.session.execute(
        select(
            Organisation,
            func.count(Service.id),
            func.sum(case((stale, 1), else_=0)),
            func.min(Service.last_verified_at),
        )
        .join(Service, Service.organisation_id == Organisation.id)
        .where(live)
        .group_by(Organisation.id)
    ).all()
    nudges = dict(
        db.session.execute(
            select(DirectoryNudge.organisation_id, func.max(DirectoryNudge.created_at)).group_by(
                DirectoryNudge.organisation_id
            )
        ).all()
    )
    result = [
        {
            "organisation": org,
            "total": total,
            "stale": int(stale_count or 0),
            "oldest": oldest,
            "nudged_at": nudges.get(org.id),
        }
        for org, total, stale_count, oldest in rows
    ]
    return sorted(result, key=lambda r: (-r["stale"], r["organisation"].name))


def nudge(organisation: Organisation, user) -> DirectoryNudge:
    """Ask an organisation's editors to re-check their stale listings."""
    cutoff = stale_cutoff()
    count = db.session.scalar(
        select(func.count(Service.id)).where(
            Service.organisation_id == organisation.id,
            Service.status.in_(("active", "temporarily_closed")),
            (Service.last_verified_at.is_(None)) | (Service.last_verified_at < cutoff),
        )
    )
    if not count:
        raise DirectoryError(_l("This organisation has no listings to re-check."))
    item = DirectoryNudge(organisation_id=organisation.id, created_by_id=user.id, stale_count=count)
    db.session.add(item)
    db.session.flush()
    record_event("directory:organisation:nudged", "organisation", organisation.id)
    db.session.commit()
    return item


def latest_nudge(organisation_id: int) -> DirectoryNudge | None:
    return db.session.scalar(
        select(DirectoryNudge)
        .where(DirectoryNudge.organisation_id == organisation_id)
        .order_by(DirectoryNudge.created_at.desc())
        .limit(1)
    )
