"""Fixtures: an app per test on a fresh migrated database, SQLite or PostgreSQL."""

import contextvars
import os
import re
import shutil
import threading
import uuid

import pytest
from flask.testing import FlaskClient
from flask_migrate import upgrade
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url
from werkzeug.serving import make_server

from app import create_app
from app.extensions import db
from tests import factories

PG_ADMIN_URL = os.environ.get("PATHWAYS_TEST_DATABASE_URL")
TEMPLATE_DB = "pathways_template"
CSRF_PATTERN = re.compile(r'name="csrf_token"[^>]*?value="([^"]+)"')

BASE_CONFIG = {
    "TESTING": True,
    "SECRET_KEY": "test-secret-key-not-for-production",
    # A fixed Fernet key for tests only; real installations generate or are given their own.
    "DATA_KEY": "dGVzdC1kYXRhLWtleS1ub3QtZm9yLXByb2R1Y3Rpb24=",
    "RATELIMIT_STORAGE_URI": "swept-memory://",
}


class IsolatedClient(FlaskClient):
    """Runs each request in its own app context, as a real server does.

    The test itself holds an app context for its factories and assertions; without this,
    requests would share its `g` and database session.
    """

    def open(self, *args, **kwargs):
        response = contextvars.Context().run(super().open, *args, **kwargs)
        db.session.expire_all()  # the test's own session sees what the request wrote
        return response


def _app_for(url: str, **extra):
    app = create_app({**BASE_CONFIG, "SQLALCHEMY_DATABASE_URI": url, **extra})
    app.test_client_class = IsolatedClient
    return app


def pytest_report_header(config):
    if PG_ADMIN_URL:
        return f"database: PostgreSQL ({make_url(PG_ADMIN_URL).render_as_string()})"
    return "database: SQLite (a fresh file per test)"


@pytest.fixture(scope="session")
def template_database(tmp_path_factory):
    """Build the schema once by upgrading to head; each test gets a copy of it."""
    if PG_ADMIN_URL:
        admin = create_engine(PG_ADMIN_URL, isolation_level="AUTOCOMMIT")
        with admin.connect() as conn:
            conn.execute(text(f"DROP DATABASE IF EXISTS {TEMPLATE_DB} WITH (FORCE)"))
            conn.execute(text(f"CREATE DATABASE {TEMPLATE_DB}"))
        url = make_url(PG_ADMIN_URL).set(database=TEMPLATE_DB).render_as_string(False)
    else:
        url = f"sqlite:///{tmp_path_factory.mktemp('template') / 'pathways.db'}"
    app = _app_for(url)
    with app.app_context():
        upgrade()
        db.engine.dispose()
    yield url
    if PG_ADMIN_URL:
        with admin.connect() as conn:
            conn.execute(text(f"DROP DATABASE IF EXISTS {TEMPLATE_DB} WITH (FORCE)"))
        admin.dispose()


@pytest.fixture
def database_url(template_database, tmp_path):
    """A fresh database at head for one test."""
    if not PG_ADMIN_URL:
        source = make_url(template_database).database
        target = tmp_path / "pathways.db"
        shutil.copyfile(source, target)
        yield f"sqlite:///{target}"
        return
    name = f"t_{uuid.uuid4().hex[:16]}"
    admin = create_engine(PG_ADMIN_URL, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f"CREATE DATABASE {name} TEMPLATE {TEMPLATE_DB}"))
    yield make_url(PG_ADMIN_URL).set(database=name).render_as_string(False)
    with admin.connect() as conn:
        conn.execute(text(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
    admin.dispose()


@pytest.fixture
def app_config():
    """Extra configuration for the test's app; override in a module to change it."""
    return {}


@pytest.fixture
def app(database_url, app_config):
    app = _app_for(database_url, **app_config)
    with app.app_context():
        yield app
        db.session.remove()
        db.engine.dispose()


@pytest.fixture
def client(app):
    return app.test_client()


def csrf_token(html: str) -> str:
    """Return the CSRF token from a page, as a browser would submit it."""
    match = CSRF_PATTERN.search(html)
    assert match, "no CSRF token on the page"
    return match.group(1)


class Browser:
    """A test client that submits forms with the token from the page, like a person would."""

    def __init__(self, client):
        self.client = client

    def get(self, url, **kwargs):
        return self.client.get(url, **kwargs)

    def submit(self, page_url: str, action: str | None = None, data=None, headers=None):
        page = self.client.get(page_url)
        form = {"csrf_token": csrf_token(page.get_data(as_text=True)), **(data or {})}
        return self.client.post(action or page_url, data=form, headers=headers or {})

    def login(self, email: str, password: str = factories.PASSWORD):
        return self.submit("/auth/login", data={"email": email, "password": password})

    def logout(self):
        return self.submit("/", "/auth/logout")


@pytest.fixture
def web(client):
    """A signed-out visitor using the app through its forms."""
    return Browser(client)


@pytest.fixture
def org(app):
    return factories.organisation("TEST-ORG", "Test Organisation", "TH")


@pytest.fixture
def other_org(app):
    return factories.organisation("OTHER-ORG", "Other Organisation", "VN")


@pytest.fixture
def admin_user(org):
    return factories.user("admin@test.example", org, ["admin"])


@pytest.fixture
def login_as(app, client):
    """Sign in a new user with `roles` in `organisation` through the real form."""

    def _login(roles, organisation=None, email=None):
        organisation = organisation or factories.organisation("LOGIN-ORG", "Login Org", "TH")
        user = factories.user(email or f"{uuid.uuid4().hex[:8]}@test.example", organisation, roles)
        response = Browser(client).login(user.email)
        assert response.status_code == 302, response.get_data(as_text=True)
        return user

    return _login


@pytest.fixture
def live_server(app):
    """The app served over HTTP on 127.0.0.1 for the browser tests."""
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    thread.join()


@pytest.fixture(scope="session")
def browser_type_launch_args():
    if not shutil.which("chromium"):
        pytest.skip("Debian's chromium is not installed (make test installs it as root)")
    return {
        "executable_path": shutil.which("chromium"),
        "args": [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
        ],
    }
