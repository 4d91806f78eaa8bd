"""The search itself: one SQL statement finds a page of services near a place and for a need.

Same results on SQLite and PostgreSQL: free text is matched as substrings of each service's
normalised text (an FTS5 trigram index on SQLite, a pg_trgm index on PostgreSQL), and places
are found by an indexed bounding box on the locations, then the haversine distance in SQL.
"""

from dataclasses import dataclass, field
from datetime import datetime
from zoneinfo import ZoneInfo

from flask import current_app
from sqlalchemy import Float, case, cast, exists, func, literal, or_, select, text
from sqlalchemy.orm import joinedload, lazyload, selectinload

from app.directory.models import (
    Location,
    NeedCategory,
    Service,
    ServiceAtLocation,
    ServiceCategory,
    ServiceSchedule,
)
from app.directory.services import PUBLIC_STATUSES
from app.extensions import db
from app.geo.distance import bounding_box, sql_distance_km
from app.geo.places import normalise

MAX_PER_PAGE = 100


@dataclass
class SearchQuery:
    """What someone is looking for; every field is already checked."""

    q: str = ""
    lat: float | None = None
    lon: float | None = None
    radius_km: float = 50.0
    categories: list[str] = field(default_factory=list)
    language: str | None = None
    age: int | None = None
    gender: str | None = None
    exploitation: str | None = None
    open_now: bool = False
    open_24_7: bool = False
    self_referral: bool = False
    province_code: str | None = None  # the place's province, for confidential services nearby
    page: int = 1
    per_page: int = 20

    @property
    def has_point(self) -> bool:
        return self.lat is not None and self.lon is not None


@dataclass
class Hit:
    service: Service
    location: Location | None
    distance_km: float | None


