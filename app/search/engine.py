"""The search itself: one SQL statement finds a page of services near a place and for a need.

Same results on SQLite and PostgreSQL: free text is matched as substrings of each service's
normalised text (an FTS5 trigram index on SQLite, a pg_trgm index on PostgreSQL), and a search
near a place reads the search points (app.search.points) in the place's bounding box, keeps each
service's nearest point, and compares and orders by the straight line between unit vectors,
which grows with the great-circle distance.
"""

from dataclasses import dataclass, field, replace
from datetime import datetime, time
from zoneinfo import ZoneInfo

from flask import current_app
from sqlalchemy import (
    Integer,
    String,
    and_,
    case,
    column,
    exists,
    func,
    literal,
    literal_column,
    or_,
    select,
    table,
    union_all,
)
from sqlalchemy.sql import operators
from sqlalchemy.sql.elements import UnaryExpression

from app.database import scalar_meanwhile
from app.directory.models import (
    NeedCategory,
    Service,
    ServiceAtLocation,
    ServiceCategory,
    ServiceSchedule,
)
from app.directory.services import PUBLIC_STATUSES
from app.extensions import db
from app.geo.distance import bounding_box
from app.geo.places import normalise
from app.search.loading import Hit, load
from app.search.points import (
    OFF_GRID,
    OPEN_SLOTS,
    POINT_TEXT,
    SECONDS_A_DAY,
    WEEK_HOURS,
    chord_squared,
    km_from_chord_squared,
    open_slot,
    search_categories,
    search_hours,
    search_hours_by_id,
    search_services,
    unit_vector,
)
from app.search.points import SearchPoint as P

MAX_PER_PAGE = 100
NOON = time(12)
S = search_services.c  # SQLite: a service's narrow row, for a search without a place
C = search_categories.c  # a need's services by name, for a need with no place
# SQLite's trigram full-text indexes of the text of the services the public can find, and of
# every service's names (migrations 0003, 0017): each answers with the services' rowids.
TEXT_INDEX = table("service_fts", column("rowid", Integer), column("service_fts"))
NAMES_INDEX = table("service_names_fts", column("rowid", Integer), column("service_names_fts"))


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
    # The moment "open now" means: now, in the network's time zone, unless given (tests).
    at: datetime | None = None
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


def _contains(term: str) -> str:
    """A LIKE pattern for a normalised term anywhere in a normalised text."""
    return f"%{term.replace('%', '').replace('_', '')}%"


def _contain_all(index, terms: list[str]):
    """SQLite: the full-text index's rows whose text (or names) contain every term, each of
    three characters or more: one query for all of them (three words as three sets took
    three times as long)."""
    phrases = " ".join('"' + term.replace('"', '""') + '"' for term in terms)
    return index.c[index.name].op("MATCH")(phrases)


def _matching(index, terms: list[str]):
    """SQLite: the rowids of the services whose text (or names) contain every term."""
    return select(index.c.rowid).where(_contain_all(index, terms))


def _table(of):
    """The table a search reads the services' columns from."""
    return Service.__table__ if of is Service else of.service_id.expression.table


def _public(dialect: str, of=Service):
    """The status test of a public service."""
    if dialect != "sqlite" or of is not Service:
        return of.status.in_(PUBLIC_STATUSES)
    # Written `+services.status` so that SQLite, which has no statistics to tell it that nearly
    # every service is public, never drives a search from ix_services_status: walking 97,000
    # services made a search near a small town take 200 ms instead of a quarter of one.
    return _no_index(Service.status, String()).in_(PUBLIC_STATUSES)


def _no_index(column, type_):
    """`+column`: the same value, which SQLite will not look up through an index."""
    return UnaryExpression(column, operator=operators.custom_op("+"), type_=type_)


