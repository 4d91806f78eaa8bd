"""Fetch the records of one page of search results in as few statements as possible."""

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import defer, joinedload, lazyload, load_only

from app.directory.models import (
    Location,
    Service,
    ServiceAtLocation,
    ServiceSchedule,
    ServiceText,
)
from app.extensions import db
from app.orgs.models import Organisation

# A service's columns a result shows (the list, the map, a caseworker's referral link).
LISTED = (Service.name, Service.description, Service.status, Service.self_referral,
          Service.open_24_7, Service.category_codes, Service.organisation_id)  # fmt: skip


@dataclass
class Hit:
    service: Service
    location: Location | None
    distance_km: float | None
    link_id: str | None = None  # the service-at-location the location was reached through
    # (weekday, opens at, closes at) in order, when the search read them (for the API)
    periods: list[tuple] | None = None


def _options(lean: bool):
    """What a page of results reads of each service; the API (not lean) also shows hours and areas.

    Category names come from `category_codes` and the taxonomy cache, and the one location
    from the link the search found, so no service's category or location links are loaded.
    """
    if lean:
        # Only what a result shows: 9 of a service's 39 columns, 2 of its organisation's
        # (a page of twenty took 1.6 ms to load, a third of a search near a city). Reading any
        # other column of these services raises rather than costing a statement each.
        return [
            load_only(*LISTED, raiseload=True),
            joinedload(Service.organisation).load_only(Organisation.name, raiseload=True),
            joinedload(Service.texts).load_only(
                ServiceText.locale, ServiceText.name, ServiceText.description
            ),
            lazyload(Service.category_links),
            lazyload(Service.location_links),
            lazyload(Service.schedules),
            lazyload(Service.areas),
        ]
    return [
        joinedload(Service.organisation),
        joinedload(Service.texts),
        lazyload(Service.category_links),
        lazyload(Service.location_links),
        defer(Service.search_text),  # the longest column, and only the search reads it
        defer(Service.search_names),
        joinedload(Service.areas),
        lazyload(Service.schedules),  # read as plain rows by _periods
    ]


def load(rows, lean: bool) -> list[Hit]:
    """Turn (service id, link id, distance) rows into hits, in their order.

    One statement reads the links with their locations, services, organisations, texts (and
    for the API the service areas); the API's opening hours take one more.
    """
    if not rows:
        return []
    options = _options(lean)
    link_ids = [link_id for _, link_id, _ in rows if link_id is not None]
    links = {}
    if link_ids:
        statement = (
            select(ServiceAtLocation)
            .where(ServiceAtLocation.id.in_(link_ids))
            .options(
                joinedload(ServiceAtLocation.location).lazyload(Location.organisation),
                joinedload(ServiceAtLocation.service).options(*options),
            )
        )
        links = {link.id: link for link in db.session.scalars(statement).unique()}
    services = {link.service_id: link.service for link in links.values()}
    loose = [service_id for service_id, link_id, _ in rows if link_id is None]
    if loose:  # services offered at no location: rare, one more statement
        statement = select(Service).where(Service.id.in_(loose)).options(*options)
        services.update({s.id: s for s in db.session.scalars(statement).unique()})
    periods = None if lean else _periods(list(services))
    hits = []
    for service_id, link_id, distance in rows:
        link = links.get(link_id)
        location = link.location if link else None
        hit = Hit(services[service_id], location, distance, link_id if link else None)
        if periods is not None:
            hit.periods = periods.get(service_id, [])
        hits.append(hit)
    return hits


def _periods(service_ids: list[str]) -> dict[str, list[tuple]]:
    """The services' opening hours as plain rows, in order: a page of twenty has some 140, and
    as mapped objects they took 1.8 ms of a 12 ms API answer."""
    found: dict[str, list[tuple]] = {}
    statement = (
        select(ServiceSchedule.service_id, ServiceSchedule.weekday, ServiceSchedule.opens_at,
               ServiceSchedule.closes_at)
        .where(ServiceSchedule.service_id.in_(service_ids))
        .order_by(ServiceSchedule.service_id, ServiceSchedule.weekday, ServiceSchedule.opens_at,
                  ServiceSchedule.closes_at)
    )  # fmt: skip
    for service_id, *period in db.session.execute(statement):
        found.setdefault(service_id, []).append(tuple(period))
    return found
