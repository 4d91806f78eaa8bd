"""Bring a listing's rows in line with an import, touching only what differs."""

from collections.abc import Iterable

from sqlalchemy import bindparam, select, update

from app.directory.models import (
    Service,
    ServiceArea,
    ServiceAtLocation,
    ServiceCategory,
    ServiceSchedule,
    ServiceText,
    new_id,
)
from app.extensions import db

CHUNK = 500  # ids per IN (...) query, well under every database's parameter limit


def load(model, ids: Iterable[str]) -> dict:
    """Return the rows of `model` with these ids, by id."""
    ids = sorted(set(ids))
    found = {}
    for start in range(0, len(ids), CHUNK):
        chunk = ids[start : start + CHUNK]
        for row in db.session.scalars(select(model).where(model.id.in_(chunk))):
            found[row.id] = row
    return found


def assign(row, values: dict) -> bool:
    """Set attributes that differ; return True when anything changed."""
    changed = False
    for name, value in values.items():
        if getattr(row, name) != value:
            setattr(row, name, value)
            changed = True
    return changed


def sync_categories(service: Service, category_ids: Iterable[int]) -> bool:
    wanted = set(category_ids)
    current = {link.category_id for link in service.category_links}
    if wanted == current:
        return False
    service.category_links = [
        link for link in service.category_links if link.category_id in wanted
    ] + [ServiceCategory(category_id=cid) for cid in sorted(wanted - current)]
    return True


def sync_schedules(service: Service, periods: Iterable[tuple]) -> bool:
    wanted = sorted(periods)
    if wanted == sorted((s.weekday, s.opens_at, s.closes_at) for s in service.schedules):
        return False
    service.schedules = [
        ServiceSchedule(weekday=day, opens_at=opens, closes_at=closes)
        for day, opens, closes in wanted
    ]
    return True


def sync_areas(service: Service, areas: Iterable[tuple[str, str | None]]) -> bool:
    wanted = sorted((country, province or "") for country, province in areas)
    if wanted == sorted((a.country, a.province_code or "") for a in service.areas):
        return False
    service.areas = [ServiceArea(country=c, province_code=p or None) for c, p in wanted]
    return True


def sync_texts(service: Service, texts: dict[str, tuple[str, str]]) -> bool:
    """Set the per-language name and description; a language left out is removed."""
    # Rows of a kept language are updated in place: a delete and insert of the same
    # (service, locale) in one flush would break its unique constraint.
    changed = False
    kept = []
    for text in service.texts:
        if text.locale in texts:
            name, description = texts[text.locale]
            changed |= assign(text, {"name": name, "description": description})
            kept.append(text)
        else:
            changed = True
    have = {text.locale for text in kept}
    added = [
        ServiceText(locale=locale, name=name, description=description)
        for locale, (name, description) in sorted(texts.items())
        if locale not in have
    ]
    if changed or added:
        service.texts = kept + added
    return changed or bool(added)


def sync_locations(service: Service, links: Iterable[tuple[str | None, str]]) -> bool:
    """Link the service to exactly these locations, given as (link id or None, location id)."""
    wanted = {location_id: link_id for link_id, location_id in links}
    current = {link.location_id for link in service.location_links}
    if set(wanted) == current:
        return False
    taken = set(
        db.session.scalars(
            select(ServiceAtLocation.id).where(
                ServiceAtLocation.id.in_([i for i in wanted.values() if i])
            )
        )
    )
    service.location_links = [
        link for link in service.location_links if link.location_id in wanted
    ] + [
        ServiceAtLocation(
            id=wanted[lid] if wanted[lid] and wanted[lid] not in taken else new_id(),
            location_id=lid,
        )
        for lid in sorted(set(wanted) - current)
    ]
    return True


def keep_versions(versions: dict[str, int]) -> None:
    """Give newly created services the version they had where they came from."""
    # The ORM always inserts version 1, so a round trip would otherwise renumber listings;
    # `updated_at` is set to itself so its on-update default does not fire.
    table = Service.__table__
    wanted = [{"b_id": sid, "b_version": v} for sid, v in versions.items() if v and v != 1]
    if not wanted:
        return
    db.session.flush()
    db.session.execute(
        update(table)
        .where(table.c.id == bindparam("b_id"))
        .values(version=bindparam("b_version"), updated_at=table.c.updated_at),
        wanted,
    )
    for sid in versions:
        service = db.session.get(Service, sid)
        if service is not None:
            db.session.expire(service, ["version"])


def location_values(fields: dict, *, withheld: bool) -> dict:
    """Return Location attributes to set, keeping stored coordinates the file withholds."""
    result = dict(fields)
    if "province_code" in result:
        result["province_code"] = result["province_code"] or None
    # A confidential location whose address the file leaves out keeps the one stored here:
    # importing a public export must never erase a safe house's address or coordinates.
    if withheld:
        result.pop("latitude", None)
        result.pop("longitude", None)
    return result
