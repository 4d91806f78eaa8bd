"""The search points (and SQLite's search hours and services' narrow rows) stay equal to what a
rebuild writes through every change an editor makes to a listing, and a search near a place or
anywhere sees each change at once."""

from datetime import time

import pytest
from sqlalchemy import select, text

from app.database import WEEKDAYS
from app.directory.models import (
    Location,
    Service,
    ServiceAtLocation,
    ServiceCategory,
    ServiceSchedule,
    ServiceText,
)
from app.extensions import db
from app.search.engine import SearchQuery, search
from app.search.points import (
    OFF_GRID,
    SearchPoint,
    rebuild,
    search_categories,
    search_hours,
    search_hours_by_id,
    search_services,
)
from tests import factories

CHIANG_MAI = (18.7883, 98.9853)
BANGKOK = (13.7540, 100.5014)


def _kept() -> dict:
    """The points and the other copies as they are, comparable (SQLite keeps more of them)."""
    points = {
        row["link_id"]: tuple(round(v, 12) if isinstance(v, float) else v for v in row.values())
        for row in db.session.execute(select(SearchPoint.__table__)).mappings()
    }
    kept = {"points": points}
    sqlite = db.engine.dialect.name == "sqlite"
    for keyed in (
        (search_hours, search_services, search_categories) if sqlite else (search_categories,)
    ):
        kept[keyed.name] = set(db.session.execute(select(keyed)).all())
    if sqlite:  # each point's half-hours open on each day (migration 0024) and text (0025)
        days = ", ".join(f"open_{day}" for day in WEEKDAYS)
        slots = text(f"SELECT link_id, {days}, search_text FROM search_points")  # noqa: S608 (no values)
        kept["open_slots"] = set(db.session.execute(slots).all())
    if not sqlite:  # each point's week of opening hours (migration 0019) and text (0022), the
        # spans of hours (0021)
        hours = text("SELECT link_id, week_hours::text, search_text FROM search_points")
        kept["week_hours"] = set(db.session.execute(hours).all())
        kept["search_hours"] = set(db.session.execute(select(search_hours_by_id)).all())
    return kept


def _from_scratch() -> dict:
    """What a rebuild writes, read inside a savepoint that is then rolled back."""
    nested = db.session.begin_nested()
    rebuild(db.session.connection())
    written = _kept()
    nested.rollback()
    return written


def _check() -> None:
    db.session.commit()
    kept = _kept()
    assert kept == _from_scratch()
    assert kept["points"], "the test should have points to compare"


def _found(point, staff=True, **filters) -> set[str]:
    query = SearchQuery(lat=point[0], lon=point[1], radius_km=20, per_page=100, **filters)
    return {hit.service.id for hit in search(query, staff=staff).hits}


def _found_anywhere(**filters) -> list[str]:
    result = search(SearchQuery(per_page=100, **filters), staff=True)
    assert result.total == len(result.hits)
    return [hit.service.id for hit in result.hits]


@pytest.fixture
def listing(app):
    needs = factories.taxonomy()
    org = factories.organisation("TH-PTS", "Points Foundation")
    place = factories.location(org)
    shelter = factories.service(
        org, [needs["emergency_shelter"]], [place], languages=",en,th,", name="Shelter"
    )
    return org, needs, place, shelter


