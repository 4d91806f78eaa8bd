"""The app as the search benchmark serves it: by gunicorn, as deployed, in a process of its own.

A client in the server's own process shares its interpreter: the client's reading of one
response and the server's tidying up after it took turns on one lock, and the figures held
both (a search near a small town read 4.3 ms that way, 3.4 ms from another process).

The bare search is timed in the server's process too (TIMED_SEARCH_PATH), as its views run it.
Timed in the benchmark's own process, between the server's requests, it left the server's
next request to find its working set gone from the CPU's caches: whichever surface came first
in a round took ~1.2 ms more (the page 7.2 ms at the median, the fragment after it 5.8; in the
other order the fragment 7.1, the page 6.3), a cost of two processes taking turns on one core
that no view of the app has.
"""

import inspect
import os
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from flask import jsonify, request
from sqlalchemy import event

from app.search.engine import search
from app.search.params import parse_search
from app.search.views import PAGE_SIZE

DATABASE_VARIABLE = "PATHWAYS_BENCH_DATABASE_URL"
STATEMENTS_HEADER = "X-Bench-Statements"  # how many SQL statements the request sent
TIMED_SEARCH_PATH = "/bench/search"  # the bare search, timed in the server (this benchmark only)
LEAN_HEADER = "X-Bench-Lean"  # "1": the lean search the page and the fragment run
# Older engines have no `lean`: then every view runs the same search.
ENGINE_HAS_LEAN = "lean" in inspect.signature(search).parameters
ROOT = Path(__file__).resolve().parents[2]


def timed_search():
    """Time app.search.engine.search alone, once, on the query in the URL, as a view runs it;
    answer with the seconds it took and its total (the request around it is not timed)."""
    parsed = parse_search(request.args, max_per_page=PAGE_SIZE)
    if parsed.errors:
        return jsonify(errors=parsed.errors), 400
    parsed.query.per_page = PAGE_SIZE
    options = {"lean": request.headers.get(LEAN_HEADER) == "1"} if ENGINE_HAS_LEAN else {}
    started = time.perf_counter()
    result = search(parsed.query, staff=False, **options)
    elapsed = time.perf_counter() - started
    return jsonify(seconds=elapsed, total=result.total)


def create():
    """Gunicorn's app factory: the benchmark's app, counting each request's SQL statements."""
    from app.bench import _bench_app
    from app.extensions import db
    from app.serving import collect_between_requests, settle

    app = _bench_app(os.environ[DATABASE_VARIABLE])
    app.add_url_rule(TIMED_SEARCH_PATH, "bench_timed_search", timed_search)
    with app.app_context():
        engine = db.engine
    sent = [0]

    def seen(*_args) -> None:
        sent[0] += 1

    event.listen(engine, "before_cursor_execute", seen)
    inner = app.wsgi_app

    def counted(environ, start_response):
        sent[0] = 0

        def start(status, headers, exc_info=None):
            # Flask has the whole response by now: every statement of the request is counted.
            return start_response(status, [*headers, (STATEMENTS_HEADER, str(sent[0]))], exc_info)

        return inner(environ, start)

    app.wsgi_app = counted
    settle()  # as wsgi.py does
    collect_between_requests(app)
    return app


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Served:
    """Gunicorn with one sync worker (one request at a time, as the benchmark sends them) on
    127.0.0.1, started for the measurements and stopped after them."""

    def __init__(self, database_url: str):
        self.port = _free_port()
        self.database_url = database_url
        self.process: subprocess.Popen | None = None
        # gunicorn's own messages, shown if it fails; closed when it stops.
        self.errors = tempfile.TemporaryFile()  # noqa: SIM115

    def __enter__(self) -> "Served":
        command = [sys.executable, "-m", "gunicorn", "--workers", "1", "--log-level", "warning",
                   "--bind", f"127.0.0.1:{self.port}", "--chdir", str(ROOT),
                   "app.bench.served:create()"]  # fmt: skip
        environment = {**os.environ, DATABASE_VARIABLE: self.database_url}
        self.process = subprocess.Popen(command, env=environment, stderr=self.errors)  # noqa: S603 (this Python, fixed arguments)
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                self.errors.seek(0)
                raise RuntimeError(f"gunicorn stopped: {self.errors.read().decode()[-2000:]}")
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=1).close()
                return self
            except OSError:
                time.sleep(0.1)
        self.__exit__()
        raise RuntimeError("gunicorn did not answer within a minute")

    def __exit__(self, *_exc) -> None:
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self.errors.close()
