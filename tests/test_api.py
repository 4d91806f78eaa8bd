"""The public JSON API: HSDS 3.0 shapes, pagination, plain 400s, and never a safe house's place."""

import contextvars
import json
import math
import re

import pytest
import schemathesis
from geopy.distance import geodesic
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)
from sqlalchemy import event, select

from app.directory.models import Location, NeedCategory, Service
from app.directory.seed import load_demo_directory, load_gazetteer
from app.extensions import db
from app.geo.places import forget_index
from app.interchange import hsds
from app.search.engine import SearchQuery, search
from tests import factories
from tests.conftest import Browser

POINTS = {
    "Chiang Mai": (18.79038, 98.98468),
    "Bangkok": (13.75398, 100.50144),
    "Ha Noi": (21.0245, 105.84117),
}
PAGE_FIELDS = {"total_items", "total_pages", "page_number", "size", "first_page", "last_page",
               "empty", "contents"}  # fmt: skip
SERVICE_FIELDS = {
    "id", "organization_id", "name", "description", "url", "email", "status",
    "interpretation_services", "application_process", "fees_description",
    "eligibility_description", "minimum_age", "maximum_age", "alert", "assured_date",
    "last_modified", "languages", "phones", "schedules", "service_areas", "attributes",
    "x_self_referral", "x_free", "x_open_24_7", "x_genders", "x_exploitation_forms",
    "x_beds_total", "x_beds_available",
}  # fmt: skip


@pytest.fixture
def app_config():
    # The suite walks the whole network; the limit itself is tested with a small budget.
    return {"API_RATE_LIMIT": "100000 per minute"}


@pytest.fixture
def demo(app):
    factories.taxonomy()
    load_gazetteer()
    load_demo_directory()
    forget_index()
    return db.session.scalars(select(Service)).all()


@pytest.fixture
def places(app):
    """The taxonomy and the gazetteer, enough to check parameters."""
    factories.taxonomy()
    load_gazetteer()
    forget_index()


def get(client, url, status=200, **kwargs):
    response = client.get(url, **kwargs)
    assert response.status_code == status, (url, response.get_data(as_text=True)[:500])
    assert response.mimetype == "application/json"
    return response.get_json()


def all_pages(client, url, per_page=100):
    """Every item of a list, walking its pages; checks the page fields on the way."""
    items, number = [], 1
    separator = "&" if "?" in url else "?"
    while True:
        data = get(client, f"{url}{separator}per_page={per_page}&page={number}")
        assert set(data) == PAGE_FIELDS
        assert data["page_number"] == number and data["size"] == per_page
        assert data["total_pages"] == math.ceil(data["total_items"] / per_page)
        assert data["first_page"] == (number == 1)
        assert data["last_page"] == (number >= data["total_pages"])
        assert data["empty"] == (not data["contents"])
        items += data["contents"]
        if data["last_page"]:
            return items, data["total_items"]
        number += 1


def secrets_of(location: Location) -> list[re.Pattern]:
    """Patterns that would reveal where a safe house is: address, postal code, coordinates."""
    patterns = [re.compile(re.escape(location.address_line))] if location.address_line else []
    if len(location.postal_code or "") >= 5:  # shorter codes collide with ids and times
        # A whole word: five digits in a random UUID are no postal code.
        patterns.append(
            re.compile(rf"(?<![0-9A-Za-z]){re.escape(location.postal_code)}(?![0-9A-Za-z])")
        )
    for number in (location.latitude, location.longitude):
        if number is not None:
            # Any number in the text that starts with the point's first four decimals (11 m);
            # three would match a public office in the next street.
            digits = repr(number)
            digits = digits[: digits.index(".") + 5] if "." in digits else digits
            patterns.append(re.compile(r"(?<![\d.])" + re.escape(digits)))
    return patterns


def assert_no_secrets(body: str, secrets: list[re.Pattern], where: str) -> None:
    leaked = [p.pattern for p in secrets if p.search(body)]
    assert not leaked, (where, leaked[:3])