def test_points_follow_every_edit(listing):
    org, needs, place, shelter = listing
    _check()
    assert _found(CHIANG_MAI) == {shelter.id}

    # A second service at the same place, then a second place for the first.
    legal = factories.service(org, [needs["legal_aid"]], [place], name="Legal aid")
    far = factories.location(org, latitude=BANGKOK[0], longitude=BANGKOK[1], city="Bangkok")
    shelter.location_links.append(ServiceAtLocation(location_id=far.id))
    _check()
    assert _found(BANGKOK) == {shelter.id}
    assert _found(CHIANG_MAI, categories=["legal_aid"]) == {legal.id}

    # The service changes what it offers and who it serves.
    shelter.languages = ",my,"
    shelter.min_age = 18
    shelter.open_24_7 = True
    _check()
    assert _found(CHIANG_MAI, language="th") == set()
    assert _found(CHIANG_MAI, language="my") == {shelter.id}
    assert _found(CHIANG_MAI, age=16) == {legal.id}
    assert _found(CHIANG_MAI, open_24_7=True) == {shelter.id}
    assert _found_anywhere(language="my") == [shelter.id]
    assert _found_anywhere(age=16, categories=["legal_aid", "emergency_shelter"]) == [legal.id]

    # It is renamed, and named in another language: found by either name, named ones first.
    shelter.name = "Refuge"
    shelter.texts.append(ServiceText(locale="th", name="บ้านพักฉุกเฉิน"))
    _check()
    assert _found_anywhere(q="บ้านพัก") == [shelter.id]
    assert _found_anywhere() == [legal.id, shelter.id]  # by name: "Legal aid", "Refuge"

    # It takes on a need and gives one up.
    shelter.category_links = [ServiceCategory(category_id=needs["legal_aid"].id)]
    _check()
    assert _found_anywhere(categories=["legal_aid"]) == [legal.id, shelter.id]
    assert _found_anywhere(categories=["emergency_shelter"]) == []
    assert _found(CHIANG_MAI, categories=["emergency_shelter"]) == set()

    # Hours are added and moved.
    for day in range(7):
        legal.schedules.append(ServiceSchedule(weekday=day, opens_at=time(0, 0),
                                               closes_at=time(23, 59, 59)))  # fmt: skip
    _check()
    assert _found(CHIANG_MAI, open_now=True) == {shelter.id, legal.id}
    assert set(_found_anywhere(open_now=True)) == {shelter.id, legal.id}
    for schedule in legal.schedules:
        schedule.closes_at = time(0, 0, 1)
    _check()
    assert _found(CHIANG_MAI, open_now=True) == {shelter.id}

    # The place moves, then becomes a safe house.
    place.latitude, place.longitude = BANGKOK[0] + 0.01, BANGKOK[1]
    _check()
    assert _found(CHIANG_MAI) == set()
    assert _found(BANGKOK) == {shelter.id, legal.id}
    place.confidential = True
    _check()
    assert _found(BANGKOK, staff=False) == {shelter.id}  # by its other, open place

    # A closed service is no longer found; a link and a service are deleted.
    legal.status = "inactive"
    _check()
    assert _found(BANGKOK) == {shelter.id}
    assert _found_anywhere(q="legal") == []
    assert _found_anywhere(categories=["legal_aid"]) == [shelter.id]
    link = db.session.scalar(
        select(ServiceAtLocation).where(ServiceAtLocation.location_id == far.id)
    )
    db.session.delete(link)
    _check()
    db.session.delete(legal)
    _check()
    assert not db.session.scalars(
        select(SearchPoint).where(SearchPoint.service_id == legal.id)
    ).all()


def test_a_deleted_place_takes_its_points(listing):
    org, needs, place, shelter = listing
    other = factories.location(org, latitude=CHIANG_MAI[0] + 0.02, longitude=CHIANG_MAI[1])
    shelter.location_links.append(ServiceAtLocation(location_id=other.id))
    _check()
    db.session.delete(db.session.get(Location, place.id))
    _check()
    assert [p.link_id for p in db.session.scalars(select(SearchPoint))] == [
        link.id for link in db.session.get(Service, shelter.id).location_links
    ]


def test_a_new_service_does_not_inherit_the_hours_of_a_deleted_one(listing):
    org, needs, place, shelter = listing
    shelter.schedules.append(ServiceSchedule(weekday=0, opens_at=time(9), closes_at=time(17)))
    _check()
    db.session.delete(shelter)
    db.session.commit()
    # On SQLite the next service may be given the deleted one's rowid.
    factories.service(org, [needs["legal_aid"]], [place], name="Newcomer")
    _check()
    assert not _kept().get("search_hours")
    assert [hit.service.name for hit in search(SearchQuery(), staff=True).hits] == ["Newcomer"]