def _offers_a_need(codes: list[str], dialect: str, of=Service):
    """The service offers one of these needs.

    With no place every service is looked at: the services with a need are then found from
    the need's side (on PostgreSQL by the links: 10,000 services counted in 26 ms, against 55
    testing every service's codes; on SQLite as one range of search_categories). Near a place,
    the few services in the box test their own codes.
    """
    if of is Service:
        with_need = (
            select(ServiceCategory.service_id)
            .join(NeedCategory, NeedCategory.id == ServiceCategory.category_id)
            .where(NeedCategory.code.in_(codes))
        )
        return Service.id.in_(with_need)
    if dialect == "sqlite" and of is S:
        with_need = select(search_categories.c.service_key).where(
            search_categories.c.category_code.in_(codes)
        )
        return S.service_key.in_(with_need)
    return or_(*[of.category_codes.like(f"%,{code},%") for code in codes])


def _moment(at: datetime | None) -> tuple[datetime, time]:
    """The moment "open now" means (in the network's time zone), and its time of day."""
    now = at or datetime.now(ZoneInfo(current_app.config["BABEL_DEFAULT_TIMEZONE"]))
    return now, now.time().replace(microsecond=0, tzinfo=None)


def _open_at(hours, now: datetime, moment: time, weekday=None) -> tuple:
    """The conditions on rows of opening hours (or spans) that include this moment."""
    weekday = hours.weekday if weekday is None else weekday
    return weekday == now.weekday(), hours.opens_at <= moment, hours.closes_at > moment


def _open_now_alone(query: SearchQuery, filters) -> bool:
    """Only "open now" is asked: the filters are the status test and the hours' (see
    _service_filters); any other filter or word adds more."""
    return query.open_now and len(filters) == 2


def _open_then(dialect: str, of, service_id, at: datetime | None = None):
    """The service has opening hours that include this moment (in the network's time zone)."""
    now, moment = _moment(at)
    if dialect != "sqlite" and of is P:
        # Near a place (PostgreSQL): each point carries its service's week of hours as ranges
        # of seconds (migration 0019), tested in the row; a lookup of each service's hours was
        # 3 µs a point, 11 of 18 ms near Bangkok.
        second = now.weekday() * SECONDS_A_DAY + moment.hour * 3600 + moment.minute * 60
        return WEEK_HOURS.op("@>")(literal(second + moment.second, Integer))
    if dialect == "sqlite" and of is not Service:  # the same hours, by an integer key
        hours, key = search_hours.c, search_hours.c.service_key == of.service_key
        # Each service's own hours by its key, never a walk of every span of the day through
        # ix_search_hours_open (near Bangkok: 6 s instead of 5 ms).
        at_that_time = _open_at(hours, now, moment, _no_index(hours.weekday, Integer()))
        if of is P:
            # Near a place (SQLite): the point's bit for this half-hour of the day says it
            # (migration 0024); the spans are looked up only on a day with hours off the
            # half-hour (looking up every point's: 7.3 ms near Bangkok, 4.9 with the bits).
            day = OPEN_SLOTS[now.weekday()]
            looked_up = and_(day >= OFF_GRID, exists().where(key, *at_that_time))
            return or_(day.op("&")(open_slot(moment.hour, moment.minute)) != 0, looked_up)
    else:
        hours, key = ServiceSchedule, ServiceSchedule.service_id == service_id
        at_that_time = _open_at(hours, now, moment)
    if dialect == "sqlite":
        return exists().where(key, *at_that_time)
    # No place (PostgreSQL): every service is looked at, so the hours open now are read once,
    # as one range of ix_service_schedules_open (377 ms probing each service's, 57).
    return Service.id.in_(select(ServiceSchedule.service_id).where(*at_that_time))


