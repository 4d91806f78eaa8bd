"""Headers, limits and error pages on every response."""

import pytest

from tests.conftest import csrf_token

PUBLIC_PAGES = ["/", "/auth/login", "/no-such-page"]


@pytest.mark.parametrize("path", PUBLIC_PAGES)
def test_security_headers_on_every_response(client, path):
    response = client.get(path)
    csp = response.headers["Content-Security-Policy"]
    script_src = next(part for part in csp.split(";") if "script-src" in part)
    assert "unsafe-inline" not in script_src and "unsafe-eval" not in script_src
    assert "frame-ancestors 'none'" in csp
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["Referrer-Policy"]


def test_signed_in_pages_are_not_cached(web, admin_user):
    assert "no-store" not in web.get("/").headers.get("Cache-Control", "")
    web.login(admin_user.email)
    assert web.get("/").headers["Cache-Control"] == "no-store"
    assert web.get("/admin/users").headers["Cache-Control"] == "no-store"


def test_htmx_settings_and_csrf_header_on_pages(client):
    page = client.get("/").get_data(as_text=True)
    for setting in (
        '"allowEval": false',
        '"allowScriptTags": false',
        '"selfRequestsOnly": true',
        '"historyCacheSize": 0',
    ):
        assert setting in page
    assert 'hx-headers=\'{"X-CSRFToken": "' in page
    assert "/static/vendor/htmx.min.js" in page and "://" not in page.split("<body")[0].replace(
        "http://www.w3.org", ""
    )


def test_a_form_token_belongs_to_its_own_session(app):
    visitor, other = app.test_client(), app.test_client()
    first = csrf_token(visitor.get("/").get_data(as_text=True))
    later = csrf_token(visitor.get("/search").get_data(as_text=True))
    theirs = csrf_token(other.get("/").get_data(as_text=True))
    assert theirs not in (first, later)
    refused = other.post("/language", data={"locale": "th", "csrf_token": first})
    assert refused.status_code == 400
    assert '<html lang="en">' in other.get("/").get_data(as_text=True)
    switched = visitor.post("/language", data={"locale": "th", "csrf_token": later})
    assert switched.status_code == 302
    assert '<html lang="th">' in visitor.get("/").get_data(as_text=True)


def test_htmx_is_served_locally(client):
    response = client.get("/static/vendor/htmx.min.js")
    assert response.status_code == 200 and b"htmx" in response.data[:2000]
    response.close()


def test_oversized_request_is_refused_politely(app, web):
    response = web.client.post("/auth/login", data={"email": "x" * (3 * 1024 * 1024)})
    assert response.status_code == 413
    assert "That was too large" in response.get_data(as_text=True)


def test_unexpected_error_shows_a_friendly_page(app, client):
    @app.route("/boom")
    def boom():
        raise RuntimeError("internal detail that must not leak")

    app.config["PROPAGATE_EXCEPTIONS"] = False
    response = client.get("/boom")
    body = response.get_data(as_text=True)
    assert response.status_code == 500
    assert "Something went wrong on our side" in body
    assert "internal detail" not in body and "Traceback" not in body


def test_health_check(client):
    assert client.get("/healthz").get_json() == {"status": "ok"}


def test_a_nul_character_is_refused_politely_and_saves_nothing(app, client, web, admin_user):
    """No page needs a NUL character and PostgreSQL cannot store one: in an address, a
    parameter or a form it is refused with the friendly page in the reader's language, and
    nothing is saved."""
    from sqlalchemy import func, select

    from app.auth.models import User
    from app.extensions import db

    page = client.get("/services/%00", headers={"Accept-Language": "th"})
    assert page.status_code == 400
    assert "คำขอนั้นมีบางอย่างไม่ถูกต้อง" in page.get_data(as_text=True)
    assert client.get("/directory/print?province=TH%0050").status_code == 400
    web.login(admin_user.email)
    response = web.submit("/admin/users/new", data={
        "email": "new.user@example.org", "name": "New\x00user", "password": "a-long-pass-phrase-42",
        "organisation": str(admin_user.organisation_id), "roles": ["caseworker"],
    })  # fmt: skip
    assert response.status_code == 400
    assert "Something in that request was not right" in response.get_data(as_text=True)
    assert db.session.scalar(select(func.count()).select_from(User)) == 1


def test_the_limiter_skips_no_request_a_limit_applies_to(app):
    """Requests a limit applies to (app.security._no_limit_applies): the API's, and POSTs."""
    from flask_limiter.util import get_qualified_name

    from app.extensions import limiter

    manager = limiter.limit_manager
    assert not manager.default_limits and not manager.application_limits
    assert manager.blueprint_limits(app, "api")
    for endpoint, view in app.view_functions.items():
        blueprint = endpoint.rpartition(".")[0]
        limits = manager.decorated_limits(get_qualified_name(view))
        if blueprint != "api":
            limits += manager.blueprint_limits(app, blueprint) if blueprint else []
            on_get = [lim for lim in limits if not lim.methods or "get" in lim.methods]
            assert not on_get, f"{endpoint} is limited on GET, which the limiter skips"