def test_reindex_writes_what_was_lost(app, listing):
    org, needs, place, shelter = listing
    # A closed shelter: written back to every copy, but not to the text of what can be found.
    factories.service(org, [needs["emergency_shelter"]], [place], name="Old shelter",
                      status="defunct")  # fmt: skip
    before = _kept()
    db.session.execute(SearchPoint.__table__.delete())
    if db.engine.dialect.name == "sqlite":
        db.session.execute(search_hours.delete())
        db.session.execute(search_services.delete())
        db.session.execute(search_categories.delete())
        db.session.execute(text("INSERT INTO service_fts(service_fts) VALUES ('delete-all')"))
    db.session.commit()
    assert _found(CHIANG_MAI) == set()
    if db.engine.dialect.name == "sqlite":  # PostgreSQL's text index is on the services
        assert not search(SearchQuery(q="shelter"), staff=True).hits
        assert not search(SearchQuery(categories=["emergency_shelter"]), staff=True).hits

    result = app.test_cli_runner().invoke(args=["search", "reindex"])
    assert result.exit_code == 0, result.output
    db.session.expire_all()
    assert _kept() == before
    assert _found(CHIANG_MAI) == {shelter.id}
    assert [hit.service.id for hit in search(SearchQuery(q="shelter"), staff=True).hits] == [
        shelter.id
    ]
    # A page of one is read from the names' index and counted from the text's.
    assert search(SearchQuery(q="shelter", per_page=1), staff=True).total == 1


def test_chord_distances_are_great_circle_distances():
    from app.geo.distance import haversine_km
    from app.search.points import chord_squared, km_from_chord_squared, unit_vector

    pairs = [((13.754, 100.5014), (13.9, 100.6)), ((21.68, 102.1), (3.14, 101.69)),
             ((18.79, 98.98), (18.79, 98.98)), ((-6.2, 106.8), (14.6, 121.0))]  # fmt: skip
    for a, b in pairs:
        u, v = unit_vector(*a), unit_vector(*b)
        chord = sum((p - q) ** 2 for p, q in zip(u, v, strict=True))
        km = haversine_km(*a, *b)
        assert km_from_chord_squared(chord) == pytest.approx(km, abs=1e-6)
        # Within a radius exactly when the great-circle distance is.
        assert chord <= chord_squared(km + 0.001)
        assert km < 0.001 or chord > chord_squared(km - 0.001)


def _plans(query: SearchQuery, chosen) -> list[str]:
    """SQLite's plan of each statement a search sends that `chosen` picks, as one line each."""
    if db.engine.dialect.name != "sqlite":
        pytest.skip("SQLite's query plans")
    from sqlalchemy import event

    seen = []

    def record(_conn, _cursor, statement, parameters, _context, _many):
        if chosen(statement):
            seen.append((statement, parameters))

    event.listen(db.engine, "before_cursor_execute", record)
    try:
        search(query, staff=False)
    finally:
        event.remove(db.engine, "before_cursor_execute", record)
    connection = db.session.connection()
    return [
        " / ".join(row[-1] for row in connection.exec_driver_sql(
            "EXPLAIN QUERY PLAN " + statement, parameters
        ))
        for statement, parameters in seen
    ]  # fmt: skip


@pytest.mark.parametrize(
    "query",
    [
        SearchQuery(lat=CHIANG_MAI[0], lon=CHIANG_MAI[1], province_code="TH-50"),
        SearchQuery(lat=CHIANG_MAI[0], lon=CHIANG_MAI[1], province_code="TH-50", open_now=True,
                    categories=["legal_aid"], q="shelter"),
    ],
    ids=["place", "place+filters"],
)  # fmt: skip
def test_no_search_reads_every_point(listing, query):
    """A search near a place reads the points of its box, and the safe houses of its province
    by their index: never the whole table (a planner that did took 60–130 ms at 100,000)."""
    plans = _plans(query, lambda statement: "search_points" in statement)
    assert len(plans) == 2  # the page near the place, the safe houses of its province
    near, safe_houses = plans
    assert "SEARCH search_points USING PRIMARY KEY (latitude>? AND latitude<?)" in near, near
    assert "ix_search_points_safe_houses (province_code=?" in safe_houses, safe_houses
    for plan in plans:
        assert "SCAN search_points" not in plan, plan