def _service_filters(query: SearchQuery, dialect: str, of=Service):
    """Conditions on a service shared by every kind of search.

    `of` is where the service's columns are read: the services themselves, or the search
    points or (SQLite) the services' narrow rows (app.search.points), which carry copies.
    """
    service_id = Service.id if of is Service else of.service_id
    conditions = [_public(dialect, of)]
    if query.categories:
        conditions.append(_offers_a_need(query.categories, dialect, of))
    if query.language:
        conditions.append(of.languages.like(f"%,{query.language},%"))
    if query.gender:
        conditions.append(or_(of.genders == "", of.genders.like(f"%,{query.gender},%")))
    if query.exploitation:
        conditions.append(
            or_(
                of.exploitation_forms == "", of.exploitation_forms.like(f"%,{query.exploitation},%")
            )
        )
    if query.age is not None:
        conditions.append(or_(of.min_age.is_(None), of.min_age <= query.age))
        conditions.append(or_(of.max_age.is_(None), of.max_age >= query.age))
    if query.self_referral:
        conditions.append(of.self_referral.is_(True))
    if query.open_24_7:
        conditions.append(of.open_24_7.is_(True))
    if query.open_now:
        open_then = _open_then(dialect, of, service_id, query.at)
        conditions.append(or_(of.open_24_7.is_(True), open_then))
    terms = _terms(query.q)
    indexed = [t for t in terms if dialect == "sqlite" and _indexed(t, near=of is P)]
    if indexed:
        # The trigram index answers substring matches of three characters or more, with
        # services' rowids; a copy carries its service's.
        key = literal_column("services.rowid") if of is Service else of.service_key
        conditions.append(key.in_(_matching(TEXT_INDEX, indexed)))
    for term in terms:
        if term in indexed:
            continue
        if of is Service:
            conditions.append(Service.search_text.like(_contains(term)))
        elif of is P:
            # Near a place: each point carries its service's text (migrations 0022, 0025),
            # tested in the row; each service's looked up was 3 µs a point near a city on
            # PostgreSQL, 1 µs on SQLite.
            conditions.append(POINT_TEXT.like(_contains(term)))
        else:
            # No place (SQLite): each service's narrow row carries its text (migration 0026),
            # tested as the rows are walked; every service's long row read once for each short
            # word took 263 ms for "ho tro" at 100,000 services.
            conditions.append(of.search_text.like(_contains(term)))
    return conditions


def _indexed(term: str, near: bool) -> bool:
    """SQLite: whether the trigram index looks for this term, rather than each service's text.

    It answers three characters or more. Near a place, a term in Latin letters is looked for
    in the few thousand points' own text instead: such trigrams are shared by the English,
    Malay, Indonesian and unaccented Vietnamese text of most services, so the index's list of
    matches is long ("shelter": 13,400 of 100,000 services, 5.6 ms near Bangkok through the
    index, 1.9 in the points' text; near Phôngsali 5.1 and 0.5). Thai trigrams are few and
    distinctive ("ที่พัก": 747 services, 1.5 ms through the index), and LIKE reads Thai text
    more slowly (3.6 ms).
    """
    return len(term) >= 3 and not (near and term.isascii())


def _relevance(query: SearchQuery, of=Service):
    """The sort keys of a search without a place, labelled: name hits (descending), name.

    A term hits a service's name when any of its names (in any language) contains it, compared
    as the search text is: lower-case, without Latin diacritics.
    """
    terms = _terms(query.q)
    if not terms:
        return [of.name.label("name")]
    name_hits = sum(
        (case((of.search_names.like(_contains(t)), 1), else_=0) for t in terms), literal(0)
    )
    return [name_hits.label("name_hits"), of.name.label("name")]


def search(query: SearchQuery, staff: bool, lean: bool = False) -> SearchResult:
    """Run one search; the public never gets a distance or an order for a confidential place.

    `lean` loads only what a results page shows (names, texts, organisation, the one location):
    two statements for a page; the API also reads hours and areas, three in all.
    """
    dialect = db.engine.dialect.name
    offset = (query.page - 1) * query.per_page
    if query.has_point:
        rows, total = _near(query, staff, offset, dialect)
    else:
        filters, of = _anywhere_filters(query, dialect)
        found = _named_first(query, filters, offset) if of is S and query.q else None
        rows, total = found if found is not None else _anywhere(query, filters, offset, of)
    nearby_rows = []
    if query.has_point and not staff and query.province_code and query.page == 1:
        nearby_rows = _confidential_in_province(query, dialect)
    hits = load(rows + nearby_rows, lean)
    return SearchResult(hits[: len(rows)], total, query.page, query.per_page, hits[len(rows) :])


