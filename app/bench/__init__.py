"""Benchmarks: `flask bench search` and `flask bench dashboard`, each on large generated data."""

import os
import platform
import sqlite3
import time
from pathlib import Path

import click
from flask import Flask, current_app
from flask.cli import AppGroup
from flask_migrate import downgrade, upgrade
from sqlalchemy import inspect
from sqlalchemy.engine import make_url

from app.extensions import db
from app.serving import collect_between_requests, settle

bench_cli = AppGroup("bench", help="Measure the app against a large generated directory.")
DEFAULT_FILE = "bench-search.db"
# The public API's rate limit would turn a benchmark into 429s; keep the limiter, raise it.
BENCH_CONFIG = {"DEBUG": False, "TEMPLATES_AUTO_RELOAD": False,
                "API_RATE_LIMIT": "10000000 per minute"}  # fmt: skip


def init_app(app: Flask) -> None:
    app.cli.add_command(bench_cli)


def _bench_app(url: str) -> Flask:
    from app import create_app

    return create_app({**BENCH_CONFIG, "SQLALCHEMY_DATABASE_URI": url})


def _database_url(database: str | None, database_url: str | None) -> str:
    if database and database_url:
        raise click.UsageError("Give --database or --database-url, not both.")
    if database_url:
        parsed = make_url(database_url)
        if parsed.get_backend_name() == "sqlite" and parsed.database in (None, "", ":memory:"):
            raise click.UsageError("An in-memory SQLite database cannot be served; give a file.")
        return database_url
    path = Path(database) if database else Path(current_app.instance_path) / DEFAULT_FILE
    path.parent.mkdir(parents=True, exist_ok=True)
    return f"sqlite:///{path.resolve()}"


def _existing_services() -> int | None:
    """How many services the bench database holds (None when it has no directory yet)."""
    from app.bench.directory import count_services, foreign_organisations

    tables = set(inspect(db.engine).get_table_names())
    if not {"organisations", "services"} <= tables:
        return None
    if foreign_organisations():
        raise click.ClickException(
            f"{db.engine.url.render_as_string()} holds organisations that this benchmark did "
            "not make; it will not touch that database. Choose another --database."
        )
    return count_services()


def _wipe(url: str) -> None:
    """Start from an empty database: delete the SQLite file, or downgrade PostgreSQL to base."""
    if db.engine.dialect.name == "sqlite":
        db.engine.dispose()
        path = make_url(url).database
        for suffix in ("", "-wal", "-shm", "-journal"):
            if os.path.exists(path + suffix):
                os.remove(path + suffix)
    elif inspect(db.engine).has_table("alembic_version"):
        downgrade(revision="base")


def _shown(url: str) -> str:
    return make_url(url).render_as_string(hide_password=True)


def _prepare(app: Flask, url: str, services: int, rebuild: bool) -> None:
    from app.bench.directory import build

    with app.app_context():
        existing = _existing_services()
        db.session.remove()  # end the transaction that counted, or it would block migrations
        if existing == services and not rebuild:
            upgrade()  # a reused directory still gets any newer migration
            click.echo(f"Reusing the benchmark directory of {services:,} services in {_shown(url)}")
            return
        _wipe(url)
        click.echo(f"Building a directory of {services:,} services in {_shown(url)}")
        started = time.perf_counter()
        upgrade()
        click.echo("Loading the taxonomy and the gazetteer...")
        with click.progressbar(length=services, label="Services", show_pos=True) as bar:
            made = build(services, bar.update)
        db.session.remove()
        click.echo(
            f"Built {made['services']:,} services of {made['organisations']:,} organisations "
            f"at {made['locations']:,} locations in {time.perf_counter() - started:.0f} s."
        )


def _describe_database() -> str:
    if db.engine.dialect.name == "sqlite":
        return f"SQLite {sqlite3.sqlite_version}"
    with db.engine.connect() as connection:
        version = connection.exec_driver_sql("SHOW server_version").scalar()
    return f"PostgreSQL {version}"


@bench_cli.command("search")
@click.option(
    "--services",
    default=100_000,
    show_default=True,
    type=click.IntRange(1),
    help="How many services the generated directory has.",
)
@click.option(
    "--database",
    type=click.Path(dir_okay=False),
    help="SQLite file for the benchmark directory [default: instance/bench-search.db].",
)
@click.option("--database-url", help="A database URL instead, e.g. postgresql+psycopg://...")
@click.option("--rebuild", is_flag=True, help="Build the directory again even if it exists.")
@click.option("--repeat", default=50, show_default=True, type=click.IntRange(1),
              help="Timed runs per scenario and response, after a warm-up.")  # fmt: skip
