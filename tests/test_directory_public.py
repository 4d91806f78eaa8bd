"""Anyone can read listings in their language; safe-house addresses never reach the public."""

import re

import pytest
from sqlalchemy import select

from app.directory.models import Location, Service
from app.directory.seed import load_demo_directory
from app.extensions import db
from tests import factories


@pytest.fixture
def needs(app):
    return factories.taxonomy()


@pytest.fixture
def shelter(org, needs):
    safe_house = factories.location(org, confidential=True)
    return factories.service(org, [needs["emergency_shelter"]], [safe_house],
                             description="A safe place to stay.")  # fmt: skip


def secrets_of(location: Location) -> list[str]:
    """Strings that would reveal where a safe house is."""
    values = [location.address_line]
    if len(location.postal_code or "") >= 5:  # shorter codes collide with ids and times
        values.append(location.postal_code)
    for number in (location.latitude, location.longitude):
        if number is not None:
            values += [repr(number), f"{number:.3f}", f"{number:.2f}"]
    return [v for v in values if v]


def _found(secret: str, text: str) -> bool:
    """True when `secret` is in `text`; a number only as a whole token, not inside a timestamp
    (11.4712) or a random id (…a60222f…)."""
    if secret.replace(".", "", 1).lstrip("-").isdigit():
        return re.search(rf"(?<![\w.]){re.escape(secret)}(?!\w)", text) is not None
    return secret in text


def test_public_service_page_in_plain_language(client, org, needs):
    place = factories.location(org)
    service = factories.service(
        org,
        [needs["legal_aid"]],
        [place],
        name="Legal clinic",
        min_age=18,
        free=True,
        self_referral=True,
        languages=",en,th,",
        open_24_7=True,
    )
    page = client.get(f"/services/{service.id}").get_data(as_text=True)
    for text in ("What it is", "Who it is for", "How to get it", "Cost", "Opening hours",
                 "Languages", "How to contact them", "aged 18 and over", "Free of charge.",
                 "You can contact them yourself.", "Open 24 hours, every day", "Thai",
                 "12 Open Road", "Your rights and how to get help"):  # fmt: skip
        assert text in page, text


def test_reader_language_with_fallback(web, org, needs):
    from app.directory.models import ServiceText

    service = factories.service(org, [needs["legal_aid"]], name="Legal clinic")
    service.texts = [ServiceText(locale="th", name="คลินิกกฎหมาย", description="ช่วยเหลือด้านกฎหมาย")]
    db.session.commit()
    web.submit("/", "/language", data={"locale": "th"})
    assert "คลินิกกฎหมาย" in web.get(f"/services/{service.id}").get_data(as_text=True)
    web.submit("/", "/language", data={"locale": "vi"})
    assert "Legal clinic" in web.get(f"/services/{service.id}").get_data(as_text=True)


def test_confidential_address_hidden_from_public_shown_to_partners(client, login_as, org,
                                                                   shelter):  # fmt: skip
    safe_house = shelter.locations[0]
    page = client.get(f"/services/{shelter.id}").get_data(as_text=True)
    assert "Chiang Mai" in page and "kept confidential" in page
    for secret in secrets_of(safe_house):
        assert secret not in page
    login_as(["caseworker"], org)
    page = client.get(f"/services/{shelter.id}").get_data(as_text=True)
    assert "77 Hidden Lane" in page and "partner staff only" in page


def test_closed_listings_are_not_public(client, login_as, org, needs):
    gone = factories.service(org, [needs["legal_aid"]], status="defunct")
    assert client.get(f"/services/{gone.id}").status_code == 404
    assert client.get("/services/no-such-id").status_code == 404
    login_as(["caseworker"], org)
    assert "no longer offered" in client.get(f"/services/{gone.id}").get_data(as_text=True)


