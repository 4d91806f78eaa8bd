"""Search by place and need: the same results on SQLite and PostgreSQL, checked by brute force."""

from dataclasses import replace

import pytest
from geopy.distance import geodesic
from sqlalchemy import select

from app.directory.models import Service
from app.directory.seed import load_demo_directory, load_gazetteer
from app.extensions import db
from app.geo.distance import haversine_km
from app.geo.places import forget_index, place_index
from app.search.engine import SearchQuery, search
from tests import factories

POINTS = {
    "Chiang Mai": (18.79038, 98.98468),
    "Bangkok": (13.75398, 100.50144),
    "Ha Noi": (21.0245, 105.84117),
    "Kuala Lumpur": (3.1412, 101.68653),
    "rural Laos": (19.5, 102.9),
}


@pytest.fixture
def demo(app):
    factories.taxonomy()
    load_gazetteer()
    load_demo_directory()
    forget_index()
    return db.session.scalars(select(Service)).all()


def brute_force(services, lat, lon, radius, staff, category=None):
    """Every public service within `radius` km by geodesic distance, nearest location each."""
    found = {}
    for service in services:
        if service.status not in ("active", "temporarily_closed"):
            continue
        if category and category not in {link.category_id for link in service.category_links}:
            continue
        for location in service.locations:
            if location.latitude is None or (location.confidential and not staff):
                continue
            km = geodesic((lat, lon), (location.latitude, location.longitude)).km
            if km <= radius and km < found.get(service.id, 1e9):
                found[service.id] = km
    return found


@pytest.mark.parametrize("staff", [False, True], ids=["public", "staff"])
def test_radius_results_equal_a_brute_force_geodesic_filter(demo, staff):
    for where in POINTS:
        for radius in (5, 30, 250):
            check_radius(demo, POINTS[where], radius, staff)


def check_radius(demo, point, radius, staff):
    lat, lon = point
    expected = brute_force(demo, lat, lon, radius, staff)
    result = search(SearchQuery(lat=lat, lon=lon, radius_km=radius, per_page=100), staff=staff)
    got = {hit.service.id: hit.distance_km for hit in result.hits}
    # The sphere and the ellipsoid differ by under 0.5%: only services at the very edge may.
    edge = {sid for sid, km in expected.items() if abs(km - radius) < radius * 0.005}
    assert set(got) ^ set(expected) <= edge
    assert result.total == len(got) or result.total > 100
    for service_id, km in got.items():
        if service_id in expected:
            assert km == pytest.approx(expected[service_id], rel=0.005)
    distances = [hit.distance_km for hit in result.hits]
    assert distances == sorted(distances)


def test_haversine_matches_geopy():
    for (lat1, lon1), (lat2, lon2) in [
        ((18.79, 98.98), (13.75, 100.5)),
        ((21.02, 105.84), (10.82, 106.63)),
        ((3.14, 101.69), (-6.2, 106.85)),
    ]:
        assert haversine_km(lat1, lon1, lat2, lon2) == pytest.approx(
            geodesic((lat1, lon1), (lat2, lon2)).km, rel=0.005
        )


def test_public_never_gets_a_confidential_place_by_distance(demo):
    lat, lon = POINTS["Chiang Mai"]
    public = search(SearchQuery(lat=lat, lon=lon, radius_km=100, per_page=100,
                                province_code="TH-50"), staff=False)  # fmt: skip
    assert public.hits and all(not hit.location.confidential for hit in public.hits)
    assert public.nearby_confidential
    assert all(hit.distance_km is None for hit in public.nearby_confidential)
    staff = search(SearchQuery(lat=lat, lon=lon, radius_km=100, per_page=100), staff=True)
    assert any(hit.location.confidential for hit in staff.hits)


