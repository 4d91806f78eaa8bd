"""Fetch the records of one page of search results in as few statements as possible.

They are read as plain rows, not mapped objects, by statements made once: a page of twenty
services took 1.9 ms to load as objects and 0.4 as rows (the API's whole services 2.5 and 1.2).
The records answer to the same names as the models, but only for the columns read here (LISTED
and PLACED for a page of results): a template that reads another prints nothing, so a column
the list or the map comes to show is added here.
"""

from dataclasses import dataclass
from functools import cache
from types import SimpleNamespace

from sqlalchemy import bindparam, select

from app.directory.models import (
    Location,
    Service,
    ServiceArea,
    ServiceAtLocation,
    ServiceSchedule,
    ServiceText,
)
from app.extensions import db
from app.orgs.models import Organisation

# What a page of results shows of a service (the list, the map, a caseworker's referral link)
# and of the location it was found at (its town; on the map its point).
LISTED = (Service.id, Service.name, Service.description, Service.status, Service.self_referral,
          Service.open_24_7, Service.category_codes)  # fmt: skip
PLACED = (Location.city, Location.province, Location.latitude, Location.longitude,
          Location.confidential)  # fmt: skip
# What the API shows: every column but the search's own, and the whole location.
WHOLE = tuple(
    column for column in Service.__table__.columns
    if column.name not in ("search_text", "search_names")
)  # fmt: skip
WHOLE_PLACE = tuple(Location.__table__.columns)


class ServiceRecord(SimpleNamespace):
    """A service as a search read it; its derived values are the model's own."""

    localized = Service.localized
    category_code_list = Service.category_code_list
    language_list = Service.language_list
    gender_list = Service.gender_list
    exploitation_list = Service.exploitation_list


@dataclass
class Hit:
    service: ServiceRecord
    location: SimpleNamespace | None  # the columns of PLACED, or for the API the whole row
    distance_km: float | None
    link_id: str | None = None  # the service-at-location the location was reached through
    # (weekday, opens at, closes at) in order, when the search read them (for the API)
    periods: list[tuple] | None = None


def load(rows, lean: bool) -> list[Hit]:
    """Turn (service id, link id, distance) rows into hits, in their order.

    One statement reads the links with their locations, services, organisations and texts (for
    the API, whole, with the areas served); services offered at no location, which are rare,
    take one more, and the API's opening hours one more.
    """
    if not rows:
        return []
    service_columns, place_columns = _columns(lean)
    service_names = [column.key for column in service_columns]
    place_names = [column.key for column in place_columns]
    services: dict[str, ServiceRecord] = {}
    places: dict[str, SimpleNamespace] = {}
    # A service's texts and areas come as a product, one row for each pair: each read once.
    texts_read: set[int] = set()
    areas_read: set[int] = set()
    link_ids = [link_id for _, link_id, _ in rows if link_id is not None]
    loose = [service_id for service_id, link_id, _ in rows if link_id is None]
    for placed, ids in ((True, link_ids), (False, loose)):
        if not ids:
            continue
        for row in db.session.execute(_statement(lean, placed), {"ids": ids}):
            values = row._mapping
            service = services.get(row.id)
            if service is None:
                service = services[row.id] = ServiceRecord(
                    **{name: values[name] for name in service_names},
                    organisation=SimpleNamespace(
                        name=row.organisation_name, uuid=row.organisation_uuid
                    ),
                    texts=[],
                    areas=[],
                )
            if row.text_id is not None and row.text_id not in texts_read:
                texts_read.add(row.text_id)
                service.texts.append(SimpleNamespace(
                    locale=row.text_locale, name=row.text_name, description=row.text_description
                ))  # fmt: skip
            if not lean and row.area_id is not None and row.area_id not in areas_read:
                areas_read.add(row.area_id)
                service.areas.append(SimpleNamespace(
                    country=row.area_country, province_code=row.area_province_code
                ))  # fmt: skip
            if placed and row.link_id not in places:
                places[row.link_id] = SimpleNamespace(
                    **{name: values[f"place_{name}"] for name in place_names}
                )
    periods = None if lean else _periods(list(services))
    hits = []
    for service_id, link_id, distance in rows:
        place = places.get(link_id)
        hit = Hit(services[service_id], place, distance, link_id if place else None)
        if periods is not None:
            hit.periods = periods.get(service_id, [])
        hits.append(hit)
    return hits


def _columns(lean: bool) -> tuple[tuple, tuple]:
    """What is read of a service and of the location it was found at."""
    return (LISTED, PLACED) if lean else (WHOLE, WHOLE_PLACE)


@cache
def _statement(lean: bool, placed: bool):
    """The statement reading the services of a page, by their links' ids (`placed`) or by their
    own, with an `ids` list bound when it runs: made once, not once a page (its sixty-odd
    columns took a fifth of the time a page of whole services took to load)."""
    service_columns, place_columns = _columns(lean)
    read = [*service_columns, Organisation.name.label("organisation_name"),
            Organisation.uuid.label("organisation_uuid"),
            ServiceText.id.label("text_id"), ServiceText.locale.label("text_locale"),
            ServiceText.name.label("text_name"),
            ServiceText.description.label("text_description")]  # fmt: skip
    if not lean:
        read += [ServiceArea.id.label("area_id"), ServiceArea.country.label("area_country"),
                 ServiceArea.province_code.label("area_province_code")]  # fmt: skip
    ids = bindparam("ids", expanding=True)
    if placed:
        located = [column.label(f"place_{column.key}") for column in place_columns]
        statement = (
            select(ServiceAtLocation.id.label("link_id"), *located, *read)
            .select_from(ServiceAtLocation)
            .join(Location, Location.id == ServiceAtLocation.location_id)
            .join(Service, Service.id == ServiceAtLocation.service_id)
            .where(ServiceAtLocation.id.in_(ids))
        )
    else:
        statement = select(*read).where(Service.id.in_(ids))
    statement = statement.join(Organisation, Organisation.id == Service.organisation_id)
    statement = statement.outerjoin(ServiceText, ServiceText.service_id == Service.id)
    if not lean:
        statement = statement.outerjoin(ServiceArea, ServiceArea.service_id == Service.id)
    return statement


def _periods(service_ids: list[str]) -> dict[str, list[tuple]]:
    """The services' opening hours as plain rows, in order: a page of twenty has some 140, and
    as mapped objects they took 1.8 ms of a 12 ms API answer."""
    found: dict[str, list[tuple]] = {}
    for service_id, *period in db.session.execute(PERIODS, {"ids": service_ids}):
        found.setdefault(service_id, []).append(tuple(period))
    return found


PERIODS = (
    select(ServiceSchedule.service_id, ServiceSchedule.weekday, ServiceSchedule.opens_at,
           ServiceSchedule.closes_at)
    .where(ServiceSchedule.service_id.in_(bindparam("ids", expanding=True)))
    .order_by(ServiceSchedule.service_id, ServiceSchedule.weekday, ServiceSchedule.opens_at,
              ServiceSchedule.closes_at)
)  # fmt: skip