@pytest.mark.parametrize(
    ("query", "walk"),
    [
        (SearchQuery(), "SCAN services USING COVERING INDEX ix_services_listing"),
        (SearchQuery(language="th"), "SCAN search_services USING INDEX ix_search_services_listing"),
        (
            SearchQuery(categories=["legal_aid"]),
            "SEARCH search_categories USING PRIMARY KEY (category_code=?)",
        ),
        (
            SearchQuery(categories=["legal_aid"], language="th"),
            "SEARCH search_categories USING PRIMARY KEY (category_code=?) / "
            "SEARCH search_services USING INTEGER PRIMARY KEY (rowid=?)",
        ),
        (
            SearchQuery(categories=["legal_aid", "medical_care"]),
            "SEARCH search_services USING INTEGER PRIMARY KEY (rowid=?) / LIST SUBQUERY 4 / "
            "SEARCH search_categories USING PRIMARY KEY (category_code=?)",
        ),
    ],
    ids=["nothing entered", "a language, no place", "a need, no place", "a need and a language",
         "two needs"],
)  # fmt: skip
def test_a_search_without_place_or_words_reads_names_in_order(listing, query, walk):
    """The search page as it opens, or with only a filter ticked, reads a page of names off an
    index (sorting all 100,000 services for each page took 60–90 ms); the services with a need
    are one range of search_categories, not a test of every service's codes, and with one need
    that range is already in name order."""
    [plan] = _plans(query, lambda statement: "ORDER BY" in statement and "count(" in statement)
    # How the page finds its rows (the 20 found are sorted again for the outer SELECT).
    assert plan.startswith(f"CO-ROUTINE page / {walk} / "), plan
    if len(query.categories) != 1:
        return
    page = plan.split(" / SCALAR SUBQUERY")[0]
    assert "TEMP B-TREE" not in page, plan  # walked in name order: the first twenty, no sort


def test_words_alone_read_the_names_index_when_named_services_fill_the_page(listing):
    """Words with no place: a page of services named for them is read from the names' index
    (the ranked matches only when the named ones do not fill it, in the same statement), and
    the matches are counted from the text index alone, without reading each service (not
    every match gathered and ranked: "shelter" at 100,000 services took 14 ms of SQL, now 7),
    in a statement of its own (read meanwhile, on another connection)."""
    query = SearchQuery(q="shelter", per_page=1)
    [page] = _plans(query, lambda statement: "service_names_fts" in statement)
    named, ranked = page.split(" / UNION ALL / ")
    assert named.startswith(
        "CO-ROUTINE page / COMPOUND QUERY / LEFT-MOST SUBQUERY / CO-ROUTINE named / "
        "SCAN service_names_fts VIRTUAL TABLE INDEX 0:M1 / "
        "SEARCH search_services USING INTEGER PRIMARY KEY (rowid=?)"
    ), page
    assert ranked.startswith("CO-ROUTINE ranked"), page
    assert "SCAN service_fts " not in named, page  # the count is not part of the page
    [count] = _plans(query, lambda statement: "FROM service_fts" in statement
                     and "service_names_fts" not in statement)  # fmt: skip
    assert count == "SCAN service_fts VIRTUAL TABLE INDEX 0:M1", count