@pytest.mark.parametrize(
    "q",
    ["บ้านพัก", "ฉุกเฉิน", "nha tam lanh", "nhà tạm lánh", "NHÀ TẠM LÁNH", "ha noi",
     "legal aid", "perlindungan"],
)  # fmt: skip
def test_full_text_in_every_language(demo, q):
    from app.geo.places import normalise

    result = search(SearchQuery(q=q, per_page=100), staff=False)
    terms = normalise(q).split()
    expected = {
        s.id for s in demo
        if s.status in ("active", "temporarily_closed") and all(t in s.search_text for t in terms)
    }  # fmt: skip
    assert expected, "the demo network should contain this phrase"
    assert {hit.service.id for hit in result.hits} == expected


def test_a_search_without_a_place_lists_services_named_for_it_first_in_any_language(app):
    from app.directory.models import ServiceText

    needs = factories.taxonomy()
    org = factories.organisation("RANK", "Ranking Network")

    def listed(name, description, **texts):
        made = factories.service(org, [needs["emergency_shelter"]], name=name,
                                 description=description)  # fmt: skip
        for locale, text_name in texts.items():
            made.texts.append(ServiceText(locale=locale, name=text_name))
        db.session.commit()
        return made.name

    # Named in Thai, in English only by its translation; the others only mention the word.
    thai = listed("บ้านพักฉุกเฉิน", "ที่พักปลอดภัย", en="Emergency shelter for men")
    mention = listed("Aid desk", "Refers people to a shelter or a nhà tạm lánh nearby.")
    other = listed("Counselling", "Helps people leaving a shelter.")
    vietnamese = listed("Nhà tạm lánh khẩn cấp", "Chỗ ở an toàn.")

    def names(q):
        return [hit.service.name for hit in search(SearchQuery(q=q), staff=False).hits]

    assert names("shelter") == [thai, mention, other]
    # Typed without diacritics, as on most phones: the Vietnamese name still counts.
    assert names("nha tam lanh") == [vietnamese, mention]
    assert names("SHELTER") == [thai, mention, other]


def test_filters_match_a_brute_force(demo):
    needs = factories.taxonomy()
    query = SearchQuery(categories=["legal_aid"], language="th", age=16, gender="female",
                        per_page=100)  # fmt: skip
    result = search(query, staff=False)
    expected = {
        s.id for s in demo
        if s.status in ("active", "temporarily_closed")
        and needs["legal_aid"].id in s.category_ids and "th" in s.language_list
        and (s.min_age is None or s.min_age <= 16) and (s.max_age is None or s.max_age >= 16)
        and (not s.gender_list or "female" in s.gender_list)
    }  # fmt: skip
    assert expected and {hit.service.id for hit in result.hits} == expected


def _open_now(service, app) -> bool:
    from datetime import datetime
    from zoneinfo import ZoneInfo

    return _open_at(service, datetime.now(ZoneInfo(app.config["BABEL_DEFAULT_TIMEZONE"])))


def _open_at(service, at) -> bool:
    moment = at.time().replace(microsecond=0, tzinfo=None)
    return service.open_24_7 or any(
        h.weekday == at.weekday() and h.opens_at <= moment < h.closes_at for h in service.schedules
    )


def _all_found(query: SearchQuery) -> dict:
    found, page = {}, 1
    while True:
        result = search(replace(query, page=page, per_page=100), staff=False)
        found.update({hit.service.id: hit.distance_km for hit in result.hits})
        if page >= result.total_pages:
            assert result.total == len(found)
            return found
        page += 1