def test_services_are_hsds_services_in_the_readers_language(client, demo):
    data = get(client, "/api/v1/services?per_page=100")
    assert set(data) == PAGE_FIELDS and data["total_items"] == len(demo)
    first = data["contents"][0]
    assert set(first) >= SERVICE_FIELDS
    assert all(set(item) == set(first) for item in data["contents"])
    by_id = {s.id: s for s in demo}
    service = by_id[first["id"]]
    assert first["organization_id"] == service.organisation.uuid
    assert first["url"] == (service.website or None)
    translated = next(s for s in demo if any(t.locale == "vi" and t.name for t in s.texts))
    for headers, url in (({"Accept-Language": "vi"}, ""), ({}, "?locale=vi"),
                         ({"Accept-Language": "th"}, "?locale=vi")):  # fmt: skip
        shown = get(client, f"/api/v1/services/{translated.id}{url}", headers=headers)
        assert (shown["name"], shown["description"]) == translated.localized("vi")
    english = get(client, f"/api/v1/services/{translated.id}")
    assert english["name"] == translated.name
    for item in data["contents"]:
        assert item["status"] in ("active", "temporarily closed")
        for term in item["attributes"]:
            assert set(term) == {"taxonomy_term"} and set(term["taxonomy_term"]) == {"id", "name"}
        for phone in item["phones"]:
            assert phone["type"] == "voice" and phone["number"]
        for period in item["schedules"]:
            assert period["byday"] and (period["opens_at"] or period["description"] == "24/7")
    legal = get(client, "/api/v1/services?category=legal_aid&language=th&per_page=100")
    assert legal["contents"]
    for item in legal["contents"]:
        assert "legal_aid" in {a["taxonomy_term"]["id"] for a in item["attributes"]}
        assert "th" in {language["code"] for language in item["languages"]}


def test_a_list_shows_each_service_s_opening_hours_as_its_own_record_does(client, demo):
    """A page of the list reads every service's hours at once, as plain rows: the same
    periods, in the same order, as the service's own record and its hours in the directory."""
    by_id = {s.id: s for s in demo}
    checked = 0
    for path in ("/api/v1/services", "/api/v1/service_at_locations"):
        data = get(client, f"{path}?per_page=100&q=shelter")
        assert data["contents"]
        for item in data["contents"]:
            listed = item.get("service", item)
            service = by_id[listed["id"]]
            assert listed["schedules"] == get(client, f"/api/v1/services/{service.id}")["schedules"]
            if not service.open_24_7:
                assert [
                    (p["byday"], p["opens_at"], p["closes_at"]) for p in listed["schedules"]
                ] == [
                    (
                        hsds.BYDAY[h.weekday],
                        h.opens_at.strftime("%H:%M"),
                        h.closes_at.strftime("%H:%M"),
                    )
                    for h in sorted(service.schedules, key=lambda h: (h.weekday, h.opens_at))
                ]
                checked += len(service.schedules) > 1
    assert checked, "the demo network should list services open at several times"


def test_one_service_shows_its_places_and_404s_for_unknown_or_hidden(client, demo, org):
    gone = factories.service(org, [], status="inactive")
    closed = factories.service(org, [], status="temporarily_closed")
    for url in (
        f"/api/v1/services/{gone.id}",
        "/api/v1/services/no-such-id",
        "/api/v1/services/" + "x" * 300,
        "/api/v1/services/a/b",
        "/api/v1/nothing",
    ):
        body = get(client, url, status=404)
        assert body["error"] == "not_found" and body["message"]  # fmt: skip
    assert get(client, f"/api/v1/services/{closed.id}")["status"] == "temporarily closed"
    entries, _ = all_pages(client, "/api/v1/service_at_locations")
    nowhere = next(e for e in entries if e["service"]["id"] == closed.id)  # no fixed place
    assert nowhere["id"] is None and nowhere["location"] is None
    assert gone.id not in {e["service"]["id"] for e in entries}
    shelter = next(s for s in demo if any(loc.confidential for loc in s.locations))
    shown = get(client, f"/api/v1/services/{shelter.id}")
    assert len(shown["service_at_locations"]) == len(shelter.locations)
    for entry in shown["service_at_locations"]:
        place = entry["location"]
        if place["confidential"]:
            assert place["latitude"] is None and place["longitude"] is None
            assert place["address"] is None and place["name"] is None
            assert place["x_city"] and "distance_km" not in place