def test_words_alone_are_counted_on_an_in_memory_database_too():
    """The count of words alone is read on a connection of its own while the page is read,
    except where the database lives in its one connection (SQLite in memory), which two
    threads must not use at once: there it is read in turn, with the same page and total."""
    from flask_migrate import upgrade
    from sqlalchemy import event

    from tests.conftest import _app_for

    app = _app_for("sqlite://")
    with app.app_context():
        upgrade()
        needs = factories.taxonomy()
        org = factories.organisation("TH-MEM", "Memory Foundation")
        place = factories.location(org)
        for name in ("Shelter B", "Shelter A", "Night shelter", "Legal aid"):
            factories.service(org, [needs["emergency_shelter"]], [place], name=name)
        db.session.remove()
        checkouts = []
        event.listen(db.engine, "checkout", lambda *_: checkouts.append(1))
        result = search(SearchQuery(q="shelter", per_page=2), staff=False)
        assert [hit.service.name for hit in result.hits] == ["Night shelter", "Shelter A"]
        assert result.total == 3
        assert len(checkouts) == 1  # one connection, never two at once
        db.session.remove()


def test_open_now_counts_each_open_service_once_through_every_edit(app, listing):
    """A day's overlapping or touching hours are one span (SQLite keeps spans, to count the
    services open at a moment by one range), a service open day and night is counted once
    whatever its hours say, and one the public cannot find is never counted; near a place and
    anywhere the same services are open, with the right total."""
    from datetime import datetime, timedelta
    from zoneinfo import ZoneInfo

    org, needs, place, shelter = listing
    zone = ZoneInfo(app.config["BABEL_DEFAULT_TIMEZONE"])
    monday = datetime(2026, 11, 23, tzinfo=zone)

    def at(hour, minute=0):
        return monday + timedelta(hours=hour, minutes=minute)

    def hours(*spans):
        return [ServiceSchedule(weekday=0, opens_at=time(*a), closes_at=time(*b))
                for a, b in spans]  # fmt: skip

    shelter.schedules = hours(((8,), (12,)), ((11,), (14,)), ((14,), (16,)), ((18,), (20,)))
    always = factories.service(org, [needs["hotline"]], [place], name="Hotline", open_24_7=True)
    always.schedules = hours(((9,), (17,)))
    closed = factories.service(org, [needs["legal_aid"]], [place], name="Closed office",
                               status="closed")  # fmt: skip
    closed.schedules = hours(((9,), (17,)))
    _check()
    # The shelter's two spans, no one else's.
    kept = search_hours if db.engine.dialect.name == "sqlite" else search_hours_by_id
    spans = {(r.weekday, r.opens_at, r.closes_at) for r in db.session.execute(select(kept))}
    assert spans == {(0, time(8), time(16)), (0, time(18), time(20))}
    for moment, open_then in (
        (at(7, 59), {always.id}),
        (at(8), {shelter.id, always.id}),
        (at(11, 30), {shelter.id, always.id}),  # in two of its hours: counted once
        (at(14), {shelter.id, always.id}),  # where one hour ends and the next begins
        (at(16), {always.id}),
        (at(19), {shelter.id, always.id}),
        (at(20), {always.id}),
    ):
        assert set(_found_anywhere(open_now=True, at=moment)) == open_then, moment
        assert _found(CHIANG_MAI, staff=False, open_now=True, at=moment) == open_then, moment

    # The hotline stops answering at night, the office reopens: their hours now count.
    always.open_24_7 = False
    closed.status = "active"
    _check()
    assert set(_found_anywhere(open_now=True, at=at(7))) == set()
    assert set(_found_anywhere(open_now=True, at=at(10))) == {shelter.id, always.id, closed.id}
    assert _found(CHIANG_MAI, open_now=True, at=at(16, 30)) == {always.id, closed.id}