def _anywhere_filters(query: SearchQuery, dialect: str):
    """The conditions of a search with no place, and where its services' columns are read.

    With one need and no words, the need's range of search_categories is read in name order
    (the other filters, if any, from each service's row as the range is walked: on SQLite its
    narrow row). Otherwise on SQLite every service is looked at through its narrow row, or,
    with nothing to check but the status, the services' own listing index is enough.
    """
    if len(query.categories) == 1 and not _terms(query.q):
        row = S if dialect == "sqlite" else Service  # where the other filters are read
        others = _service_filters(replace(query, categories=[]), dialect, of=row)[1:]
        key = S.service_key == C.service_key if row is S else Service.id == C.service_id
        joined = [key, *others] if others else []
        return [C.category_code == query.categories[0], _public(dialect, C), *joined], C
    if dialect != "sqlite":
        filters = _service_filters(query, dialect)
        if _open_now_alone(query, filters):
            # Counted by _open_now_count (PostgreSQL), so the page need only look up the spans
            # of each service it walks by name, not gather every open one.
            hours = search_hours_by_id.c
            spans = _open_at(hours, *_moment(query.at))
            open_then = exists().where(hours.service_id == Service.id, *spans)
            return [filters[0], or_(Service.open_24_7.is_(True), open_then)], Service
        return filters, Service
    filters = _service_filters(query, dialect, of=S)
    if len(filters) == 1:
        return [_public(dialect)], Service
    return filters, S


def _near(query: SearchQuery, staff: bool, offset: int, dialect: str):
    """The services with a point in the circle, nearest first, read from the search points."""
    min_lat, max_lat, min_lon, max_lon = bounding_box(query.lat, query.lon, query.radius_km)
    x, y, z = unit_vector(query.lat, query.lon)
    # The squared straight line to the point: ordered as the great-circle distance is.
    chord = (P.x - x) * (P.x - x) + (P.y - y) * (P.y - y) + (P.z - z) * (P.z - z)
    conditions = [
        P.latitude.between(min_lat, max_lat),
        P.longitude.between(min_lon, max_lon),
        *_service_filters(query, dialect, of=P),
    ]
    if not staff:
        conditions.append(P.confidential.is_(False))
    nearest_first = _near_sqlite if dialect == "sqlite" else _near_window
    statement = nearest_first(chord, conditions, chord_squared(query.radius_km))
    statement = statement.limit(query.per_page).offset(offset)
    rows = db.session.execute(statement).all()
    total = rows[0].total if rows else _count_past_end(offset, statement)
    return [(r.service_id, r.link_id, km_from_chord_squared(r.chord)) for r in rows], total


def _near_sqlite(chord, conditions, within: float):
    """Each service's nearest point in the box by one GROUP BY, then the circle and the order.

    SQLite gives a bare column the values of the row where min() found its minimum, so the
    link and service of the nearest point come with it.
    """
    nearest = (
        select(P.service_id, P.link_id, func.min(chord).label("chord"))
        .where(*conditions)
        .group_by(P.service_key)
        .subquery("nearest")
    )
    found = select(nearest).where(nearest.c.chord <= within).cte("found")
    # Counted from the materialised matches: cheaper than a count(*) window over them.
    total = select(func.count()).select_from(found).scalar_subquery()
    return select(found, total.label("total")).order_by(found.c.chord, found.c.service_id)


def _near_window(chord, conditions, within: float):
    """The nearest point of each service by a window: PostgreSQL plans it well."""
    nearest = (
        select(
            P.service_id,
            P.link_id,
            chord.label("chord"),
            func.row_number()
            .over(partition_by=P.service_id, order_by=(chord, P.link_id))
            .label("rank"),
        )
        .where(*conditions)
        .subquery()
    )
    return (
        select(
            nearest.c.service_id,
            nearest.c.link_id,
            nearest.c.chord,
            func.count().over().label("total"),
        )
        .where(nearest.c.rank == 1, nearest.c.chord <= within)
        .order_by(nearest.c.chord, nearest.c.service_id)
    )


