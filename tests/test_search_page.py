"""The search page: a plain GET form that HTMX enhances, and never a leak of a safe house."""

import pytest

from app.directory.models import Location
from app.directory.seed import load_demo_directory, load_gazetteer
from app.extensions import db
from app.geo.places import forget_index
from tests import factories
from tests.test_directory_public import secrets_of


@pytest.fixture
def demo(app):
    factories.taxonomy()
    load_gazetteer()
    load_demo_directory()
    forget_index()


def test_plain_get_search_by_place_and_need(client, demo):
    page = client.get("/search?place=Chiang+Mai&category=legal_aid").get_data(as_text=True)
    assert "Near Chiang Mai" in page and "<html" in page
    assert 'class="distance"' in page and " km" in page
    assert 'name="category" value="legal_aid" checked' in page
    assert page.count(" checked>") == 1  # no other need, and no "open now"
    # The radius the search used, 50 km when none is given; nothing else chosen.
    assert '<option value="50" selected>50 km</option>' in page and page.count(" selected>") == 1


def test_the_form_names_its_choices_in_the_reader_language(client, demo):
    from flask_babel import force_locale

    from app.directory.forms import EXPLOITATION_LABELS, GENDER_LABELS

    pages = {}
    for locale in ("th", "vi", "en", "th"):
        page = client.get("/search?language=my&gender=female&exploitation=begging",
                          headers={"Accept-Language": locale}).get_data(as_text=True)  # fmt: skip
        with force_locale(locale):
            female, begging = str(GENDER_LABELS["female"]), str(EXPLOITATION_LABELS["begging"])
        assert f'<option value="female" selected>{female}</option>' in page
        assert f'<option value="begging" selected>{begging}</option>' in page
        pages[locale] = (female, begging)
        burmese = {"th": "พม่า", "vi": "Tiếng Miến Điện", "en": "Burmese"}[locale]
        assert f'<option value="my" selected>{burmese}</option>' in page
    assert pages["th"] != pages["en"] != pages["vi"]


def test_distances_are_written_in_the_reader_language(client, demo):
    import re

    written = {}
    for locale in ("th", "vi", "en"):
        page = client.get("/search?place=Chiang+Mai&radius_km=250",
                          headers={"Accept-Language": locale}).get_data(as_text=True)  # fmt: skip
        written[locale] = re.findall(r'<strong class="distance">([^<]+)</strong>', page)
        assert len(written[locale]) > 3
    assert all(text.endswith(" กม.") for text in written["th"])
    assert all(text.endswith(" km") for text in written["en"] + written["vi"])
    # Vietnamese writes a decimal comma where English writes a point.
    assert any("," in text for text in written["vi"])
    assert [t.replace(",", ".") for t in written["vi"]] == written["en"]


def test_filters_swap_only_the_results_for_htmx(client, demo):
    headers = {"HX-Request": "true", "HX-Target": "results"}
    response = client.get("/search?place=Bangkok&category=medical_care", headers=headers)
    body = response.get_data(as_text=True)
    assert body.lstrip().startswith('<section id="results"') and "<html" not in body
    assert "HX-Request" in response.headers["Vary"]
    restore = client.get("/search?place=Bangkok", headers={**headers,
                         "HX-History-Restore-Request": "true"})  # fmt: skip
    assert "<html" in restore.get_data(as_text=True)


def test_place_suggestions_and_ambiguous_names(client, demo):
    body = client.get("/search/places?place=chiang+ma").get_data(as_text=True)
    assert "Chiang Mai" in body and "place_id=" in body
    page = client.get("/search?place=San+Jose").get_data(as_text=True)
    assert "Several places have this name. Which one do you mean?" in page
    assert client.get("/search/places?place=x").get_data(as_text=True).count("<li>") == 0


@pytest.mark.parametrize(
    "query, message",
    [
        ("place=Qwxzvbnm", "We could not find the place Qwxzvbnm."),
        ("lat=abc&lon=100", "lat must be a number."),
        ("lat=95&lon=100", "lat must be between"),
        ("radius_km=-4&place=Bangkok", "radius_km must be between"),
        ("category=teleportation", "Unknown category: teleportation"),
        ("age=old", "age must be a number."),
        ("page=0", "page must be between"),
        ("q=shel%00ter", "q contains a character that is not allowed."),
        ("q=shelter&place=Bang%00kok", "place contains a character that is not allowed."),
    ],
)
def test_bad_parameters_are_explained(client, demo, query, message):
    response = client.get(f"/search?{query}")
    assert response.status_code == 200
    assert message in response.get_data(as_text=True)


def test_a_character_no_search_can_take_is_refused_in_the_reader_s_language(client, demo):
    """A NUL character in the words (which neither database can take) is named, in the
    reader's language, and nothing is searched; the API answers 400 naming it."""
    page = client.get("/search?q=shel%00ter", headers={"Accept-Language": "th"})
    html = page.get_data(as_text=True)
    assert page.status_code == 200
    assert "q มีอักขระที่ไม่อนุญาต" in html
    assert '<ol class="results">' not in html
    fragment = client.get("/search?q=%00", headers={"HX-Request": "true", "HX-Target": "results"})
    assert fragment.status_code == 200 and 'role="alert"' in fragment.get_data(as_text=True)
    api = client.get("/api/v1/services?per_page=5&q=shel%00ter")
    assert api.status_code == 400 and api.get_json()["parameter"] == "q"