def test_open_now_near_a_place_is_right_to_the_second_on_and_off_the_half_hour(app, listing):
    """Hours on the half-hour are answered from each point's own bits (SQLite), hours that
    start or end between (09:15) from the spans; either way a service is open from the second
    it opens to the second before it closes, on its own days only."""
    from datetime import datetime, timedelta
    from zoneinfo import ZoneInfo

    org, needs, place, grid = listing
    monday = datetime(2026, 11, 23, tzinfo=ZoneInfo(app.config["BABEL_DEFAULT_TIMEZONE"]))

    def hours(*spans, weekday=0):
        return [ServiceSchedule(weekday=weekday, opens_at=time(*a), closes_at=time(*b))
                for a, b in spans]  # fmt: skip

    grid.schedules = hours(((9, 30), (12,)), ((13,), (17, 30)))
    off = factories.service(org, [needs["legal_aid"]], [place], name="Legal clinic")
    off.schedules = hours(((9, 15), (10, 45)), ((13,), (14,)))
    tuesday = factories.service(org, [needs["hotline"]], [place], name="Tuesday desk")
    tuesday.schedules = hours(((0,), (23, 59, 59)), weekday=1)
    _check()
    for (hour, minute, second), open_then in (
        ((9, 14, 59), set()),
        ((9, 15, 0), {off.id}),
        ((9, 29, 59), {off.id}),
        ((9, 30, 0), {grid.id, off.id}),
        ((10, 44, 59), {grid.id, off.id}),
        ((10, 45, 0), {grid.id}),
        ((11, 59, 59), {grid.id}),
        ((12, 0, 0), set()),
        ((13, 0, 0), {grid.id, off.id}),
        ((13, 59, 59), {grid.id, off.id}),
        ((14, 0, 0), {grid.id}),
        ((17, 29, 59), {grid.id}),
        ((17, 30, 0), set()),
    ):
        at = monday + timedelta(hours=hour, minutes=minute, seconds=second)
        assert _found(CHIANG_MAI, staff=False, open_now=True, at=at) == open_then, at
    on_tuesday = monday + timedelta(days=1)
    assert _found(CHIANG_MAI, open_now=True, at=on_tuesday + timedelta(hours=10)) == {tuesday.id}
    last_second = on_tuesday + timedelta(hours=23, minutes=59, seconds=59)
    assert _found(CHIANG_MAI, open_now=True, at=last_second) == set()
    if db.engine.dialect.name == "sqlite":
        # The half-hours 09:30–12:00 and 13:00–17:30 are the grid office's Monday; the clinic's
        # Monday is looked up (09:15), all but 13:00–14:00, which is on the half-hour.
        slots = text("SELECT service_id, open_mon, open_tue FROM search_points")
        kept = {row.service_id: (row.open_mon, row.open_tue) for row in db.session.execute(slots)}
        assert kept[grid.id] == (sum(1 << s for s in [*range(19, 24), *range(26, 35)]), 0)
        assert kept[off.id] == (OFF_GRID + (1 << 26) + (1 << 27), 0)
        assert kept[tuesday.id] == (0, OFF_GRID)


def test_words_near_a_place_are_read_in_each_points_own_text(listing):
    """Near a place, words in Latin letters, and any word of two letters (too short for the
    trigram index), are looked for in each point's own copy of its service's text, never in
    every service's text in the directory ("ho": 158 ms near Bangkok at 100,000 services) nor
    through the index's list of every match ("shelter": 13,400); Thai words, whose trigrams are
    few, through the index. The copy follows the service's text."""
    org, needs, place, shelter = listing
    shelter.description = "Hỗ trợ pháp lý. บ้านพักฉุกเฉิน"
    other = factories.service(org, [needs["legal_aid"]], [place], name="Legal clinic",
                              description="Free advice on your rights.")  # fmt: skip
    db.session.commit()
    assert _found(CHIANG_MAI, staff=False, q="ho") == {shelter.id}
    assert _found(CHIANG_MAI, staff=False, q="ho legal") == set()
    assert _found(CHIANG_MAI, staff=False, q="ho tro") == {shelter.id}
    assert _found(CHIANG_MAI, staff=False, q="บ้านพัก") == {shelter.id}
    assert _found(CHIANG_MAI, staff=False, q="rights") == {other.id}
    other.description = "Free advice, and a lawyer."
    db.session.commit()
    assert _found(CHIANG_MAI, staff=False, q="rights") == set()
    assert _found(CHIANG_MAI, staff=False, q="lawyer") == {other.id}
    for q in ("ho", "shelter", "ho tro"):
        query = SearchQuery(q=q, lat=CHIANG_MAI[0], lon=CHIANG_MAI[1])
        (plan,) = _plans(query, lambda statement: "search_points" in statement)
        assert "services" not in plan.replace("search_", "") and "LIST" not in plan, (q, plan)
    query = SearchQuery(q="บ้านพัก", lat=CHIANG_MAI[0], lon=CHIANG_MAI[1])
    (plan,) = _plans(query, lambda statement: "search_points" in statement)
    assert "LIST SUBQUERY" in plan and "service_fts" in plan, plan