def test_service_at_locations_near_a_point_are_nearest_first_with_geodesic_distances(client, demo):
    for lat, lon in POINTS.values():
        data = get(client, f"/api/v1/service_at_locations?lat={lat}&lon={lon}&radius_km=100"
                           "&per_page=100")  # fmt: skip
        assert data["contents"]
        distances = [item["location"]["distance_km"] for item in data["contents"]]
        assert distances == sorted(distances)
        for item in data["contents"]:
            place = item["location"]
            assert not place["confidential"] and place["address"] is not None
            expected = geodesic((lat, lon), (place["latitude"], place["longitude"])).km
            assert place["distance_km"] == pytest.approx(expected, rel=0.005)
            assert item["id"] and item["service"]["id"]
    anywhere = get(client, "/api/v1/service_at_locations?per_page=5")
    assert all("distance_km" not in item["location"] for item in anywhere["contents"])
    by_place = get(client, "/api/v1/service_at_locations?place=Chiang+Mai&per_page=100")
    assert by_place["contents"] and not any(
        item["location"]["confidential"] for item in by_place["contents"]
    )


def test_pages_add_up_to_total_items(client, demo):
    lat, lon = POINTS["Bangkok"]
    for url, per_page in (
        ("/api/v1/services", 50),
        (f"/api/v1/service_at_locations?lat={lat}&lon={lon}&radius_km=300", 7),
        ("/api/v1/taxonomy_terms", 5),
        ("/api/v1/organizations", 10),
    ):
        items, total = all_pages(client, url, per_page)
        ids = [item["id"] for item in items]
        assert total > per_page and len(ids) == total == len(set(ids)), url
        past = get(client, f"{url}{'&' if '?' in url else '?'}per_page={per_page}&page=999")
        assert past["empty"] and past["total_items"] == total and past["last_page"]
    empty = get(client, "/api/v1/services?q=zzzzqqqq")
    assert (empty["total_items"], empty["total_pages"], empty["empty"]) == (0, 0, True)


def test_taxonomy_terms_in_every_language(client, demo):
    terms, total = all_pages(client, "/api/v1/taxonomy_terms?locale=th")
    active = db.session.scalars(select(NeedCategory).where(NeedCategory.active)).all()
    assert total == len(active) == len(terms)
    hotline = next(t for t in terms if t["code"] == "hotline")
    assert hotline["id"] == "hotline" and hotline["parent_id"] is None
    assert hotline["taxonomy"] == "pathways-needs" and hotline["x_stages"]
    assert set(hotline["x_names"]) == {"en", "vi", "ms", "id", "th"}
    assert hotline["name"] == hotline["x_names"]["th"] != hotline["x_names"]["en"]
    by_header = get(client, "/api/v1/taxonomy_terms?per_page=100",
                    headers={"Accept-Language": "id, en;q=0.5"})  # fmt: skip
    assert by_header["contents"][0]["name"] == by_header["contents"][0]["x_names"]["id"]
    fallback = get(client, "/api/v1/taxonomy_terms", headers={"Accept-Language": "fr"})
    assert fallback["contents"][0]["name"] == fallback["contents"][0]["x_names"]["en"]


def test_organizations_are_those_with_a_public_service(client, demo):
    hidden = factories.organisation("HIDDEN-ORG", "Hidden Organisation", "TH")
    factories.service(hidden, [], status="defunct")
    orgs, total = all_pages(client, "/api/v1/organizations")
    assert total == len({s.organisation_id for s in demo}) == len(orgs)
    assert hidden.uuid not in {o["id"] for o in orgs}
    assert set(orgs[0]) == {"id", "name", "description", "email", "website", "x_code",
                            "x_country", "x_type"}  # fmt: skip


