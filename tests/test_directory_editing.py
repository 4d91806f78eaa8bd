"""Directory editors keep their own organisation's listings true, and only those."""

from datetime import timedelta

import pytest
from sqlalchemy import func, select

from app.audit.models import AuditEvent
from app.database import utcnow
from app.directory.models import Location, Service
from app.extensions import db
from app.search.engine import SearchQuery, search
from tests import factories
from tests.conftest import Browser


@pytest.fixture
def needs(app):
    return factories.taxonomy()


@pytest.fixture
def listing(org, needs):
    place = factories.location(org)
    return factories.service(org, [needs["emergency_shelter"]], [place], beds_total=10,
                             beds_available=4)  # fmt: skip


@pytest.fixture
def editor(web, org):
    user = factories.user("editor@test.example", org, ["directory_editor"])
    web.login(user.email)
    web.user = user
    return web


def form_data(service, **changes):
    """What the edit form submits for `service`, with `changes`."""
    data = {
        "version": str(service.version),
        "name": service.name,
        "description": service.description,
        "original_locale": "en",
        "status": service.status,
        "categories": [str(cid) for cid in service.category_ids],
        "locations": [link.location_id for link in service.location_links],
        "phone": service.phone,
        "free": "y",
        "self_referral": "y",
        "beds_total": str(service.beds_total or ""),
        "beds_available": str(service.beds_available or ""),
    }
    data.update(changes)
    return {k: v for k, v in data.items() if v is not None}


def audit_count(action):
    return db.session.scalar(
        select(func.count()).select_from(AuditEvent).where(AuditEvent.action == action)
    )


def test_editor_edits_a_listing(editor, listing):
    url = f"/my/services/{listing.id}/edit"
    response = editor.submit(url, data=form_data(
        listing, name="Women's emergency shelter", opens_0="08:30", closes_0="17:00",
        languages=["th", "my"], areas=["TH-50", "TH-57"], name_th="บ้านพักฉุกเฉิน",
    ))  # fmt: skip
    assert response.status_code == 302, response.get_data(as_text=True)
    assert listing.name == "Women's emergency shelter" and listing.version == 2
    assert listing.language_list == ["my", "th"]
    assert [(s.weekday, s.opens_at.hour) for s in listing.schedules] == [(0, 8)]
    assert sorted(a.province_code for a in listing.areas) == ["TH-50", "TH-57"]
    assert listing.localized("th")[0] == "บ้านพักฉุกเฉิน"
    assert audit_count("directory:service:updated") == 1
    page = editor.get("/my/services").get_data(as_text=True)
    assert "Saved. Thank you for keeping the directory true." in page

    # Edited again with its Thai name kept and changed, and its Thai words found at once.
    response = editor.submit(url, data=form_data(
        listing, name="Women's emergency shelter", languages=["th", "my"],
        areas=["TH-50", "TH-57"], name_th="บ้านพักฉุกเฉินสำหรับผู้หญิง",
        description_th="เปิดตลอดคืน",
    ))  # fmt: skip
    assert response.status_code == 302, response.get_data(as_text=True)
    assert listing.version == 3 and len(listing.texts) == 1
    assert listing.localized("th") == ("บ้านพักฉุกเฉินสำหรับผู้หญิง", "เปิดตลอดคืน")
    assert [hit.service.id for hit in search(SearchQuery(q="ตลอดคืน"), staff=False).hits] == [
        listing.id
    ]


def test_text_pasted_with_control_characters_is_saved_as_it_reads(editor, listing):
    """A word processor's line break (a vertical tab) ends a line; the control characters
    nobody can see are left out, in every language; a tab stays."""
    response = editor.submit(f"/my/services/{listing.id}/edit", data=form_data(
        listing, name="Night\x01 shelter\x7f", description="Beds for women.\x0bCall first.\tFree.",
        name_th="บ้านพัก\x1bกลางคืน",
    ))  # fmt: skip
    assert response.status_code == 302, response.get_data(as_text=True)
    assert listing.name == "Night shelter"
    assert listing.description == "Beds for women.\nCall first.\tFree."
    assert listing.localized("th")[0] == "บ้านพักกลางคืน"
    found = search(SearchQuery(q="night shelter"), staff=False).hits
    assert [hit.service.id for hit in found] == [listing.id]


