"""Who may open what: every admin URL, as every role and from another organisation."""

import pytest
from sqlalchemy import select

from app.audit.models import AuditEvent
from app.extensions import db
from tests import factories

ADMIN_PAGES = [
    ("GET", "/admin/users"),
    ("GET", "/admin/users/new"),
    ("GET", "/admin/organisations"),
    ("GET", "/admin/users/{target}"),
    ("POST", "/admin/users/{target}/roles"),
    ("POST", "/admin/users/{target}/active"),
    ("POST", "/admin/organisations"),
    ("POST", "/admin/users/new"),
]


@pytest.mark.parametrize(
    "roles",
    [
        ["caseworker"],
        ["directory_editor"],
        ["coordinator"],
        ["caseworker", "directory_editor", "coordinator"],
    ],
)
@pytest.mark.parametrize("same_org", [True, False], ids=["same-org", "other-org"])
@pytest.mark.parametrize("method, path", ADMIN_PAGES)
def test_non_admins_are_refused(client, login_as, org, other_org, roles, same_org, method, path):
    target = factories.user("target@test.example", org, ["caseworker"])
    login_as(roles, org if same_org else other_org)
    url = path.format(target=target.id)
    token = client.get("/").get_data(as_text=True).split('name="csrf_token" value="')[1][:100]
    token = token.split('"')[0]
    response = client.open(
        url, method=method, data={"csrf_token": token, "roles": ["admin"], "active": "0"}
    )
    assert response.status_code == 403
    assert "You cannot open this page" in response.get_data(as_text=True)
    assert target.roles == {"caseworker"} and target.active
    assert (
        db.session.scalar(select(AuditEvent).where(AuditEvent.action == "http:access:refused"))
        is not None
    )


@pytest.mark.parametrize("method, path", ADMIN_PAGES)
def test_anonymous_is_sent_to_sign_in(client, org, method, path):
    target = factories.user("target@test.example", org, ["caseworker"])
    response = client.open(path.format(target=target.id), method=method)
    if method == "GET":
        assert response.status_code == 302 and "/auth/login" in response.location
    else:
        assert response.status_code == 400  # no session, no CSRF token: refused before anything
    assert target.active


def test_admin_of_another_organisation_manages_the_network(login_as, client, org, other_org):
    target = factories.user("target@test.example", org, ["caseworker"])
    login_as(["admin"], other_org)
    assert client.get(f"/admin/users/{target.id}").status_code == 200
