"""Search points: one row per service at a located place, kept with every change.

A search near a place reads only these rows: the bounding box finds them in one range of the
table (on SQLite the rows are stored in latitude order), and each carries what the filters ask
of its service, so no service row is read until the page of results is loaded. Each point also
holds its place as a unit vector (x, y, z): the straight-line distance between two such vectors
grows with the great-circle distance, so comparing and ordering needs only arithmetic.

Each point carries its service's search text (`search_text`), so that words near a place are
tested in the point's own row. For "open now" near a place, a point on PostgreSQL carries its
service's week of hours (`week_hours`); on SQLite, which has no ranges, each day's half-hours
open from start to end as bits (`open_mon` … `open_sun`, see OPEN_SLOTS), and the spans in
`search_hours` are looked up only on a day with hours that start or end off the half-hour.

On SQLite, where the full-text index answers with services' rowids, each point also carries
its service's rowid, and `search_hours` holds the spans of hours by that rowid. `search_services`
holds one narrow row per service by that rowid, with its names and the same columns: a search
with no place checks or counts every matching service, and reads these instead of the services'
long rows; `search_categories` lists the services with each need by name (a need ticked with no
place: 60 ms reading the services, 0.5 ms reading its range).

`search_hours` keeps the hours as spans, one per stretch of a day, of the services the public
can find that are not always open (by rowid on SQLite, by id on PostgreSQL): "open now" with no
place counts the spans open at a moment by one index range.
"""

import math

from sqlalchemy import (
    Boolean,
    Float,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    Time,
    and_,
    case,
    cast,
    column,
    delete,
    event,
    func,
    insert,
    literal_column,
    null,
    select,
    table,
    true,
    update,
)
from sqlalchemy.orm import Mapped, Session, mapped_column

from app.database import WEEKDAYS
from app.directory.models import (
    Location,
    NeedCategory,
    Service,
    ServiceAtLocation,
    ServiceCategory,
    ServiceSchedule,
    ServiceText,
)
from app.directory.services import PUBLIC_STATUSES
from app.extensions import db
from app.geo.distance import EARTH_RADIUS_KM

CHUNK = 500  # ids per IN list when points are rewritten


class SearchPoint(db.Model):
    """A service at a place with coordinates, with the columns a search filters on."""

    __tablename__ = "search_points"
    __table_args__ = (
        # The safe houses serving a province, listed by area for the public (never by distance).
        Index("ix_search_points_safe_houses", "province_code", "confidential"),
        {"sqlite_with_rowid": False},
    )

    # Latitude first: the box's latitude range is one contiguous read of the table.
    latitude: Mapped[float] = mapped_column(Float, primary_key=True)
    longitude: Mapped[float] = mapped_column(Float, primary_key=True)
    link_id: Mapped[str] = mapped_column(
        ForeignKey("service_at_locations.id", ondelete="CASCADE"), primary_key=True
    )
    service_id: Mapped[str] = mapped_column(
        ForeignKey("services.id", ondelete="CASCADE"), index=True
    )
    # On SQLite, the service's rowid: its full-text index (service_fts) answers with rowids.
    service_key: Mapped[int | None] = mapped_column(Integer)
    x: Mapped[float] = mapped_column(Float)
    y: Mapped[float] = mapped_column(Float)
    z: Mapped[float] = mapped_column(Float)
    confidential: Mapped[bool] = mapped_column(Boolean)
    province_code: Mapped[str | None] = mapped_column(String(8))
    # Copied from the service.
    status: Mapped[str] = mapped_column(String(24))
    category_codes: Mapped[str] = mapped_column(String(500))
    languages: Mapped[str] = mapped_column(String(200))
    genders: Mapped[str] = mapped_column(String(64))
    exploitation_forms: Mapped[str] = mapped_column(String(300))
    min_age: Mapped[int | None] = mapped_column(Integer)
    max_age: Mapped[int | None] = mapped_column(Integer)
    self_referral: Mapped[bool] = mapped_column(Boolean)
    open_24_7: Mapped[bool] = mapped_column(Boolean)


# SQLite (migrations 0011, 0020): a service's spans of opening hours by its rowid.
search_hours = table(
    "search_hours",
    column("service_key", Integer),
    column("weekday", Integer),
    column("opens_at", Time),
    column("closes_at", Time),
)
# PostgreSQL (migration 0021): the same spans by service id.
search_hours_by_id = table(
    "search_hours",
    column("service_id", String),
    column("weekday", Integer),
    column("opens_at", Time),
    column("closes_at", Time),
)