@pytest.mark.parametrize("version", ["abc", "9" * 40])
def test_an_altered_version_shows_the_changes_instead_of_saving(editor, listing, version):
    """A form whose hidden version was altered matches no version of the listing: the editor
    is shown what differs, and nothing is saved."""
    before = (listing.name, listing.version)
    response = editor.submit(
        f"/my/services/{listing.id}/edit", data=form_data(listing, name="Renamed", version=version)
    )
    assert response.status_code == 422, response.status_code
    db.session.refresh(listing)
    assert (listing.name, listing.version) == before


def test_editor_adds_a_location_and_a_service(editor, needs, org):
    response = editor.submit("/my/locations/new", data={
        "name": "Night shelter", "city": "Chiang Mai", "province_code": "TH-50",
        "latitude": "18.8", "longitude": "98.98", "confidential": "y",
    })  # fmt: skip
    assert response.status_code == 302
    place = db.session.scalar(select(Location))
    assert place.confidential and place.province == "Chiang Mai" and place.country == "TH"
    response = editor.submit("/my/services/new", data={
        "name": "Night shelter", "description": "Beds for the night.", "original_locale": "en",
        "status": "active", "categories": [str(needs["emergency_shelter"].id)],
        "locations": [place.id], "hotline": "1300", "free": "y", "open_24_7": "y",
    })  # fmt: skip
    assert response.status_code == 302, response.get_data(as_text=True)
    service = db.session.scalar(select(Service))
    assert service.organisation_id == org.id and service.last_verified_at is not None
    assert service.open_24_7 and service.locations == [place]


@pytest.mark.parametrize(
    "changes, message",
    [
        ({"name": ""}, "Enter the name of the service."),
        ({"categories": []}, "Choose at least one need."),
        ({"min_age": "18", "max_age": "12"}, "The oldest age cannot be below the youngest age."),
        ({"min_age": "-1"}, "Enter an age from 0 to 120."),
        (
            {"beds_total": "3", "beds_available": "9"},
            "Beds free cannot be more than beds in total.",
        ),
        ({"email": "not an address"}, "Enter a valid email address."),
        ({"website": "javascript:alert(1)"}, "Enter a full web address"),
        ({"opens_2": "17:00", "closes_2": "09:00"}, "Give an opening time before the closing"),
        ({"free": None, "cost_text": ""}, "Say what it costs, or tick free of charge."),
        ({"phone": ""}, "Give at least one way to reach the service."),
        ({"categories": ["999999"]}, "is not a valid choice for this field"),
        ({"locations": ["not-ours"]}, "is not a valid choice for this field"),
        ({"name": "x" * 201}, "Use at most 200 characters."),
    ],
)
def test_bad_input_is_explained_and_changes_nothing(editor, listing, changes, message):
    before = (listing.name, listing.version, listing.beds_total)
    response = editor.submit(f"/my/services/{listing.id}/edit", data=form_data(listing, **changes))
    assert response.status_code == 422
    assert message in response.get_data(as_text=True)
    assert (listing.name, listing.version, listing.beds_total) == before


def test_field_is_checked_as_the_editor_leaves_it(editor, listing):
    response = editor.submit(
        f"/my/services/{listing.id}/edit",
        "/my/services/validate?field=max_age",
        data=form_data(listing, min_age="30", max_age="20"),
        headers={"HX-Request": "true"},
    )
    body = response.get_data(as_text=True)
    assert body.lstrip().startswith('<div class="field has-error" id="field-max_age"')
    assert "The oldest age cannot be below the youngest age." in body and "<html" not in body


def test_second_save_is_refused_with_what_changed(app, editor, listing, org):
    other_user = factories.user("editor2@test.example", org, ["directory_editor"])
    other = Browser(app.test_client())
    other.login(other_user.email)
    url = f"/my/services/{listing.id}/edit"
    stale = form_data(listing, name="Name typed by the second editor")
    first = editor.submit(url, data=form_data(listing, name="Name saved by the first editor"))
    assert first.status_code == 302
    second = other.submit(url, data=stale)
    body = second.get_data(as_text=True)
    assert second.status_code == 422
    assert "Someone else saved this listing while you were editing it." in body
    assert "Name saved by the first editor" in body and "Name typed by the second editor" in body
    assert listing.name == "Name saved by the first editor"