def _count_past_end(offset, statement):
    # Past the last page the window count is lost with the rows; count only then.
    if offset == 0:
        return 0
    counted = statement.limit(None).offset(None).order_by(None).subquery()
    return db.session.scalar(select(func.count()).select_from(counted))


def _open_now_count(query: SearchQuery, filters, of):
    """The statement counting "open now" alone with no place: the services open day and night
    plus the spans of hours open at that moment (migrations 0020, 0021: a service has at most
    one span open at any moment, and none when it is open day and night). Every open service
    looked up in turn took 47 ms on SQLite, 104 on PostgreSQL; None for any other search."""
    if not _open_now_alone(query, filters) or not (of is S or of is Service):
        return None
    now, moment = _moment(query.at)
    if of is S:
        hours = search_hours.c
        always = select(func.count()).where(S.open_24_7.is_(True), _public("sqlite", S))
        # One range of one index (migration 0023): before noon the spans opened by then,
        # from noon those not yet closed; the other bound is tested in the index's row.
        if moment < NOON:
            at_that_time = (
                hours.opens_at <= moment,
                _no_index(hours.closes_at, hours.closes_at.type) > moment,
            )
        else:
            at_that_time = (
                _no_index(hours.opens_at, hours.opens_at.type) <= moment,
                hours.closes_at > moment,
            )
        spans = select(func.count()).where(hours.weekday == now.weekday(), *at_that_time)
    else:  # PostgreSQL: through the partial index ix_services_open_24_7; its statistics
        # choose between the spans' two indexes
        hours = search_hours_by_id.c
        always = select(func.count()).where(Service.open_24_7, _public("postgresql"))
        spans = select(func.count()).where(*_open_at(hours, now, moment))
    return select(always.scalar_subquery() + spans.scalar_subquery())


def _anywhere(query: SearchQuery, filters, offset: int, of=Service):
    """One page by relevance; the link to show is looked up for that page's services only."""
    keys = _relevance(query, of)
    service_id = Service.id if of is Service else of.service_id
    order = [*[key.desc() if key.name == "name_hits" else key for key in keys], service_id]
    counted = _open_now_count(query, filters, of) if len(keys) == 1 else None
    # "Open now" alone is counted on a connection of its own while the page is read.
    meanwhile = scalar_meanwhile(counted) if counted is not None else None
    if meanwhile is not None:
        ranked = select(service_id.label("id"), *keys).where(*filters)
    elif len(keys) == 1:
        # No words: name order, read off a listing index (ix_services_listing, or on SQLite
        # ix_search_services_listing). Counted apart, the page stops at its 20th row.
        total = (
            select(func.count())
            .select_from(_table(of))
            .where(*filters)
            .correlate(None)  # a count of its own, whatever tables the page reads
            .scalar_subquery()
        )
        ranked = select(service_id.label("id"), *keys, total.label("total")).where(*filters)
    else:
        # Words: every match is ranked, so the matches are gathered once, then counted and
        # sorted (a count over a window of them took twice as long: 17 ms, not 10, for 13,000).
        matches = select(service_id.label("id"), *keys).where(*filters).cte("matches")
        total = select(func.count()).select_from(matches).scalar_subquery()
        ranked = select(matches, total.label("total"))
        order = [
            matches.c.name_hits.desc(),
            *[matches.c[key.name] for key in keys[1:]],
            matches.c.id,
        ]
    page = ranked.order_by(*order).limit(query.per_page).offset(offset).subquery("page")
    order = [page.c[key.name] for key in keys]
    rows = _read_page(page, [col.desc() if col.name == "name_hits" else col for col in order])
    if meanwhile is not None:
        return [(r.id, r.link_id, None) for r in rows], meanwhile.result()
    total = rows[0].total if rows else 0
    if not rows and offset:
        counted = select(service_id).where(*filters).subquery()
        total = db.session.scalar(select(func.count()).select_from(counted))
    return [(r.id, r.link_id, None) for r in rows], total