# SQLite only (migration 0014): a service by its rowid, with what a search without a place
# filters and sorts on (its text too, for words too short for the trigram index: 0026);
# ix_search_services_listing gives the name order.
search_services = table(
    "search_services",
    column("service_key", Integer),
    column("service_id", String),
    column("name", String),
    column("search_names", Text),
    column("status", String),
    column("category_codes", String),
    column("languages", String),
    column("genders", String),
    column("exploitation_forms", String),
    column("min_age", Integer),
    column("max_age", Integer),
    column("self_referral", Boolean),
    column("open_24_7", Boolean),
    column("search_text", Text),  # migration 0026
)

# Migrations 0014, 0016 (SQLite) and 0018 (PostgreSQL): each service's need categories by code,
# then name: the services with a need, ticked with no place, are one range of it (not a text test
# of each), already in name order and with their status, so a need alone is counted and paged
# off it. The rowid is SQLite's only.
search_categories = table(
    "search_categories",
    column("category_code", String),
    column("name", String),
    column("service_id", String),
    column("service_key", Integer),
    column("status", String),
)

# Each point's service's search text (migrations 0022, PostgreSQL, and 0025, SQLite), words
# near a place tested in the point's own row; and on PostgreSQL its opening hours as one
# multirange of seconds from Monday 00:00 (0019), "open now" tested there too. Columns the
# model leaves out (app.database.HAND_MADE_COLUMNS): SQLite has no ranges (see OPEN_SLOTS).
SECONDS_A_DAY = 86_400
WEEK_HOURS = literal_column("search_points.week_hours")
POINT_TEXT = literal_column("search_points.search_text", Text)


def _points_with(*added: str):
    """The search points as a table with columns that migrations add and the model leaves out."""
    modelled = [column(c.name) for c in SearchPoint.__table__.c]
    return table("search_points", *modelled, *[column(name) for name in added])


POSTGRESQL_POINTS = _points_with("week_hours", "search_text")

# SQLite only (migration 0024): each point's service's half-hours open on each day, Monday
# first, as the bits 0 (00:00–00:30) to 47 (23:30–24:00) of one integer a day; the bit
# OFF_GRID marks a day with hours that open or close off the half-hour, whose half-hours
# not wholly open must be looked up in search_hours. A half-hour wholly open is open at every
# moment of it; with every hour of the day on the half-hour, none is open in part.
OPEN_SLOTS = tuple(literal_column(f"search_points.open_{day}", Integer) for day in WEEKDAYS)
OFF_GRID = 1 << 48
SQLITE_POINTS = _points_with("search_text", *[f"open_{day}" for day in WEEKDAYS])  # 0025, 0024

COPIED = ("status", "category_codes", "languages", "genders", "exploitation_forms", "min_age",
          "max_age", "self_referral", "open_24_7")  # fmt: skip


def unit_vector(latitude: float, longitude: float) -> tuple[float, float, float]:
    lat, lon = math.radians(latitude), math.radians(longitude)
    return math.cos(lat) * math.cos(lon), math.cos(lat) * math.sin(lon), math.sin(lat)


def chord_squared(radius_km: float) -> float:
    """The squared straight-line distance between unit vectors `radius_km` apart on the Earth."""
    return (2 * math.sin(min(radius_km / EARTH_RADIUS_KM, math.pi) / 2)) ** 2


def km_from_chord_squared(value: float) -> float:
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(max(value, 0.0)) / 2))


def _source(sqlite: bool):
    """SELECT of the points of services (its WHERE to be added), in the table's column order."""
    lat, lon = func.radians(Location.latitude), func.radians(Location.longitude)
    key = literal_column("services.rowid") if sqlite else null()
    return (
        select(
            Location.latitude,
            Location.longitude,
            ServiceAtLocation.id,
            Service.id,
            key,
            func.cos(lat) * func.cos(lon),
            func.cos(lat) * func.sin(lon),
            func.sin(lat),
            Location.confidential,
            Location.province_code,
            *[Service.__table__.c[name] for name in COPIED],
        )
        .select_from(ServiceAtLocation)
        .join(Location, Location.id == ServiceAtLocation.location_id)
        .join(Service, Service.id == ServiceAtLocation.service_id)
        .where(Location.latitude.is_not(None), Location.longitude.is_not(None))
    )


