"""Admins create organisations and users, change roles, and disable accounts."""

import pytest
from sqlalchemy import func, select

from app.audit.models import AuditEvent
from app.auth.models import User
from app.extensions import db
from app.orgs.models import Organisation
from tests import factories
from tests.conftest import Browser


@pytest.fixture
def admin(web, admin_user):
    web.login(admin_user.email)
    return web


def count(model, *where):
    return db.session.scalar(select(func.count()).select_from(model).where(*where))


def audited(action):
    return count(AuditEvent, AuditEvent.action == action)


def test_admin_creates_an_organisation(admin):
    before = audited("admin:organisation:created")
    response = admin.submit(
        "/admin/organisations",
        data={"code": "th-new", "name": "New Shelter", "country": "TH", "type": "ngo"},
    )
    assert response.status_code == 302
    page = admin.get(response.location).get_data(as_text=True)
    assert "Organisation TH-NEW created." in page and "Thailand" in page
    assert count(Organisation, Organisation.code == "TH-NEW") == 1
    assert audited("admin:organisation:created") == before + 1


@pytest.mark.parametrize(
    "data, message",
    [
        ({"code": "", "name": "X", "country": "TH"}, "Enter a short code."),
        ({"code": "A B", "name": "X", "country": "TH"}, "The code must be 2 to 32"),
        ({"code": "TEST-ORG", "name": "X", "country": "TH"}, "already exists"),
        ({"code": "NEW", "name": "X", "country": "ZZ"}, "Not a valid choice"),
        ({"code": "NEW", "name": "", "country": "TH"}, "Enter the name."),
        ({"code": "NEW", "name": "X", "country": "TH", "type": "pirate"}, "Not a valid choice"),
    ],
)
def test_bad_organisation_input_changes_nothing(admin, org, data, message):
    before = count(Organisation)
    response = admin.submit("/admin/organisations", data={"type": "ngo", **data})
    assert response.status_code == 422
    assert message in response.get_data(as_text=True)
    assert count(Organisation) == before


def test_organisation_form_errors_swap_in_place_for_htmx(admin):
    response = admin.submit(
        "/admin/organisations",
        data={"code": "", "name": "", "country": ""},
        headers={"HX-Request": "true"},
    )
    body = response.get_data(as_text=True)
    assert response.status_code == 422
    assert body.lstrip().startswith('<form id="organisation-form"') and "<html" not in body


def test_admin_creates_a_user_who_can_sign_in(admin, client, org, other_org):
    before = audited("admin:user:created")
    response = admin.submit(
        "/admin/users/new",
        data={
            "email": "New.Person@Test.example",
            "name": "New Person",
            "organisation": str(other_org.id),
            "roles": ["caseworker", "coordinator"],
            "password": "a long enough phrase",
            "confirm": "a long enough phrase",
        },
    )
    assert response.status_code == 302
    user = db.session.scalar(select(User).where(User.email == "new.person@test.example"))
    assert user.roles == {"caseworker", "coordinator"} and user.organisation_id == other_org.id
    assert audited("admin:user:created") == before + 1
    admin.logout()
    assert (
        Browser(client).login("new.person@test.example", "a long enough phrase").status_code == 302
    )


@pytest.mark.parametrize(
    "change, message",
    [
        ({"password": "short", "confirm": "short"}, "Use at least 10 characters."),
        ({"confirm": "something else"}, "The two passwords differ."),
        ({"roles": []}, "Choose at least one role."),
        ({"roles": ["superuser"]}, "is not a valid choice"),
        ({"email": "admin@test.example"}, "already exists"),
        ({"email": "not-an-address"}, "Enter a valid email address."),
    ],
)
def test_bad_user_input_changes_nothing(admin, org, change, message):
    data = {
        "email": "someone@test.example",
        "organisation": str(org.id),
        "roles": ["caseworker"],
        "password": "a long enough phrase",
        "confirm": "a long enough phrase",
        **change,
    }
    before = count(User)
    response = admin.submit("/admin/users/new", data=data)
    assert response.status_code == 422
    assert message in response.get_data(as_text=True)
    assert count(User) == before


def test_roles_change_through_htmx_fragment(admin, org):
    user = factories.user("worker@test.example", org, ["caseworker"])
    response = admin.submit(
        f"/admin/users/{user.id}",
        f"/admin/users/{user.id}/roles",
        data={"roles": ["caseworker", "directory_editor"]},
        headers={"HX-Request": "true"},
    )
    body = response.get_data(as_text=True)
    assert response.status_code == 200 and "Roles saved." in body and "<html" not in body
    assert "HX-Request" in response.headers["Vary"]
    assert user.roles == {"caseworker", "directory_editor"}
    assert audited("admin:user:roles_changed") == 1


def test_admin_cannot_remove_own_admin_role(admin, admin_user):
    response = admin.submit(
        f"/admin/users/{admin_user.id}",
        f"/admin/users/{admin_user.id}/roles",
        data={"roles": ["caseworker"]},
    )
    assert response.status_code == 422
    assert "You cannot remove your own admin role." in response.get_data(as_text=True)
    assert admin_user.roles == {"admin"}


def test_disabled_user_is_refused_at_the_next_request(app, admin, org):
    user = factories.user("leaver@test.example", org, ["admin"])
    other = Browser(app.test_client())
    other.login(user.email)
    assert other.get("/admin/users").status_code == 200
    response = admin.submit(
        f"/admin/users/{user.id}", f"/admin/users/{user.id}/active", data={"active": "0"}
    )
    assert response.status_code == 302
    refused = other.get("/admin/users")
    assert refused.status_code == 302 and "/auth/login" in refused.location
    assert other.login(user.email).status_code == 401
    assert audited("admin:user:disabled") == 1
    admin.submit(f"/admin/users/{user.id}", f"/admin/users/{user.id}/active", data={"active": "1"})
    assert other.login(user.email).status_code == 302


def test_user_filter_answers_a_fragment_for_htmx(admin, org):
    factories.user("findme@test.example", org, ["caseworker"])
    full = admin.get("/admin/users?q=findme").get_data(as_text=True)
    fragment = admin.get("/admin/users?q=findme", headers={"HX-Request": "true"})
    body = fragment.get_data(as_text=True)
    assert "<html" in full and "<html" not in body
    assert "findme@test.example" in body and "admin@test.example" not in body
    restore = admin.get(
        "/admin/users?q=findme",
        headers={"HX-Request": "true", "HX-History-Restore-Request": "true"},
    )
    assert "<html" in restore.get_data(as_text=True)


def test_unknown_user_is_404(admin):
    assert admin.get("/admin/users/999999").status_code == 404
