"""The search itself: one SQL statement finds a page of services near a place and for a need.

Same results on SQLite and PostgreSQL: free text is matched as substrings of each service's
normalised text (an FTS5 trigram index on SQLite, a pg_trgm index on PostgreSQL), and places
are found by an indexed bounding box on the locations, then the haversine distance in SQL.
"""

from dataclasses import dataclass, field
from datetime import datetime
from zoneinfo import ZoneInfo

from flask import current_app
from sqlalchemy import Float, String, case, cast, exists, func, literal, or_, select, text
from sqlalchemy.sql import operators
from sqlalchemy.sql.elements import UnaryExpression

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
from app.geo.distance import bounding_box, sql_distance_km, sql_haversine_a, sql_km_from_a
from app.geo.places import normalise
from app.search.loading import Hit, load

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


def _public(dialect: str):
    """The status test of a public service."""
    if dialect != "sqlite":
        return Service.status.in_(PUBLIC_STATUSES)
    # Written `+services.status` so that SQLite, which has no statistics to tell it that nearly
    # every service is public, never drives a search from ix_services_status: walking 97,000
    # services made a search near a small town take 200 ms instead of a quarter of one.
    status = UnaryExpression(Service.status, operator=operators.custom_op("+"), type_=String())
    return status.in_(PUBLIC_STATUSES)


def _service_filters(query: SearchQuery, dialect: str):
    """Conditions on the service row shared by every kind of search."""
    conditions = [_public(dialect)]
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
    """The sort keys of a search without a place, labelled: name hits (descending), name."""
    terms = _terms(query.q)
    if not terms:
        return [Service.name.label("name")]
    name_hits = sum(
        (case((func.lower(Service.name).like(f"%{t}%"), 1), else_=0) for t in terms), literal(0)
    )
    return [name_hits.label("name_hits"), Service.name.label("name")]


def search(query: SearchQuery, staff: bool, lean: bool = False) -> SearchResult:
    """Run one search; the public never gets a distance or an order for a confidential place.

    `lean` loads only what a results page shows (names, texts, organisation, the one location):
    two statements for a page; the API also reads hours and areas, three in all.
    """
    dialect = db.engine.dialect.name
    filters = _service_filters(query, dialect)
    offset = (query.page - 1) * query.per_page
    if query.has_point:
        rows, total = _near(query, filters, staff, offset, dialect)
    else:
        rows, total = _anywhere(query, filters, offset)
    nearby_rows = []
    if query.has_point and not staff and query.province_code and query.page == 1:
        nearby_rows = _confidential_in_province(query, filters)
    hits = load(rows + nearby_rows, lean)
    return SearchResult(hits[: len(rows)], total, query.page, query.per_page, hits[len(rows) :])


def _near(query: SearchQuery, filters, staff: bool, offset: int, dialect: str):
    min_lat, max_lat, min_lon, max_lon = bounding_box(query.lat, query.lon, query.radius_km)
    place_filters = [
        Location.latitude.between(min_lat, max_lat),
        Location.longitude.between(min_lon, max_lon),
    ]
    if not staff:
        place_filters.append(Location.confidential.is_(False))
    if dialect == "sqlite":
        statement = _near_sqlite(query, filters, place_filters)
    else:
        statement = _near_window(query, filters, place_filters)
    statement = statement.limit(query.per_page).offset(offset)
    rows = db.session.execute(statement).all()
    total = rows[0].total if rows else _count_past_end(offset, statement)
    return [(r.service_id, r.link_id, r.distance) for r in rows], total


def _near_sqlite(query: SearchQuery, filters, place_filters):
    """Nearest location of each service in the box first, then the services' own filters.

    Locations drive the plan through the bounding-box index; one GROUP BY keeps each service's
    least haversine term with the link it came from (SQLite gives a bare column the values of
    the row where min() found its minimum), and only then are the grouped services joined,
    checked and measured. A service's filters do not depend on which of its locations is
    nearest, so filtering after grouping finds exactly what filtering before it would.
    """
    a = sql_haversine_a(Location.latitude, Location.longitude, query.lat, query.lon)
    nearest = (
        select(
            ServiceAtLocation.service_id.label("service_id"),
            ServiceAtLocation.id.label("link_id"),
            func.min(a).label("a"),
        )
        .select_from(Location)
        .join(ServiceAtLocation, ServiceAtLocation.location_id == Location.id)
        .where(*place_filters)
        .group_by(ServiceAtLocation.service_id)
        .subquery("nearest")
    )
    distance = cast(sql_km_from_a(nearest.c.a), Float)
    found = (
        select(nearest.c.service_id, nearest.c.link_id, distance.label("distance"))
        .select_from(nearest)
        .join(Service, Service.id == nearest.c.service_id)
        .where(distance <= query.radius_km, *filters)
        .cte("found")
    )
    # Counted from the materialised matches: cheaper than a count(*) window over them.
    total = select(func.count()).select_from(found).scalar_subquery()
    return select(found, total.label("total")).order_by(found.c.distance, found.c.service_id)


def _near_window(query: SearchQuery, filters, place_filters):
    """The nearest location of each service by a window: PostgreSQL plans it well."""
    distance = sql_distance_km(Location.latitude, Location.longitude, query.lat, query.lon)
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
    return (
        select(
            nearest.c.service_id,
            nearest.c.link_id,
            nearest.c.distance,
            func.count().over().label("total"),
        )
        .where(nearest.c.rank == 1, nearest.c.distance <= query.radius_km)
        .order_by(nearest.c.distance, nearest.c.service_id)
    )


def _count_past_end(offset, statement):
    # Past the last page the window count is lost with the rows; count only then.
    if offset == 0:
        return 0
    counted = statement.limit(None).offset(None).order_by(None).subquery()
    return db.session.scalar(select(func.count()).select_from(counted))


def _anywhere(query: SearchQuery, filters, offset: int):
    """One page by relevance; the link to show is looked up for that page's services only."""
    keys = _relevance(query)
    page = (
        select(Service.id.label("id"), *keys, func.count().over().label("total"))
        .where(*filters)
        .order_by(*[key.desc() if key.name == "name_hits" else key for key in keys], Service.id)
        .limit(query.per_page)
        .offset(offset)
        .subquery("page")
    )
    first_link = (
        select(ServiceAtLocation.id)
        .where(ServiceAtLocation.service_id == page.c.id)
        .order_by(ServiceAtLocation.location_id)
        .limit(1)
        .scalar_subquery()
    )
    order = [page.c[key.name] for key in keys]
    statement = select(page.c.id, first_link.label("link_id"), page.c.total).order_by(
        *[col.desc() if col.name == "name_hits" else col for col in order], page.c.id
    )
    rows = db.session.execute(statement).all()
    total = rows[0].total if rows else 0
    if not rows and offset:
        counted = select(Service.id).where(*filters).subquery()
        total = db.session.scalar(select(func.count()).select_from(counted))
    return [(r.id, r.link_id, None) for r in rows], total


def _confidential_in_province(query: SearchQuery, filters) -> list[tuple]:
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