def test_empty_result_suggests_widening(client, demo):
    page = client.get("/search?place=Vientiane&radius_km=5&category=organ_removal"
                      ).get_data(as_text=True)  # fmt: skip
    assert "Unknown category" in page
    page = client.get("/search?place=Luang+Prabang&radius_km=5&category=education"
                      ).get_data(as_text=True)  # fmt: skip
    assert "No service matches this search." in page and "Look further away" in page
    assert "radius_km=20" in page


def test_public_search_never_shows_where_a_safe_house_is(client, login_as, org, demo):
    hidden = db.session.query(Location).filter(Location.confidential).all()
    secrets = {s for loc in hidden for s in secrets_of(loc)}
    for place in ("Chiang Mai", "Bangkok", "Ha Noi", "Kuala Lumpur", "Surabaya", "Manila"):
        for category in ("emergency_shelter", "long_term_housing", ""):
            url = f"/search?place={place}&radius_km=250&category={category}"
            body = client.get(url).get_data(as_text=True)
            assert not [s for s in secrets if s in body], url
    page = client.get("/search?place=Chiang+Mai&category=emergency_shelter").get_data(as_text=True)
    assert "Safe houses serving this province" in page
    login_as(["caseworker"], org)
    staff = client.get("/search?place=Chiang+Mai&category=emergency_shelter").get_data(as_text=True)
    assert "Safe houses serving this province" not in staff and 'class="distance"' in staff


def test_old_directory_address_redirects(client):
    response = client.get("/directory?category=legal_aid")
    assert response.status_code == 301 and response.location == "/search?category=legal_aid"


def test_map_view_pins_only_public_places(client, login_as, org, demo):
    import json
    import re

    def points(body):
        raw = re.search(r'<script type="application/json" id="map-points">(.*?)</script>', body,
                        re.S).group(1)  # fmt: skip
        return json.loads(raw)

    hidden = {(loc.latitude, loc.longitude) for loc in
              db.session.query(Location).filter(Location.confidential)}  # fmt: skip
    for url in (
        "/search/map?place=Chiang+Mai&radius_km=250",
        "/search/map?category=emergency_shelter",
    ):
        response = client.get(url)
        body = response.get_data(as_text=True)
        pins = points(body)
        assert not {(p["lat"], p["lon"]) for p in pins} & hidden
        assert "https://tile.openstreetmap.org" in response.headers["Content-Security-Policy"]
        assert "vendor/leaflet/leaflet.js" in body
    assert points(client.get("/search/map?place=Chiang+Mai").get_data(as_text=True))
    assert "leaflet" not in client.get("/search?place=Chiang+Mai").get_data(as_text=True)
    login_as(["caseworker"], org)
    staff_pins = points(client.get("/search/map?category=emergency_shelter&place=Chiang+Mai"
                                   "&radius_km=250").get_data(as_text=True))  # fmt: skip
    assert {(p["lat"], p["lon"]) for p in staff_pins} & hidden


def test_results_say_how_a_service_works_and_caseworkers_refer_from_them(client, login_as, org):
    needs = factories.taxonomy()
    place = factories.location(org)
    factories.service(org, [needs["emergency_shelter"]], [place], name="Night shelter",
                      open_24_7=True, self_referral=True)  # fmt: skip
    factories.service(org, [needs["emergency_shelter"]], [place], name="Day centre",
                      status="temporarily_closed")  # fmt: skip

    def results(headers=None):
        page = client.get("/search?category=emergency_shelter&case=C-0042&need=emergency_shelter",
                          headers=headers or {}).get_data(as_text=True)  # fmt: skip
        items = page.split('<ol class="results">', 1)[1].split("</ol>", 1)[0].split("<h2>")[1:]
        return {item.split("</a></h2>")[0].rsplit(">", 1)[1]: item for item in items}

    public = results()
    assert set(public) == {"Night shelter", "Day centre"}
    night, day = public["Night shelter"], public["Day centre"]
    assert "<strong>Open 24 hours</strong>" in night and "No referral needed" in night
    assert "Temporarily closed" not in night
    assert "<strong>Temporarily closed</strong>" in day and "Open 24 hours" not in day
    assert "Refer to this service" not in night + day
    thai = results({"Accept-Language": "th"})["Night shelter"]
    assert "<strong>เปิด 24 ชั่วโมง</strong>" in thai and "ไม่ต้องมีการส่งต่อ" in thai

    login_as(["caseworker"], org)
    signed_in = results()
    refer = signed_in["Night shelter"].split('class="button secondary refer" href="', 1)[1]
    assert refer.split('"', 1)[0].startswith("/referrals/new?service=")
    assert "case=C-0042" in refer.split('"', 1)[0]
    # A closed service cannot take a referral now.
    assert "Refer to this service" not in signed_in["Day centre"]


def test_results_read_nothing_the_search_did_not_load(app, client, login_as, org, demo):
    """The results are plain rows (app.search.loading), and Jinja prints nothing for a value a
    row does not carry: with undefined values made errors, every view of results still writes."""
    from jinja2 import StrictUndefined

    app.jinja_env.undefined = StrictUndefined
    urls = ("/search?place=Chiang+Mai&radius_km=250", "/search?category=emergency_shelter",
            "/search/map?place=Chiang+Mai&radius_km=250", "/search?q=shelter",
            "/search?place=Chiang+Mai&category=emergency_shelter")  # fmt: skip
    fragment = {"HX-Request": "true", "HX-Target": "results"}
    for url in urls:
        assert client.get(url).status_code == 200, url
        assert client.get(url, headers=fragment).status_code == 200, url
    login_as(["caseworker"], org)
    for url in urls:
        page = client.get(url + "&case=C-0042")
        assert page.status_code == 200, url
    assert "Refer to this service" in page.get_data(as_text=True)
