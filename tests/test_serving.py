"""A served process collects its garbage between requests, not in the middle of one, and its
threads read SQLite side by side."""

import gc
import subprocess
import sys
from pathlib import Path

import pytest

from app.serving import LEFT_BEHIND, collect_between_requests

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def thresholds():
    """The collector's thresholds as `settle` sets them, put back afterwards."""
    before = gc.get_threshold()
    gc.set_threshold(20_000, 10, 10)
    gc.collect()
    yield
    gc.set_threshold(*before)


def test_young_objects_are_collected_once_the_response_has_gone(app, thresholds):
    kept = []

    @app.route("/test-busy")
    def busy():
        kept.extend([] for _ in range(8_000))  # a request leaves long-lived objects behind
        return str(gc.get_count()[0])

    collect_between_requests(app)
    client = app.test_client()
    response = client.get("/test-busy")
    during = int(response.get_data(as_text=True))
    assert during >= 8_000  # nothing was collected while the request ran
    response.close()  # the server has sent it
    assert gc.get_count()[0] < LEFT_BEHIND < during
    assert client.get("/healthz").status_code == 200


# A fresh process, as a served worker starts: whether SQLite still counts its memory once the
# app is built and a connection is open (the count shares one lock among all threads).
MEMORY_COUNT_SCRIPT = """
import ctypes, sqlite3, sys, _sqlite3
from app import create_app
from app.extensions import db
early = sqlite3.connect(sys.argv[2]) if sys.argv[1] == "connected-first" else None
app = create_app({"SQLALCHEMY_DATABASE_URI": "sqlite:///" + sys.argv[2],
                  "SECRET_KEY": "test-secret-key-not-for-production",
                  "DATA_KEY": "dGVzdC1kYXRhLWtleS1ub3QtZm9yLXByb2R1Y3Rpb24="})
with app.app_context(), db.engine.connect() as connection:
    connection.exec_driver_sql("SELECT 1").scalar()
    memory_used = ctypes.CDLL(_sqlite3.__file__).sqlite3_memory_used
    memory_used.restype = ctypes.c_int64
    print(memory_used())
"""


@pytest.mark.parametrize("first", ["app-first", "connected-first"])
def test_sqlite_threads_do_not_share_a_memory_count(tmp_path, first):
    run = subprocess.run(  # noqa: S603 (this Python, a fixed script)
        [sys.executable, "-c", MEMORY_COUNT_SCRIPT, first, str(tmp_path / "pathways.db")],
        capture_output=True, text=True, timeout=60, cwd=ROOT,
    )  # fmt: skip
    assert run.returncode == 0, run.stderr[-2000:]
    counted = int(run.stdout.split()[-1])
    if first == "app-first":
        assert counted == 0  # the count is off: threads read side by side
    else:
        assert counted > 0  # a connection was already open: SQLite was left as it was


def test_links_follow_the_prefix_each_request_is_served_under(client):
    """The frame's links are remembered per prefix (app.rendering): a proxy that mounts the
    app under /pathways gets links under it, and a request without the prefix does not."""
    mounted = client.get("/search", base_url="http://localhost/pathways/")
    page = mounted.get_data(as_text=True)
    assert 'href="/pathways/static/css/pathways.css"' in page
    assert 'href="/pathways/rights"' in page and 'action="/pathways/language"' in page
    plain = client.get("/search").get_data(as_text=True)
    assert 'href="/static/css/pathways.css"' in plain and 'href="/rights"' in plain
    assert "/pathways/" not in plain