@dataclass
class SearchResult:
    hits: list[Hit]
    total: int
    page: int
    per_page: int
    nearby_confidential: list[Hit] = field(default_factory=list)

    @property
    def total_pages(self) -> int:
        return max(1, -(-self.total // self.per_page))


def _terms(q: str) -> list[str]:
    return [t for t in normalise(q).split(" ") if t][:8]


def _service_filters(query: SearchQuery, dialect: str):
    """Conditions on the service row shared by every kind of search."""
    conditions = [Service.status.in_(PUBLIC_STATUSES)]
    if query.categories:
        conditions.append(
            exists().where(
                ServiceCategory.service_id == Service.id,
                ServiceCategory.category_id == NeedCategory.id,
                NeedCategory.code.in_(query.categories),
            )
        )
    if query.language:
        conditions.append(Service.languages.like(f"%,{query.language},%"))
    if query.gender:
        conditions.append(or_(Service.genders == "", Service.genders.like(f"%,{query.gender},%")))
    if query.exploitation:
        conditions.append(
            or_(
                Service.exploitation_forms == "",
                Service.exploitation_forms.like(f"%,{query.exploitation},%"),
            )
        )
    if query.age is not None:
        conditions.append(or_(Service.min_age.is_(None), Service.min_age <= query.age))
        conditions.append(or_(Service.max_age.is_(None), Service.max_age >= query.age))
    if query.self_referral:
        conditions.append(Service.self_referral.is_(True))
    if query.open_24_7:
        conditions.append(Service.open_24_7.is_(True))
    if query.open_now:
        now = datetime.now(ZoneInfo(current_app.config["BABEL_DEFAULT_TIMEZONE"]))
        moment = now.time().replace(microsecond=0, tzinfo=None)
        conditions.append(
            or_(
                Service.open_24_7.is_(True),
                exists().where(
                    ServiceSchedule.service_id == Service.id,
                    ServiceSchedule.weekday == now.weekday(),
                    ServiceSchedule.opens_at <= moment,
                    ServiceSchedule.closes_at > moment,
                ),
            )
        )
    for number, term in enumerate(_terms(query.q)):
        pattern = f"%{term.replace('%', '').replace('_', '')}%"
        if dialect == "sqlite" and len(term) >= 3:
            # The trigram index answers substring matches of three characters or more.
            phrase = '"' + term.replace('"', '""') + '"'
            conditions.append(
                # Only the parameter's name varies; the term itself is a bound value.
                text(
                    f"services.rowid IN (SELECT rowid FROM service_fts "  # noqa: S608
                    f"WHERE service_fts MATCH :term{number})"
                ).bindparams(**{f"term{number}": phrase})
            )
        else:
            conditions.append(Service.search_text.like(pattern))
    return conditions


def _relevance(query: SearchQuery):
    terms = _terms(query.q)
    if not terms:
        return [Service.name]
    name_hits = sum(
        (case((func.lower(Service.name).like(f"%{t}%"), 1), else_=0) for t in terms), literal(0)
    )
    return [name_hits.desc(), Service.name]


def search(query: SearchQuery, staff: bool, lean: bool = False) -> SearchResult:
    """Run one search; the public never gets a distance or an order for a confidential place.

    `lean` loads only what a results page shows (names, texts, organisation, the one location),
    so the page costs four statements at most; the API asks for the full records.
    """
    dialect = db.engine.dialect.name
    filters = _service_filters(query, dialect)
    offset = (query.page - 1) * query.per_page
    if query.has_point:
        rows, total = _near(query, filters, staff, offset)
    else:
        rows, total = _anywhere(query, filters, offset)
    nearby_rows = []
    if query.has_point and not staff and query.province_code and query.page == 1:
        nearby_rows = _confidential_in_province(query, filters)
    hits = _load(rows + nearby_rows, lean)
    return SearchResult(hits[: len(rows)], total, query.page, query.per_page, hits[len(rows) :])


def _near(query: SearchQuery, filters, staff: bool, offset: int):
    min_lat, max_lat, min_lon, max_lon = bounding_box(query.lat, query.lon, query.radius_km)
    distance = sql_distance_km(Location.latitude, Location.longitude, query.lat, query.lon)
    place_filters = [
        Location.latitude.between(min_lat, max_lat),
        Location.longitude.between(min_lon, max_lon),
    ]
    if not staff:
        place_filters.append(Location.confidential.is_(False))
    nearest = (
        select(
            ServiceAtLocation.service_id.label("service_id"),
            ServiceAtLocation.id.label("link_id"),
            cast(distance, Float).label("distance"),
            func.row_number()
            .over(partition_by=ServiceAtLocation.service_id, order_by=distance)
            .label("rank"),
        )
        .join(Location, Location.id == ServiceAtLocation.location_id)
        .join(Service, Service.id == ServiceAtLocation.service_id)
        .where(*place_filters, *filters)
        .subquery()
    )
    statement = (
        select(
            nearest.c.service_id,
            nearest.c.link_id,
            nearest.c.distance,
            func.count().over().label("total"),
        )
        .where(nearest.c.rank == 1, nearest.c.distance <= query.radius_km)
        .order_by(nearest.c.distance, nearest.c.service_id)
        .limit(query.per_page)
        .offset(offset)
    )
    rows = db.session.execute(statement).all()
    total = rows[0].total if rows else _count_near(query, offset, statement)
    return [(r.service_id, r.link_id, r.distance) for r in rows], total


def _count_near(query, offset, statement):
    # Past the last page the window count is lost with the rows; count only then.
    if offset == 0:
        return 0
    counted = statement.limit(None).offset(None).order_by(None).subquery()
    return db.session.scalar(select(func.count()).select_from(counted))


def _anywhere(query: SearchQuery, filters, offset: int):
    first_link = (
        select(ServiceAtLocation.id)
        .where(ServiceAtLocation.service_id == Service.id)
        .order_by(ServiceAtLocation.location_id)
        .limit(1)
        .scalar_subquery()
    )
    statement = (
        select(Service.id, first_link.label("link_id"), func.count().over().label("total"))
        .where(*filters)
        .order_by(*_relevance(query), Service.id)
        .limit(query.per_page)
        .offset(offset)
    )
    rows = db.session.execute(statement).all()
    total = rows[0].total if rows else 0
    if not rows and offset:
        counted = statement.limit(None).offset(None).order_by(None).subquery()
        total = db.session.scalar(select(func.count()).select_from(counted))
    return [(r.id, r.link_id, None) for r in rows], total


def _load(rows, lean: bool) -> list[Hit]:
    """Fetch the services and locations of one page in as few statements as possible."""
    if not rows:
        return []
    if lean:
        return _load_lean(rows)
    ids = [service_id for service_id, _, _ in rows]
    services = {
        s.id: s
        for s in db.session.scalars(
            select(Service)
            .where(Service.id.in_(ids))
            .options(
                joinedload(Service.organisation),
                selectinload(Service.texts),
                selectinload(Service.category_links),
                selectinload(Service.location_links).joinedload(ServiceAtLocation.location),
            )
        )
    }
    hits = []
    for service_id, link_id, distance in rows:
        service = services[service_id]
        link = next((k for k in service.location_links if k.id == link_id), None)
        hits.append(Hit(service, link.location if link else None, distance))
    return hits


def _lean_options():
    return (
        joinedload(Service.organisation),
        selectinload(Service.texts),
        lazyload(Service.category_links),
        lazyload(Service.location_links),
        lazyload(Service.schedules),
        lazyload(Service.areas),
    )


def _load_lean(rows) -> list[Hit]:
    """One statement for services, organisations and locations, one for the texts."""
    link_ids = [link_id for _, link_id, _ in rows if link_id is not None]
    links = {}
    if link_ids:
        statement = (
            select(ServiceAtLocation)
            .where(ServiceAtLocation.id.in_(link_ids))
            .options(
                joinedload(ServiceAtLocation.location),
                joinedload(ServiceAtLocation.service).options(*_lean_options()),
            )
        )
        links = {link.id: link for link in db.session.scalars(statement).unique()}
    loose = [service_id for service_id, link_id, _ in rows if link_id is None]
    services = {link.service_id: link.service for link in links.values()}
    if loose:  # services offered at no location: rare, one more statement
        statement = select(Service).where(Service.id.in_(loose)).options(*_lean_options())
        services.update({s.id: s for s in db.session.scalars(statement).unique()})
    hits = []
    for service_id, link_id, distance in rows:
        link = links.get(link_id)
        hits.append(Hit(services[service_id], link.location if link else None, distance))
    return hits


def _confidential_in_province(query: SearchQuery, filters) -> list[Hit]:
    """Safe houses serving the searched province: shown by area, never by distance."""
    statement = (
        select(ServiceAtLocation.service_id, ServiceAtLocation.id)
        .join(Location, Location.id == ServiceAtLocation.location_id)
        .join(Service, Service.id == ServiceAtLocation.service_id)
        .where(Location.confidential.is_(True), Location.province_code == query.province_code,
               *filters)
        .order_by(Service.name, Service.id)
        .limit(10)
    )  # fmt: skip
    rows = [(sid, link_id, None) for sid, link_id in db.session.execute(statement).all()]
    seen, unique = set(), []
    for row in rows:
        if row[0] not in seen:
            seen.add(row[0])
            unique.append(row)
    return unique