def test_short_words_with_no_place_are_read_in_each_services_narrow_row(listing):
    """With no place, words too short for the trigram index ("y tế", medical care, is searched
    as "y te"; "hỗ trợ" as "ho tro") are looked for in each service's narrow row as the rows
    are walked: never by reading every service's long row once for each such word ("ho tro":
    263 ms at 100,000 services). A word of three letters or more narrows them through the
    index first."""
    org, needs, place, shelter = listing
    shelter.description = "Hỗ trợ pháp lý và y tế"
    other = factories.service(org, [needs["legal_aid"]], [place], name="Legal clinic",
                              description="Free advice on your rights.")  # fmt: skip
    db.session.commit()
    assert _found_anywhere(q="y tế") == [shelter.id]
    assert _found_anywhere(q="ho tro") == [shelter.id]
    assert _found_anywhere(q="hỗ trợ") == [shelter.id]
    assert _found_anywhere(q="ho clinic") == []
    assert _found_anywhere(q="ri legal") == [other.id]
    other.description = "Free advice, and a lawyer."
    db.session.commit()
    assert _found_anywhere(q="ri legal") == []
    for q, through_the_index in (("y te", False), ("ho tro", True)):
        (plan,) = _plans(SearchQuery(q=q), lambda statement: "search_services" in statement)
        assert "services" not in plan.replace("search_services", ""), (q, plan)
        assert ("LIST SUBQUERY" in plan) == through_the_index, (q, plan)


@pytest.mark.parametrize("where", ["near a place", "anywhere"])
def test_open_now_reads_each_service_hours_by_its_key_and_counts_spans_by_moment(listing, where):
    """Near a place each candidate's hours are one lookup by its key, never a walk of the day's
    spans (ix_search_hours_open chosen for that took 6 s near Bangkok at 100,000); with no
    place the open services are counted by one range of an index of the spans: before noon by
    when they open (the spans opened by then), from noon by when they close."""
    from datetime import datetime, timedelta
    from zoneinfo import ZoneInfo

    near = {"lat": CHIANG_MAI[0], "lon": CHIANG_MAI[1]} if where == "near a place" else {}
    lookup = "SEARCH search_hours USING PRIMARY KEY (service_key=?)"
    tuesday = datetime(2026, 11, 24, tzinfo=ZoneInfo("Asia/Bangkok"))
    for hour, counted in [(7, "ix_search_hours_opening (weekday=? AND opens_at<?)"),
                          (16, "ix_search_hours_open (weekday=? AND closes_at>?)")]:  # fmt: skip
        query = SearchQuery(open_now=True, at=tuesday + timedelta(hours=hour), **near)
        plans = _plans(query, lambda s: "search_hours" in s)
        if near:
            assert len(plans) == 1, plans
            assert lookup in plans[0] and "ix_search_hours_open" not in plans[0], plans[0]
            continue
        # The page walks the services by name, looking up each one's hours; the count, read
        # meanwhile, is one range of one index.
        page, count = sorted(plans, key=lambda plan: "CO-ROUTINE" not in plan)
        assert "SCAN search_services USING INDEX ix_search_services_listing" in page, page
        assert lookup in page and "ix_search_hours_open" not in page, page
        assert f"SEARCH search_hours USING COVERING INDEX {counted}" in count, count
        assert "ix_search_services_open_24_7" in count, count
