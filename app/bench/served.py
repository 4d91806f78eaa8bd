"""The app as the search benchmark serves it: by gunicorn, as deployed, in a process of its own.

A client in the server's own process shares its interpreter: the client's reading of one
response and the server's tidying up after it took turns on one lock, and the figures held
both (a search near a small town read 4.3 ms that way, 3.4 ms from another process).
"""

import os
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from sqlalchemy import event

DATABASE_VARIABLE = "PATHWAYS_BENCH_DATABASE_URL"
STATEMENTS_HEADER = "X-Bench-Statements"  # how many SQL statements the request sent
ROOT = Path(__file__).resolve().parents[2]


def create():
    """Gunicorn's app factory: the benchmark's app, counting each request's SQL statements."""
    from app.bench import _bench_app
    from app.extensions import db
    from app.serving import collect_between_requests, settle

    app = _bench_app(os.environ[DATABASE_VARIABLE])
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
