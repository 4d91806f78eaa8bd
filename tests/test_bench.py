"""`flask bench search` builds a directory, measures search and reports against the budgets.

Timings are printed, never asserted: only that the report is complete and that the exit code
agrees with its PASS and FAIL lines.
"""

import re

from sqlalchemy import func, select
from sqlalchemy.orm.attributes import flag_modified

from app.bench import _bench_app
from app.directory.models import Location, Service, ServiceAtLocation
from app.extensions import db
from app.geo.places import normalise
from app.orgs.models import Organisation

SURFACE = r"(page|fragment|api/services|api/service_at_locations)"
ROW = re.compile(rf"\s{SURFACE}(?:\s+[\d.]+){{4}}\s+[\d.]+x\s+(\d+)$")  # 4 times, ratio, stmts


def _bench(app, database_url, *options):
    option = "--database-url" if not database_url.startswith("sqlite") else "--database"
    target = database_url if option == "--database-url" else database_url[len("sqlite:///") :]
    runner = app.test_cli_runner()
    return runner.invoke(args=["bench", "search", option, target, *options])


def test_bench_builds_a_directory_and_reports_every_budget(app, database_url):
    result = _bench(app, database_url, "--services", "300", "--repeat", "3")
    output = result.output
    assert "Building a directory of 300 services" in output, output
    assert "Built 300 services" in output
    assert "SEARCH TIMES" in output and "RESPONSE SIZES" in output and "BUDGETS" in output

    # Every scenario is read through the page, the fragment and the API, with statements.
    rows = [ROW.search(line) for line in output.splitlines()]
    rows = [r for r in rows if r]
    surfaces = {r.group(1) for r in rows}
    assert surfaces == {"page", "fragment", "api/services", "api/service_at_locations"}
    assert len(rows) == 4 * 22
    assert all(int(r.group(2)) > 0 for r in rows)
    assert "Bangkok 25 km · no filter" in output and "q=ที่พัก · anywhere" in output
    assert "place=Bangkok · 25 km" in output and "open_now · anywhere" in output

    verdicts = re.findall(r"^(PASS|FAIL)  (.+)$", output, re.MULTILINE)
    names = [name for _, name in verdicts]
    assert len(verdicts) == 6
    assert any(n.startswith("SQL statements per search request <= 4: worst ") for n in names)
    assert any(n.startswith("full page <= 14.0 KB gzip of HTML: ") for n in names)
    assert any(n.startswith("results fragment <= 5.0 KB gzip: ") for n in names)
    assert any(n.startswith("all JavaScript on the list view <= 20.0 KB gzip: ") for n in names)
    assert re.search(r"htmx\.min\.js [\d,]+", output)
    assert re.search(r"GET /healthz, same client\): median [\d.]+ ms, p95 [\d.]+ ms", output)
    all_pass = all(verdict == "PASS" for verdict, _ in verdicts)
    assert result.exit_code == (0 if all_pass else 1), output


def test_the_directory_is_realistic_and_searchable_and_then_reused(app, database_url):
    _bench(app, database_url, "--services", "300", "--repeat", "1")
    bench = _bench_app(database_url)
    with bench.app_context():
        assert db.session.scalar(select(func.count()).select_from(Service)) == 300
        assert db.session.scalar(
            select(func.count()).where(~Organisation.code.startswith("BENCH-"))
        ) == 0  # fmt: skip
        confidential = db.session.scalar(
            select(func.count(ServiceAtLocation.service_id.distinct()))
            .join(Location, Location.id == ServiceAtLocation.location_id)
            .where(Location.confidential)
        )
        assert 0 < confidential < 30
        # Derived columns are exactly what the app's own flush hook would write.
        derived = [
            c for c in ("search_text", "search_names", "category_codes") if c in Service.__table__.c
        ]
        services = db.session.scalars(select(Service).order_by(Service.id).limit(30)).all()
        services += db.session.scalars(select(Service).where(Service.texts.any()).limit(20)).all()
        assert any(s.texts for s in services)
        before = {s.id: [getattr(s, c) for c in derived] for s in services}
        for service in services:
            assert normalise(service.name) in service.search_text
            flag_modified(service, "name")
        db.session.flush()
        assert {s.id: [getattr(s, c) for c in derived] for s in services} == before
        db.session.rollback()
        db.session.remove()
        db.engine.dispose()
    again = _bench(app, database_url, "--services", "300", "--repeat", "1")
    assert "Reusing the benchmark directory of 300 services" in again.output, again.output
    assert "BUDGETS" in again.output


def test_bench_refuses_a_database_with_real_organisations(app, database_url):
    app.test_cli_runner().invoke(args=["orgs", "create", "REAL-NGO", "Real", "--country", "TH"])
    result = _bench(app, database_url, "--services", "10", "--repeat", "1")
    assert result.exit_code != 0
    assert "will not touch that database" in result.output
    assert db.session.scalar(select(func.count()).select_from(Organisation)) == 1