def search_command(services, database, database_url, rebuild, repeat) -> None:
    """Time search on a large generated directory and check the performance budgets.

    Builds (or reuses) a deterministic directory in a separate database, then measures the bare
    search query, real HTTP requests for the page, the HTMX fragment and the API, the SQL
    statements of each request and the response sizes. Exits with 1 when a budget is missed.
    """
    from app.bench import measure

    url = _database_url(database, database_url)
    app = _bench_app(url)
    _prepare(app, url, services, rebuild)
    with app.app_context():
        plan = measure.scenarios(measure.sparse_point())
        engine = _describe_database()
        db.session.remove()
    settle()  # as wsgi.py does for the servers it starts
    with click.progressbar(length=len(plan), label="Measuring", show_pos=True) as bar:
        measured, scripts, lowest = measure.run(app, plan, repeat, bar.update)
    click.echo("")
    click.echo(f"Search benchmark: {services:,} services in {_shown(url)}")
    click.echo(
        f"{engine}, Python {platform.python_version()}, {os.cpu_count()} CPUs; "
        "gunicorn, one sync worker, on 127.0.0.1 (the client in another process)"
    )
    click.echo("")
    lines, ok = measure.report(measured, scripts, repeat, lowest)
    for line in lines:
        click.echo(line)
    if not ok:
        click.get_current_context().exit(1)


@bench_cli.command("dashboard")
@click.option("--referrals", default=1_000_000, show_default=True, type=click.IntRange(1),
              help="How many referrals the generated network has.")  # fmt: skip
@click.option("--cases", default=100_000, show_default=True, type=click.IntRange(1),
              help="Over how many cases.")  # fmt: skip
@click.option("--province", default="TH-50", show_default=True,
              help="The filtered view's province (over the last calendar year).")  # fmt: skip
@click.option("--database", type=click.Path(dir_okay=False),
              help="SQLite file [default: instance/bench-dashboard.db].")  # fmt: skip
@click.option("--database-url", help="A database URL instead, e.g. postgresql+psycopg://...")
@click.option("--rebuild", is_flag=True, help="Build the network again even if it exists.")
@click.option("--repeat", default=30, show_default=True, type=click.IntRange(1),
              help="Timed runs per query and page, after a warm-up.")  # fmt: skip
def dashboard_command(referrals, cases, province, database, database_url, rebuild, repeat):
    """Time the coordinators' dashboard on a large generated network and check its budgets.

    Builds (or reuses) a deterministic network of cases and referrals over the demo directory in
    a separate database, then times each dashboard query, the whole page over HTTP for the whole
    network and for one province over one year, and prints the filtered view's query plans.
    Exits with 1 when a budget is missed.
    """
    import secrets

    from app.bench import dashboard, dashboard_measure

    if not (database or database_url):
        database = str(Path(current_app.instance_path) / "bench-dashboard.db")
    url = _database_url(database, database_url)
    app = _bench_app(url)
    password = secrets.token_urlsafe(16)
    email = dashboard.prepare(app, url, referrals, cases, rebuild, password)
    year = f"{dashboard.utcnow().year - 1}"
    views = [
        dashboard_measure.View("whole network, last 12 months", {}),
        dashboard_measure.View(f"{province}, {year}",
                               {"province": province, "from": f"{year}-01", "to": f"{year}-12"}),
    ]  # fmt: skip
    with app.app_context():
        engine = _describe_database()
        db.session.remove()
    settle()  # as wsgi.py does for the servers it starts
    collect_between_requests(app)
    with click.progressbar(length=len(views) + 1, label="Measuring", show_pos=True) as bar:
        dashboard_measure.run(app, views, repeat, email, password, bar.update)
    click.echo("")
    click.echo(f"Dashboard benchmark: {referrals:,} referrals over {cases:,} cases "
               f"in {_shown(url)}")  # fmt: skip
    click.echo(f"{engine}, Python {platform.python_version()}, {os.cpu_count()} CPUs; "
               f"in-process Werkzeug server on 127.0.0.1, one keep-alive connection")  # fmt: skip
    click.echo("")
    lines, ok = dashboard_measure.report_lines(views, repeat)
    for line in lines:
        click.echo(line)
    if not ok:
        click.get_current_context().exit(1)
