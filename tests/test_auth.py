"""Signing in and out: answers, lockout, rate limits, server-side sessions, redirects."""

import re
from datetime import timedelta

import pytest
from sqlalchemy import select, update

from app.audit.models import AuditEvent
from app.auth.models import LoginSession, User
from app.extensions import db
from tests import factories
from tests.conftest import Browser

FAILED = "Those details did not work"


def actions():
    return [e.action for e in db.session.scalars(select(AuditEvent).order_by(AuditEvent.seq))]


def test_sign_in_and_out(web, admin_user):
    response = web.login(admin_user.email)
    assert response.status_code == 302 and response.location == "/"
    page = web.get("/").get_data(as_text=True)
    assert "Sign out" in page and admin_user.name in page
    response = web.logout()
    assert response.location.startswith("/auth/login")
    assert "Sign in" in web.get("/").get_data(as_text=True)
    assert actions()[-2:] == ["auth:login:succeeded", "auth:logout"]


def test_unknown_user_and_wrong_password_get_the_same_answer(web, admin_user):
    wrong = web.login(admin_user.email, "not the right password")
    unknown = web.login("nobody@test.example", "not the right password")
    assert wrong.status_code == unknown.status_code == 401
    assert FAILED in wrong.get_data(as_text=True)

    # The pages may differ only in the address typed back into the form and in their CSRF
    # tokens, which carry the second they were made.
    def strip(response):
        varying = r'(csrf_token"[^>]*value="|X-CSRFToken": "|name="email"[^>]*value=")[^"]+'
        return re.sub(varying, r"\1", response.get_data(as_text=True))

    assert strip(wrong) == strip(unknown)
    assert actions().count("auth:login:failed") == 2


def test_account_locks_after_repeated_failures(app, web, admin_user):
    for _ in range(app.config["LOGIN_LOCK_AFTER"]):
        assert web.login(admin_user.email, "wrong password!").status_code == 401
    response = web.login(admin_user.email)  # right password, but locked
    assert response.status_code == 401
    assert FAILED in response.get_data(as_text=True)
    assert "auth:account:locked" in actions()
    db.session.execute(update(User).where(User.id == admin_user.id).values(locked_until=None))
    db.session.commit()
    assert web.login(admin_user.email).status_code == 302


class TestRateLimits:
    @pytest.fixture
    def app_config(self):
        return {
            "LOGIN_RATE_LIMIT_ACCOUNT": "3 per minute",
            "LOGIN_RATE_LIMIT_ADDRESS": "6 per minute",
        }

    def test_login_rate_limited_per_account(self, web, admin_user):
        codes = [web.login(admin_user.email, "wrong password!").status_code for _ in range(4)]
        assert codes == [401, 401, 401, 429]
        assert "Too many attempts" in web.login(admin_user.email).get_data(as_text=True)

    def test_login_rate_limited_per_address(self, web, admin_user):
        codes = [web.login(f"u{n}@test.example", "wrong password!").status_code for n in range(7)]
        assert codes[:6] == [401] * 6 and codes[6] == 429


def test_logout_refuses_the_old_cookie(client, web, admin_user):
    web.login(admin_user.email)
    cookie = client.get_cookie("pathways_session").value
    assert client.get("/admin/users").status_code == 200
    web.logout()
    client.set_cookie("pathways_session", cookie)
    response = client.get("/admin/users")
    assert response.status_code == 302 and "/auth/login" in response.location


def test_new_session_at_each_login(client, web, admin_user):
    web.get("/auth/login")
    before = client.get_cookie("pathways_session").value
    web.login(admin_user.email)
    first = client.get_cookie("pathways_session").value
    assert first != before
    web.logout()
    web.login(admin_user.email)
    assert client.get_cookie("pathways_session").value not in (before, first)
    tokens = db.session.scalars(select(LoginSession.token_hash)).all()
    assert len(tokens) == 2 and len(set(tokens)) == 2
    client.set_cookie("pathways_session", before)
    assert client.get("/admin/users").status_code == 302


def test_idle_session_is_refused(app, client, web, admin_user):
    web.login(admin_user.email)
    idle = timedelta(minutes=app.config["SESSION_IDLE_MINUTES"] + 1)
    session_row = db.session.scalar(select(LoginSession))
    session_row.last_seen_at = session_row.last_seen_at - idle
    db.session.commit()
    response = client.get("/admin/users")
    assert response.status_code == 302 and "/auth/login" in response.location
    db.session.expire_all()
    assert db.session.scalar(select(LoginSession)).ended_reason == "idle"


def test_session_cookie_flags(client, web, admin_user):
    response = web.login(admin_user.email)
    cookie = response.headers["Set-Cookie"]
    assert "HttpOnly" in cookie and "SameSite=Lax" in cookie and "Secure" not in cookie
    secure = client.post(
        "/auth/login", base_url="https://pathways.test", data={"email": "x", "password": "y"}
    )
    assert "Secure" in secure.headers.get("Set-Cookie", "Secure")


@pytest.mark.parametrize(
    "target, expected",
    [
        ("/admin/users", "/admin/users"),
        ("//evil.example/", "/"),
        ("https://evil.example/", "/"),
        ("/\\evil.example", "/"),
        ("javascript:alert(1)", "/"),
    ],
)
def test_redirect_after_login_stays_in_the_app(web, admin_user, target, expected):
    response = web.submit(
        "/auth/login",
        data={"email": admin_user.email, "password": factories.PASSWORD, "next": target},
    )
    assert response.status_code == 302 and response.location == expected


def test_login_without_csrf_token_is_refused(client, admin_user):
    response = client.post(
        "/auth/login", data={"email": admin_user.email, "password": factories.PASSWORD}
    )
    assert response.status_code == 400
    assert "This form has expired" in response.get_data(as_text=True)
    assert client.get("/admin/users").status_code == 302


def test_logout_needs_post(web, admin_user):
    web.login(admin_user.email)
    assert web.get("/auth/logout").status_code == 405
    assert web.get("/admin/users").status_code == 200


def test_empty_form_gets_field_messages(web):
    response = web.submit("/auth/login", data={"email": "", "password": ""})
    page = response.get_data(as_text=True)
    assert response.status_code == 422
    assert "Enter your email address." in page and "Enter your password." in page


def test_anonymous_access_redirects_to_login_and_back(web, admin_user):
    response = web.get("/admin/users")
    assert response.status_code == 302 and response.location == "/auth/login?next=/admin/users"
    page = web.get(response.location).get_data(as_text=True)
    assert 'value="/admin/users"' in page
    response = web.submit(
        "/auth/login?next=/admin/users",
        "/auth/login",
        data={"email": admin_user.email, "password": factories.PASSWORD, "next": "/admin/users"},
    )
    assert response.location == "/admin/users"


def test_password_hash_is_argon2id(admin_user):
    assert admin_user.password_hash.startswith("$argon2id$")
    assert factories.PASSWORD not in admin_user.password_hash


def test_htmx_request_without_session_is_told_to_sign_in(client):
    response = client.get("/admin/users?q=a", headers={"HX-Request": "true"})
    assert response.status_code == 401 and response.headers["HX-Redirect"] == "/auth/login"


def test_browser_helper_is_signed_out_at_start(client):
    assert "Sign in" in Browser(client).get("/").get_data(as_text=True)