def test_still_correct_in_one_click(editor, listing):
    listing.last_verified_at = utcnow() - timedelta(days=500)
    db.session.commit()
    assert "Needs a check" in editor.get("/my/services").get_data(as_text=True)
    response = editor.submit(
        "/my/services", f"/my/services/{listing.id}/verify", headers={"HX-Request": "true"}
    )
    body = response.get_data(as_text=True)
    assert response.status_code == 200 and body.lstrip().startswith("<tr") and "Saved." in body
    assert "Needs a check" not in body
    assert utcnow() - listing.last_verified_at < timedelta(minutes=1)
    assert audit_count("directory:service:verified") == 1


def test_status_and_capacity(editor, listing):
    editor.submit(
        "/my/services", f"/my/services/{listing.id}/status", data={"status": "temporarily_closed"}
    )
    assert listing.status == "temporarily_closed"
    response = editor.submit(
        "/my/services",
        f"/my/services/{listing.id}/capacity",
        data={"beds_total": "12", "beds_available": "2"},
        headers={"HX-Request": "true"},
    )
    assert response.status_code == 200
    assert (listing.beds_total, listing.beds_available) == (12, 2)
    assert listing.capacity_updated_at is not None
    response = editor.submit(
        "/my/services",
        f"/my/services/{listing.id}/capacity",
        data={"beds_total": "2", "beds_available": "5"},
        headers={"HX-Request": "true"},
    )
    assert response.status_code == 422
    assert "cannot be more than beds in total" in response.get_data(as_text=True)
    assert (listing.beds_total, listing.beds_available) == (12, 2)


EDITOR_URLS = [
    ("GET", "/my/services/{service}/edit"),
    ("POST", "/my/services/{service}/edit"),
    ("POST", "/my/services/{service}/verify"),
    ("POST", "/my/services/{service}/status"),
    ("POST", "/my/services/{service}/capacity"),
    ("GET", "/my/locations/{location}/edit"),
    ("POST", "/my/locations/{location}/edit"),
]


@pytest.mark.parametrize("method, path", EDITOR_URLS)
def test_another_organisations_listing_is_404(client, login_as, org, other_org, needs,
                                              method, path):  # fmt: skip
    place = factories.location(org)
    theirs = factories.service(org, [needs["legal_aid"]], [place])
    login_as(["directory_editor"], other_org)
    token = client.get("/my/services").get_data(as_text=True)
    token = token.split('name="csrf_token" value="')[1].split('"')[0]
    url = path.format(service=theirs.id, location=place.id)
    response = client.open(url, method=method, data={
        "csrf_token": token, "name": "Taken over", "status": "defunct", "beds_total": "0",
        "city": "Elsewhere",
    })  # fmt: skip
    assert response.status_code == 404
    assert theirs.name != "Taken over" and theirs.status == "active"
    assert place.city == "Chiang Mai"
    assert audit_count("directory:access:refused") == 1


@pytest.mark.parametrize("roles", [["caseworker"], ["coordinator"], ["admin"]])
def test_only_directory_editors_edit(client, login_as, org, needs, roles):
    theirs = factories.service(org, [needs["legal_aid"]])
    login_as(roles, org)
    assert client.get("/my/services").status_code == 403
    assert client.get(f"/my/services/{theirs.id}/edit").status_code == 403


def test_freshness_and_nudge(app, web, login_as, client, org, needs):
    old = factories.service(org, [needs["legal_aid"]],
                            last_verified_at=utcnow() - timedelta(days=400))  # fmt: skip
    factories.service(org, [needs["legal_aid"]], name="Fresh one")
    login_as(["coordinator"], org)
    page = client.get("/directory/freshness").get_data(as_text=True)
    assert org.name in page and "Send a reminder" in page
    response = web.submit("/directory/freshness", f"/directory/freshness/{org.id}/nudge")
    assert response.status_code == 302
    assert "has been asked to re-check 1 listings" in web.get(response.location).get_data(
        as_text=True
    )
    assert audit_count("directory:organisation:nudged") == 1
    editor_user = factories.user("ed@test.example", org, ["directory_editor"])
    editor = Browser(app.test_client())
    editor.login(editor_user.email)
    assert "A coordinator asked on" in editor.get("/my/services").get_data(as_text=True)
    assert old.id


@pytest.mark.parametrize("roles", [["caseworker"], ["directory_editor"]])
def test_freshness_is_for_coordinators_and_admins(client, login_as, org, roles):
    login_as(roles, org)
    assert client.get("/directory/freshness").status_code == 403