def test_no_safe_house_is_placed_anywhere_over_the_demo_network(client, demo):
    hidden = db.session.scalars(select(Location).where(Location.confidential)).all()
    assert len(hidden) >= 5
    hidden_ids = {loc.id for loc in hidden}
    secrets = [p for loc in hidden for p in secrets_of(loc)]
    points = [None, *POINTS.values()]
    seen_confidential = False
    for endpoint in ("services", "service_at_locations"):
        for point in points:
            near = "" if point is None else f"?lat={point[0]}&lon={point[1]}&radius_km=250"
            number, pages = 1, 1
            while number <= pages:
                url = f"/api/v1/{endpoint}{near}{'&' if near else '?'}per_page=100&page={number}"
                response = client.get(url)
                assert response.status_code == 200
                assert_no_secrets(response.get_data(as_text=True), secrets, url)
                data = response.get_json()
                pages, number = data["total_pages"], number + 1
                for item in data["contents"]:
                    place = item.get("location")
                    if not place:
                        continue
                    assert (place["id"] in hidden_ids) == place["confidential"]
                    if place["confidential"]:
                        seen_confidential = True
                        assert place["latitude"] is None and place["longitude"] is None
                    if point is not None:
                        assert not place["confidential"] and "distance_km" in place
    for service in demo:
        url = f"/api/v1/services/{service.id}"
        response = client.get(url)
        assert_no_secrets(response.get_data(as_text=True), secrets, url)
        for entry in response.get_json()["service_at_locations"]:
            place = entry["location"]
            assert (place["id"] in hidden_ids) == place["confidential"]
            if place["confidential"]:
                seen_confidential = True
                assert place["latitude"] is None and place["longitude"] is None
    assert seen_confidential, "the walk should have met the safe houses it checks"


def test_a_signed_in_partner_gets_the_public_answer(client, demo):
    lat, lon = POINTS["Chiang Mai"]
    staff_view = search(SearchQuery(lat=lat, lon=lon, radius_km=100, per_page=100), staff=True)
    assert any(hit.location.confidential for hit in staff_view.hits)
    partner = factories.organisation("PARTNER", "Partner", "TH")
    user = factories.user("partner@test.example", partner, ["caseworker", "directory_editor"])
    assert Browser(client).login(user.email).status_code == 302
    response = client.get(f"/api/v1/service_at_locations?lat={lat}&lon={lon}&radius_km=100"
                          "&per_page=100")  # fmt: skip
    items = response.get_json()["contents"]
    assert items and not any(item["location"]["confidential"] for item in items)
    assert response.headers["Cache-Control"] == "no-store"  # the app's rule for signed-in pages


@pytest.mark.parametrize(
    ("query", "parameter"),
    [
        ("lat=abc&lon=100", "lat"),
        ("lat=91&lon=100", "lat"),
        ("lon=100", "lat"),
        ("lat=10", "lon"),
        ("lat=10&lon=100&radius_km=0", "radius_km"),
        ("per_page=101", "per_page"),
        ("page=0", "page"),
        ("category=unknown", "category"),
        ("category=legal_aid&category=nonsense", "category"),
        ("gender=x", "gender"),
        ("exploitation=boredom", "exploitation"),
        ("age=121", "age"),
        ("language=thai1", "language"),
        ("open_now=maybe", "open_now"),
        ("self_referral=perhaps", "self_referral"),
        ("place=Atlantis+Undersea", "place"),
        ("q=shelter%00", "q"),
        ("locale=fr", "locale"),
    ],
)
def test_bad_parameters_are_a_400_naming_the_parameter(client, places, query, parameter):
    for endpoint in ("services", "service_at_locations"):
        body = get(client, f"/api/v1/{endpoint}?{query}", status=400)
        assert body["error"] == "invalid_parameter" and body["parameter"] == parameter
        assert isinstance(body["message"], str) and body["message"]


def test_any_free_text_gets_an_answer_never_a_server_error(client, demo):
    # Characters that SQL, LIKE, FTS5 and PostgreSQL treat specially, among all the others.
    tricky = st.sampled_from(["\x00", '"', "'", "%", "_", "\\", "*", "-", " ", "ก", "ệ"])
    text = st.text(alphabet=st.characters(codec="utf-8") | tricky, max_size=40)

    @settings(max_examples=100, deadline=None, database=None,
              suppress_health_check=list(HealthCheck))  # fmt: skip
    @given(text=text, name=st.sampled_from(["q", "place", "language"]))
    def ask(text, name):
        response = client.get("/api/v1/services", query_string={name: text})
        assert response.status_code in (200, 400)
        if response.status_code == 400:
            assert response.get_json()["parameter"] == name

    ask()