def _named_first(query: SearchQuery, filters, offset: int):
    """SQLite, words alone with no place: the page, read first from the services named for
    every word, and the total.

    Those rank first (see _relevance), by name. While they fill the page it is read from the
    names' full-text index, not from every match gathered and ranked ("shelter": 7,700
    services named for it among 13,800 matches; 14 ms of SQL, then 8); once it reaches past
    them, every match is ranked, in the same statement. The total is counted from the text's
    index, which holds only the services the public can find (migration 0017), on a
    connection of its own while the page is read (app.database.scalar_meanwhile: 7 ms).
    None when other filters must be tested on every match, or a word is too short for the
    indexes: then _anywhere ranks every match.
    """
    terms = _terms(query.q)
    # Words alone are the status test and one full-text condition (see _service_filters); a
    # word of one or two letters, or any other filter, adds more.
    if len(filters) != 2 or any(len(term) < 3 for term in terms):
        return None
    public = filters[0]
    total = scalar_meanwhile(select(func.count()).where(_contain_all(TEXT_INDEX, terms)))
    # Joined rather than `IN`: the matches are read once, not first gathered (5.2 → 3.9 ms).
    named_for_all = (
        select(S.service_id.label("id"), literal(len(terms)).label("name_hits"),
               S.name.label("name"))
        .select_from(NAMES_INDEX.join(search_services, S.service_key == NAMES_INDEX.c.rowid))
        .where(_contain_all(NAMES_INDEX, terms), public)
    )  # fmt: skip
    # Whether they reach the end of the page: at most that many read, in any order.
    need = offset + query.per_page
    some = named_for_all.with_only_columns(literal(1)).limit(need).subquery()
    enough = select(func.count()).select_from(some).scalar_subquery() >= need
    named = (
        named_for_all.order_by(S.name, S.service_id)
        .limit(query.per_page)
        .offset(offset)
        .subquery("named")
    )
    keys = _relevance(query, S)
    ranked = (
        select(S.service_id.label("id"), *keys)
        .where(*filters)
        .order_by(keys[0].desc(), *keys[1:], S.service_id)
        # LIMIT 0 when the named fill the page: SQLite then reads none of these.
        .limit(case((enough, 0), else_=query.per_page))
        .offset(offset)
        .subquery("ranked")
    )
    page = union_all(select(named).where(enough), select(ranked)).subquery("page")
    rows = _read_page(page, [page.c.name_hits.desc(), page.c.name])
    return [(r.id, r.link_id, None) for r in rows], total.result()


def _read_page(page, order) -> list:
    """The page's services in order, each with the first place it is offered at (and the
    total, when the page carries it)."""
    first_link = (
        select(ServiceAtLocation.id)
        .where(ServiceAtLocation.service_id == page.c.id)
        .order_by(ServiceAtLocation.location_id)
        .limit(1)
        .scalar_subquery()
    )
    carried = [page.c.total] if "total" in page.c else []
    statement = select(page.c.id, first_link.label("link_id"), *carried)
    return db.session.execute(statement.order_by(*order, page.c.id)).all()


def _confidential_in_province(query: SearchQuery, dialect: str) -> list[tuple]:
    """Safe houses serving the searched province: shown by area, never by distance."""
    statement = (
        select(P.service_id, func.min(P.link_id))
        .join(Service, Service.id == P.service_id)
        .where(P.confidential.is_(True), P.province_code == query.province_code,
               *_service_filters(query, dialect, of=P))
        .group_by(P.service_id, Service.name)
        .order_by(Service.name, P.service_id)
        .limit(10)
    )  # fmt: skip
    return [(service_id, link_id, None) for service_id, link_id in db.session.execute(statement)]