def test_open_now_matches_a_brute_force_at_any_moment(app, demo):
    """'Open now', near a place and with no place, at moments across a week and at the very
    second services open and close: the services a brute force finds open then."""
    from datetime import datetime, timedelta
    from zoneinfo import ZoneInfo

    monday = datetime(2026, 11, 23, tzinfo=ZoneInfo(app.config["BABEL_DEFAULT_TIMEZONE"]))
    moments = [monday + timedelta(hours=hours, minutes=17) for hours in range(0, 7 * 24, 7)]
    hours = sorted({(h.weekday, h.opens_at, h.closes_at) for s in demo for h in s.schedules})
    assert len(hours) > 5, "the demo network should have opening hours to test"
    for weekday, opens, closes in hours[:: max(1, len(hours) // 8)]:
        for edge in (opens, closes):
            at = datetime.combine((monday + timedelta(days=weekday)).date(), edge, monday.tzinfo)
            moments += [at, at - timedelta(seconds=1)]
    public = [s for s in demo if s.status in ("active", "temporarily_closed")]
    seen_open = set()
    for at in moments:
        open_then = {s.id for s in public if _open_at(s, at)}
        seen_open |= open_then
        assert set(_all_found(SearchQuery(open_now=True, at=at))) == open_then, at
        for lat, lon in (POINTS["Bangkok"], POINTS["Chiang Mai"]):
            near = brute_force(demo, lat, lon, 250, staff=False)
            expected = {sid for sid in near if sid in open_then}
            got = _all_found(SearchQuery(lat=lat, lon=lon, radius_km=250, open_now=True, at=at))
            edge = {sid for sid, km in near.items() if abs(km - 250) < 250 * 0.005}
            assert set(got) ^ expected <= edge, at
    # Some services were open at some moments and not at others.
    assert seen_open and any(
        {s.id for s in public if _open_at(s, at)} != seen_open for at in moments
    )


NEAR_WORDS = ["shelter", "บ้านพัก", "ho tro", "legal aid", "ho"]


def _near_with_words(demo, q: str, point) -> tuple[set, set, set]:
    """What a search for `q` within 250 km of `point` finds, what a brute force expects, and
    the services at the very edge (where the sphere and the ellipsoid may differ)."""
    from app.geo.places import normalise

    terms = normalise(q).split()
    near = brute_force(demo, *point, 250, staff=False)
    expected = {s.id for s in demo if s.id in near and all(t in s.search_text for t in terms)}
    got = _all_found(SearchQuery(q=q, lat=point[0], lon=point[1], radius_km=250))
    assert list(got.values()) == sorted(got.values()), "nearest first"
    edge = {sid for sid, km in near.items() if abs(km - 250) < 250 * 0.005}
    return set(got), expected, edge


@pytest.mark.parametrize("q", NEAR_WORDS, ids=NEAR_WORDS)
def test_words_near_a_place_match_a_brute_force(demo, q):
    """Words near a place: the services within the radius whose text holds every word (in
    any language, without diacritics, a word of two letters too), nearest first."""
    found_any = False
    for where in ("Bangkok", "Chiang Mai", "Ha Noi"):
        got, expected, edge = _near_with_words(demo, q, POINTS[where])
        assert got ^ expected <= edge, where
        found_any = found_any or bool(expected)
    assert found_any, "the demo network should have services for these words"


def test_words_near_a_place_follow_a_changed_description(demo):
    """A service's new words find it near its place at once; its old ones no longer do."""
    near = brute_force(demo, *POINTS["Ha Noi"], 250, staff=False)
    service = next(s for s in demo if s.id in near)
    before = service.description
    service.description = f"{before} Zebrafinch"
    db.session.commit()
    got, expected, _edge = _near_with_words(demo, "zebrafinch", POINTS["Ha Noi"])
    assert got == expected == {service.id}
    service.description = before
    db.session.commit()
    got, expected, _edge = _near_with_words(demo, "zebrafinch", POINTS["Ha Noi"])
    assert got == expected == set()


NO_PLACE = {
    "nothing": ({}, lambda s, app: True),
    "a need": ({"categories": ["emergency_shelter"]},
               lambda s, app: "emergency_shelter" in s.category_code_list),
    "a need, a language": ({"categories": ["legal_aid"], "language": "th"},
                           lambda s, app: "legal_aid" in s.category_code_list
                           and "th" in s.language_list),
    "two needs": ({"categories": ["legal_aid", "medical_care"]},
                  lambda s, app: {"legal_aid", "medical_care"} & set(s.category_code_list)),
    "a language": ({"language": "vi"}, lambda s, app: "vi" in s.language_list),
    "what happened": ({"exploitation": "forced_labour"},
                      lambda s, app: not s.exploitation_list
                      or "forced_labour" in s.exploitation_list),
    "a child": ({"age": 12, "gender": "male"},
                lambda s, app: (s.min_age is None or s.min_age <= 12)
                and (s.max_age is None or s.max_age >= 12)
                and (not s.gender_list or "male" in s.gender_list)),
    "24 hours, no referral": ({"open_24_7": True, "self_referral": True},
                              lambda s, app: s.open_24_7 and s.self_referral),
    "open now, a need": ({"open_now": True, "categories": ["hotline"]},
                         lambda s, app: "hotline" in s.category_code_list and _open_now(s, app)),
}  # fmt: skip


@pytest.mark.parametrize("case", NO_PLACE, ids=list(NO_PLACE))
def test_no_place_matches_a_brute_force_in_name_order(app, demo, case):
    """With no place every filter is read from the services' copies (SQLite's narrow rows and
    need ranges, PostgreSQL's links): the same services as testing each one, by name, with
    the right total, page after page."""
    filters, keeps = NO_PLACE[case]
    expected = sorted(
        (s.name, s.id) for s in demo if s.status in ("active", "temporarily_closed")
        and keeps(s, app)
    )  # fmt: skip
    assert expected, "the demo network should have services for this search"
    found, page = [], 1
    while True:
        result = search(SearchQuery(per_page=40, page=page, **filters), staff=False)
        assert result.total == len(expected)
        found += [(hit.service.name, hit.service.id) for hit in result.hits]
        if page >= result.total_pages:
            break
        page += 1
    assert found == expected


WORDS = {
    "many named for it": ("support", {}),
    "a few named for it": ("shelter", {}),
    "two words": ("legal aid", {}),
    "Vietnamese without diacritics": ("ho tro", {}),
    "Indonesian": ("bantuan", {}),
    "Thai": ("ที่พัก", {}),
    "a short word": ("ho support", {}),
    "a word and a need": ("support", {"categories": ["legal_aid"]}),
}


@pytest.mark.parametrize("case", WORDS, ids=list(WORDS))
def test_words_without_a_place_match_a_brute_force_ranking(demo, case):
    """Words with no place: every public service whose text holds every word, those named for
    more of the words first, then by name — page after page, with the right total, also when
    a page is all named services (read from the names' index) or crosses to the others.
    Closed services are never found, and are found again when they reopen."""
    from app.geo.places import normalise

    q, filters = WORDS[case]
    terms = normalise(q).split()
    matching = [s for s in demo if all(t in s.search_text for t in terms)]
    # Some of the matching services close (one named for the words, one not): the text index
    # holds only what the public can find.
    closing = [s for s in matching if terms[-1] in s.search_names][:1]
    closing += [s for s in matching if terms[-1] not in s.search_names][:1]
    for service in closing:
        service.status = "inactive"
    db.session.commit()

    def expected():
        return sorted(
            (-sum(t in s.search_names for t in terms), s.name, s.id) for s in matching
            if s.status in ("active", "temporarily_closed")
            and all(code in s.category_code_list for code in filters.get("categories", []))
        )  # fmt: skip

    def found(per_page):
        listed, page = [], 1
        while True:
            query = SearchQuery(q=q, per_page=per_page, page=page, **filters)
            result = search(query, staff=False)
            assert result.total == len(want), f"page {page}"
            listed += [hit.service.id for hit in result.hits]
            if page >= result.total_pages:
                return listed
            page += 1

    want = expected()
    assert want, "the demo network should have services for these words"
    for per_page in (3, 40):
        assert found(per_page) == [service_id for *_, service_id in want]
    assert not {s.id for s in closing} & set(found(40))

    for service in closing:
        service.status = "active"
    db.session.commit()
    want = expected()
    assert found(3) == [service_id for *_, service_id in want]


@pytest.mark.parametrize("name", ["Hà Nội", "Ha Noi", "Hanoi", "hanoi", "Hanoii"])
def test_place_lookup_tolerates_diacritics_spacing_and_typos(demo, name):
    best = place_index().lookup(name)[0]
    assert best.country == "VN" and best.province_code == "VN-HN"


def test_place_lookup_in_local_script_and_unknown(demo):
    assert place_index().lookup("เชียงใหม่")[0].province_code == "TH-50"
    assert place_index().lookup("Atlantis Undersea") == []