@pytest.mark.parametrize("endpoint", ["taxonomy_terms", "organizations"])
def test_bad_paging_is_a_400(client, places, endpoint):
    for query, parameter in (("per_page=101", "per_page"), ("page=0", "page"),
                             ("page=two", "page"), ("locale=xx", "locale")):  # fmt: skip
        body = get(client, f"/api/v1/{endpoint}?{query}", status=400)
        assert body["parameter"] == parameter
    assert get(client, f"/api/v1/{endpoint}?colour=blue")["page_number"] == 1  # unknown: ignored


def test_responses_are_compact_public_json(client, demo):
    response = client.get("/api/v1/taxonomy_terms?locale=th")
    assert response.headers["Content-Type"] == "application/json"
    assert response.headers["Cache-Control"] == "public, max-age=60"
    assert response.headers["Access-Control-Allow-Origin"] == "*"
    assert "Accept-Language" in response.headers["Vary"]
    assert "Set-Cookie" not in response.headers
    body = response.get_data(as_text=True)
    assert "\n" not in body and '": ' not in body and "สายด่วน" in body  # compact, UTF-8
    assert json.loads(body)["contents"]
    error = client.get("/api/v1/services?lat=abc&lon=1")
    assert error.headers["Access-Control-Allow-Origin"] == "*"


def test_a_list_costs_the_same_few_statements_whatever_its_size(app, client, demo):
    statements = []

    def count(*_args):
        statements.append(1)

    event.listen(db.engine, "before_cursor_execute", count)
    try:
        costs = {}
        for endpoint in ("services", "service_at_locations"):
            for per_page in (2, 100):
                statements.clear()
                get(client, f"/api/v1/{endpoint}?per_page={per_page}")
                costs[endpoint, per_page] = len(statements)
        lat, lon = POINTS["Bangkok"]
        statements.clear()
        get(client, f"/api/v1/service_at_locations?lat={lat}&lon={lon}&radius_km=300&per_page=100")
        near = len(statements)
        # Words: a page of services named for them, and one that reaches past them.
        for per_page in (2, 100):
            statements.clear()
            assert get(client, f"/api/v1/services?q=shelter&per_page={per_page}")["contents"]
            costs["words", per_page] = len(statements)
    finally:
        event.remove(db.engine, "before_cursor_execute", count)
    # The performance budget: at most four statements per search request.
    assert costs["services", 2] == costs["services", 100] <= 4, costs
    assert costs["service_at_locations", 2] == costs["service_at_locations", 100] <= 4, costs
    assert near <= 4
    assert costs["words", 2] == costs["words", 100] <= 4, costs


@pytest.mark.parametrize("app_config", [{"API_RATE_LIMIT": "3 per minute"}])
def test_the_api_is_rate_limited_per_address(client, app_config):
    for _ in range(3):
        assert client.get("/api/v1/organizations").status_code == 200
    body = get(client, "/api/v1/taxonomy_terms", status=429)  # one budget for the whole API
    assert body["error"] == "rate_limited"
    other = client.get("/api/v1/organizations", environ_base={"REMOTE_ADDR": "192.0.2.7"})
    assert other.status_code == 200
    assert client.get("/").status_code == 200  # the limit is the API's alone


@pytest.mark.parametrize("app_config", [{"API_RATE_LIMIT": "3 per 1 second"}])
def test_the_api_counts_its_limit_without_a_thread_per_request(client, app_config):
    """Each request to the API is counted in this process's memory with no thread started for
    it (limits' own memory storage starts one 10 ms ahead to sweep, in the middle of later
    requests), the limit holds, a window that has passed counts afresh, and the counters
    nobody reads again are swept by a later request."""
    import threading
    import time

    from app.extensions import SweptMemoryStorage, limiter

    assert isinstance(limiter.storage, SweptMemoryStorage)
    time.sleep(0.05)  # the storage's first sweep, started with it, has run
    before = threading.active_count()
    for _ in range(3):
        time.sleep(0.02)  # further apart than limits' 10 ms timer
        assert client.get("/api/v1/organizations").status_code == 200
        assert threading.active_count() == before
    assert client.get("/api/v1/organizations").status_code == 429
    other = {"REMOTE_ADDR": "192.0.2.7"}
    assert client.get("/api/v1/organizations", environ_base=other).status_code == 200
    time.sleep(1.1)
    assert client.get("/api/v1/organizations").status_code == 200  # a new window
    assert len(limiter.storage.expirations) == 2  # the other address's has passed, not swept
    limiter.storage.next_sweep = 0  # as when SWEEP_SECONDS have gone by
    assert client.get("/api/v1/organizations").status_code == 200
    assert len(limiter.storage.expirations) == 1  # swept; this address's own, counting
    assert threading.active_count() == before