def _week_hours():
    """PostgreSQL: the service's week of opening hours, a multirange of seconds (NULL when it
    has none). Hours that close at or before they open are never open, as in the search."""

    def second(at):
        return ServiceSchedule.weekday * SECONDS_A_DAY + cast(func.extract("epoch", at), Integer)

    return (
        select(func.range_agg(func.int4range(second(ServiceSchedule.opens_at),
                                             second(ServiceSchedule.closes_at))))
        .where(ServiceSchedule.service_id == Service.id,
               ServiceSchedule.closes_at > ServiceSchedule.opens_at)
        .scalar_subquery()
    )  # fmt: skip


def _hours(chosen, key=None):
    """SELECT of the opening hours by rowid (SQLite; by id on PostgreSQL) of the chosen
    services the public can find that are not open day and night, each day's overlapping or
    touching hours merged into one span (migrations 0020, 0021).

    "Open now" with no place counts the spans open at that moment (an index range), so no
    service may have two; one open day and night is counted apart. Hours that close at or
    before they open are never open, as in the search.
    """
    key = literal_column("services.rowid") if key is None else key
    day = (key, ServiceSchedule.weekday)
    order = (ServiceSchedule.opens_at, ServiceSchedule.closes_at)
    latest_before = func.max(ServiceSchedule.closes_at).over(
        partition_by=day, order_by=order, rows=(None, -1)
    )
    hours = (
        select(key.label("service_key"), ServiceSchedule.weekday, ServiceSchedule.opens_at,
               ServiceSchedule.closes_at,
               case((ServiceSchedule.opens_at <= latest_before, 0), else_=1).label("starts"))
        .join(Service, Service.id == ServiceSchedule.service_id)
        .where(chosen, ServiceSchedule.closes_at > ServiceSchedule.opens_at,
               Service.status.in_(PUBLIC_STATUSES), Service.open_24_7.is_(False))
        .subquery("hours")
    )  # fmt: skip
    # A span starts at each hour that opens after every earlier one has closed.
    span = func.sum(hours.c.starts).over(
        partition_by=(hours.c.service_key, hours.c.weekday),
        order_by=(hours.c.opens_at, hours.c.closes_at),
        rows=(None, 0),
    )
    spans = select(hours, span.label("span")).subquery("spans")
    return select(
        spans.c.service_key,
        spans.c.weekday,
        func.min(spans.c.opens_at),
        func.max(spans.c.closes_at),
    ).group_by(spans.c.service_key, spans.c.weekday, spans.c.span)