@pytest.mark.parametrize("locale", ["en", "vi", "ms", "id", "th"])
def test_rights_page_in_every_language(web, locale):
    web.submit("/", "/language", data={"locale": locale})
    page = web.get("/rights").get_data(as_text=True)
    assert f'<html lang="{locale}">' in page
    assert page.count('<section id="') >= 6 and 'href="/search"' in page


def test_rights_linked_from_every_public_page(client, shelter):
    for url in ("/", "/search", f"/services/{shelter.id}", "/directory/print", "/auth/login"):
        assert 'href="/rights"' in client.get(url).get_data(as_text=True), url


def test_search_filters_and_fragment(client, org, needs, shelter):
    factories.service(org, [needs["legal_aid"]], [factories.location(org)], name="Legal clinic")
    page = client.get("/search?category=legal_aid").get_data(as_text=True)
    assert "Legal clinic" in page and shelter.name not in page
    fragment = client.get("/search?category=emergency_shelter",
                          headers={"HX-Request": "true", "HX-Target": "results"}
                          ).get_data(as_text=True)  # fmt: skip
    assert "<html" not in fragment and shelter.name in fragment and "Legal clinic" not in fragment
    assert "No service matches" in client.get("/search?q=zzzzqqq").get_data(as_text=True)
    assert client.get("/search?page=abc").status_code == 200


@pytest.mark.parametrize("by", ["category", "province"])
def test_printable_directory(client, org, needs, shelter, by):
    page = client.get(f"/directory/print?by={by}&country=TH").get_data(as_text=True)
    assert "Directory of services for people who have been trafficked" in page
    assert shelter.name in page
    heading = "Emergency shelter" if by == "category" else "Chiang Mai"
    assert re.search(rf"<h2>[^<]*{heading}", page, re.IGNORECASE), heading
    for secret in secrets_of(shelter.locations[0]):
        assert secret not in page
    css = client.get("/static/css/pathways.css").get_data(as_text=True)
    assert "@media print" in css and "size: A4" in css


def test_no_confidential_detail_anywhere_public_over_the_demo_network(app, client, needs,
                                                                     tmp_path):  # fmt: skip
    load_demo_directory()
    hidden = db.session.scalars(select(Location).where(Location.confidential)).all()
    assert len(hidden) >= 5
    secrets = {s for loc in hidden for s in secrets_of(loc)}
    services = db.session.scalars(select(Service)).all()
    pages = [f"/services/{s.id}" for s in services]
    pages += [f"/search?page={n}" for n in range(1, len(services) // 20 + 2)]
    pages += ["/directory/print?by=category", "/directory/print?by=province", "/rights", "/"]
    pages += ["/search?category=emergency_shelter", "/search?q=shelter"]
    for url in pages:
        for headers in ({}, {"HX-Request": "true"}):
            body = client.get(url, headers=headers).get_data(as_text=True)
            leaked = [s for s in secrets if _found(s, body)]
            assert not leaked, (url, leaked[:3])
    # The public HSDS export of the same network.
    export = tmp_path / "export"
    result = app.test_cli_runner().invoke(args=["directory", "export", str(export)])
    assert result.exit_code == 0, result.output
    assert (export / "location.csv").exists()
    for path in export.iterdir():
        text = path.read_text(encoding="utf-8")
        leaked = [s for s in secrets if _found(s, text)]
        assert not leaked, (path.name, leaked[:3])


def test_opening_hours_are_grouped_into_runs_of_days(app):
    from datetime import time
    from types import SimpleNamespace

    from app.directory.public import weekly_hours

    def row(day, opens, closes):
        return SimpleNamespace(weekday=day, opens_at=time(*opens), closes_at=time(*closes))

    rows = [row(d, (9, 0), (17, 0)) for d in range(5)] + [row(5, (9, 0), (12, 0))]
    rows += [row(6, (8, 0), (10, 0)), row(6, (14, 0), (16, 0))]
    assert weekly_hours(rows) == [
        ("Monday–Friday", "09:00–17:00"),
        ("Saturday", "09:00–12:00"),
        ("Sunday", "08:00–10:00, 14:00–16:00"),
    ]