def isolated(app):
    """The app as a WSGI callable whose requests each get their own context, as in a server."""

    def wsgi(environ, start_response):
        return contextvars.Context().run(app, environ, start_response)

    return wsgi


def test_openapi_document_describes_exactly_the_api(app, client, demo):
    response = client.get("/api/v1/openapi.json")
    assert response.mimetype == "application/json"
    schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", isolated(app))
    schema.validate()  # against the OpenAPI 3.1 meta-schema
    document = response.get_json()
    assert document["openapi"].startswith("3.1")
    assert set(document["paths"]) == {
        "/api/v1/services", "/api/v1/services/{id}", "/api/v1/service_at_locations",
        "/api/v1/taxonomy_terms", "/api/v1/organizations", "/api/v1/openapi.json",
    }  # fmt: skip
    parameters = document["components"]["parameters"]
    codes = set(db.session.scalars(select(NeedCategory.code).where(NeedCategory.active)))
    assert set(parameters["category"]["schema"]["items"]["enum"]) == codes
    assert parameters["per_page"]["schema"]["maximum"] == 100
    assert parameters["lat"]["schema"] == {"type": "number", "minimum": -90, "maximum": 90}
    assert parameters["radius_km"]["schema"]["minimum"] == 0.1
    rules = app.url_map.iter_rules()
    served = {r.rule for r in rules if r.endpoint.startswith("api.") and "<path:" not in r.rule}
    assert {p.replace("{id}", "<service_id>") for p in document["paths"]} == served


def test_property_based_run_finds_no_server_error_and_no_schema_violation(app, demo):
    schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", isolated(app))
    # Positive data may still be a 400 (lat without lon, a place not in the gazetteer), and
    # negative data may be accepted (unknown parameters are ignored), so the run checks what
    # the API promises: no 5xx, and every answer documented and shaped as documented.
    checks = [not_a_server_error, status_code_conformance, content_type_conformance,
              response_schema_conformance]  # fmt: skip
    run = settings(max_examples=30, deadline=None, database=None,
                   suppress_health_check=list(HealthCheck))  # fmt: skip
    lat, lon = POINTS["Chiang Mai"]
    shelter = next(s for s in demo if any(loc.confidential for loc in s.locations))
    always = next(s for s in demo if s.open_24_7)
    known = {
        "/api/v1/services/{id}": [{"path_parameters": {"id": s.id}} for s in (shelter, always)],
        "/api/v1/services": [{"query": {"per_page": 100}}],
        "/api/v1/service_at_locations": [
            {"query": {"per_page": 100}},
            {"query": {"lat": lat, "lon": lon, "radius_km": 250, "per_page": 100}},
        ],
        "/api/v1/taxonomy_terms": [{"query": {"per_page": 100, "locale": "th"}}],
        "/api/v1/organizations": [{"query": {"per_page": 100}}],
    }  # schemathesis leaves out the operation serving the document itself
    for result in schema.get_all_operations():
        operation = result.ok()
        for values in known.pop(operation.path):  # full pages of real records first
            response = operation.Case(**values).call_and_validate(checks=checks)
            assert response.status_code == 200, (operation.path, values)
        for mode in (schemathesis.GenerationMode.POSITIVE, schemathesis.GenerationMode.NEGATIVE):

            @run
            @given(case=operation.as_strategy(generation_mode=mode))
            def check(case):
                case.call_and_validate(checks=checks)

            check()
    assert not known, "every operation was run"