def open_slot(hour: int, minute: int) -> int:
    """The bit of the half-hour a moment falls in (see OPEN_SLOTS)."""
    return 1 << (hour * 2 + minute // 30)


def _on_grid(at):
    # SQLite stores a time as HH:MM:SS.ffffff: on the half-hour means ":00:00.000000" or
    # ":30:00.000000" after the hour; anything else (or another form) counts as off it.
    return func.substr(at, 3).in_((":00:00.000000", ":30:00.000000"))


def _slot(at):
    """The number of the half-hour a time on the half-hour starts."""
    return cast(func.substr(at, 1, 2), Integer) * 2 + case(
        (func.substr(at, 4, 2) == "30", 1), else_=0
    )


def _open_slots(weekday: int):
    """SQLite: a point's service's half-hours open on a day (see OPEN_SLOTS), from its spans
    in search_hours, which never overlap or touch within a day: their bits add up as one."""
    hours = search_hours.c
    on_grid = and_(_on_grid(hours.opens_at), _on_grid(hours.closes_at))
    one = literal_column("1", Integer)
    bits = one.op("<<")(_slot(hours.closes_at)) - one.op("<<")(_slot(hours.opens_at))
    day = func.sum(case((on_grid, bits), else_=0)) + func.max(case((on_grid, 0), else_=OFF_GRID))
    return (
        select(func.coalesce(day, 0))
        .where(hours.service_key == SQLITE_POINTS.c.service_key, hours.weekday == weekday)
        .scalar_subquery()
    )


def _write_open_slots(connection, chunk) -> None:
    """SQLite: the points' half-hours open, from the spans just written."""
    written = update(SQLITE_POINTS).values(
        {f"open_{day}": _open_slots(number) for number, day in enumerate(WEEKDAYS)}
    )
    if chunk is not None:
        written = written.where(SQLITE_POINTS.c.service_id.in_(chunk))
    connection.execute(written)


def _services(chosen):
    """SELECT of the chosen services' narrow rows by rowid (SQLite)."""
    return select(
        literal_column("services.rowid"),
        Service.id,
        Service.name,
        Service.search_names,
        *[Service.__table__.c[name] for name in COPIED],
        Service.search_text,
    ).where(chosen)


def _categories(chosen, sqlite: bool = True):
    """SELECT of the chosen services' need categories by code, with the service's name, id,
    rowid (SQLite only) and status."""
    return (
        select(
            NeedCategory.code,
            Service.name,
            Service.id,
            literal_column("services.rowid") if sqlite else null(),
            Service.status,
        )
        .select_from(ServiceCategory)
        .join(NeedCategory, NeedCategory.id == ServiceCategory.category_id)
        .join(Service, Service.id == ServiceCategory.service_id)
        .where(chosen)
    )


def _categories_by_id(chosen):
    """The same, on PostgreSQL: no rowid."""
    return _categories(chosen, sqlite=False)


def _hours_by_id(chosen):
    """The same spans as `_hours`, on PostgreSQL: by service id."""
    return _hours(chosen, key=Service.id)


# SQLite: the tables keyed by a service's rowid, each with the SELECT that writes its rows.
# Every SELECT here lists its columns in its table's order.
KEYED = {search_hours: _hours, search_services: _services, search_categories: _categories}
# PostgreSQL: the tables kept by service id.
BY_ID = {search_categories: _categories_by_id, search_hours_by_id: _hours_by_id}


def _names(written) -> list[str]:
    return [column.name for column in written.c]


def _write(connection, service_ids=None) -> None:
    """Write the points (and on SQLite the rows keyed by rowid) of these services again, or of
    every service (None)."""
    points = SearchPoint.__table__
    sqlite = connection.dialect.name == "sqlite"
    ids = sorted(set(service_ids)) if service_ids is not None else None
    chunks = [ids[i : i + CHUNK] for i in range(0, len(ids), CHUNK)] if ids is not None else [None]
    for chunk in chunks:
        chosen = Service.id.in_(chunk) if chunk is not None else true()
        keys = select(literal_column("services.rowid")).where(chosen)
        clear_points = delete(points)
        if chunk is not None:
            clear_points = clear_points.where(points.c.service_id.in_(chunk))
        connection.execute(clear_points)
        located = _source(sqlite).where(chosen)
        if sqlite:
            written_points = insert(SQLITE_POINTS).from_select(
                [*_names(points), "search_text"], located.add_columns(Service.search_text)
            )
        else:
            written_points = insert(POSTGRESQL_POINTS).from_select(
                _names(POSTGRESQL_POINTS), located.add_columns(_week_hours(), Service.search_text)
            )
        connection.execute(written_points)
        # PostgreSQL keeps only the needs' services by name (migration 0018) and the spans of
        # hours (0021), by service id; a deleted service's rows go with it by foreign key.
        keyed_rows = KEYED.items() if sqlite else BY_ID.items()
        for keyed, source in keyed_rows:
            clear = delete(keyed)
            if chunk is not None:
                by = keyed.c.service_key.in_(keys) if sqlite else keyed.c.service_id.in_(chunk)
                clear = clear.where(by)
            connection.execute(clear)
            written = insert(keyed).from_select(_names(keyed), source(chosen))
            connection.execute(written.prefix_with("OR IGNORE") if sqlite else written)
        if sqlite:
            _write_open_slots(connection, chunk)


def rewrite(connection, service_ids) -> None:
    """Write again the search rows of these services, from their rows as they are now."""
    _write(connection, service_ids)


def rebuild(connection) -> None:
    """Write every search row from scratch (after a bulk load that went around the ORM)."""
    _write(connection)


def _touched(session: Session) -> set[str]:
    """The services whose points this flush may have changed."""
    services: set[str] = set()
    moved: set[str] = set()
    for obj in [*session.new, *session.dirty, *session.deleted]:
        if isinstance(obj, Service):
            services.add(obj.id)
        elif isinstance(obj, ServiceAtLocation | ServiceCategory | ServiceText | ServiceSchedule):
            if obj.service_id:
                services.add(obj.service_id)
        elif isinstance(obj, Location) and obj not in session.deleted and obj.id:
            moved.add(obj.id)
    if moved:
        linked = select(ServiceAtLocation.service_id).where(
            ServiceAtLocation.location_id.in_(sorted(moved))
        )
        services.update(session.connection().execute(linked).scalars())
    return {s for s in services if s}


@event.listens_for(Session, "after_flush")
def _keep_points(session: Session, _context) -> None:
    # A deleted service, link or place takes its points with it (ON DELETE CASCADE).
    touched = _touched(session)
    if touched:
        rewrite(session.connection(), touched)
