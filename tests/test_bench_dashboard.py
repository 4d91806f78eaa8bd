"""`flask bench dashboard` builds a network, measures the dashboard and reports its budgets.

Timings are printed, never asserted: only that the report is complete, that the data is what
the dashboard expects, and that the exit code agrees with the PASS and FAIL lines.
"""

import re

from sqlalchemy import func, select

from app.bench import _bench_app
from app.cases.models import Case
from app.dashboard import queries
from app.extensions import db
from app.referrals.models import Referral, ReferralHistory, referral_categories
from tests import tracker

QUERY_ROW = re.compile(r"^(\S[^\n]*?)\s+([\d.]+) +([\d.]+) +([\d.]+) +([\d.]+)$", re.MULTILINE)


def _bench(app, database_url, *options):
    option = "--database-url" if not database_url.startswith("sqlite") else "--database"
    target = database_url if option == "--database-url" else database_url[len("sqlite:///") :]
    runner = app.test_cli_runner()
    return runner.invoke(args=["bench", "dashboard", option, target, *options])


def test_bench_builds_a_network_and_reports_every_budget(app, database_url):
    result = _bench(app, database_url, "--referrals", "2000", "--cases", "200", "--repeat", "2")
    output = result.output
    assert "Building 2,000 referrals over 200 cases" in output, output
    assert "Built 2,000 referrals" in output
    for heading in ("DASHBOARD QUERIES", "WHOLE PAGE OVER HTTP", "QUERY PLANS", "BUDGETS"):
        assert heading in output

    timed = {m.group(1).strip() for m in QUERY_ROW.finditer(output)}
    for name in (
        "catch_up (consent ran out?)",
        "referral figures (one read)",
        "overdue (less not yet late)",
        "case figures (one read)",
        "needs_by_place",
        "freshness",
    ):
        assert name in timed, output
    assert re.search(r"^whole network, last 12 months +[\d.]+ +[\d.]+  /dashboard$", output,
                     re.MULTILINE), output  # fmt: skip
    assert re.search(r"^TH-50, \d{4} +[\d.]+ +[\d.]+  /dashboard\?province=TH-50&from=", output,
                     re.MULTILINE), output  # fmt: skip
    assert "-- referral figures (one read): SELECT" in output

    verdicts = re.findall(r"^(PASS|FAIL)  (.+)$", output, re.MULTILINE)
    names = [name.split(":")[0] for _, name in verdicts]
    assert names == [
        "whole-network page p95 <= 150 ms",
        "one province x one year page p95 <= 15 ms",
        "no full scan of referrals in a filtered view",
    ]
    all_pass = all(verdict == "PASS" for verdict, _ in verdicts)
    assert result.exit_code == (0 if all_pass else 1), output


def test_the_network_is_counted_by_the_dashboard_and_then_reused(app, database_url):
    _bench(app, database_url, "--referrals", "2000", "--cases", "200", "--repeat", "1")
    bench = _bench_app(database_url)
    with bench.app_context():
        assert db.session.scalar(select(func.count()).select_from(Referral)) == 2000
        assert db.session.scalar(select(func.count()).select_from(Case)) == 200
        assert db.session.scalar(select(func.count()).where(Case.fictional.is_(False))) == 0
        per_referral = db.session.scalar(select(func.count()).select_from(ReferralHistory)) / 2000
        assert 1 < per_referral <= 4
        assert db.session.scalar(select(func.count()).select_from(referral_categories)) >= 2000
        now = queries.now()
        counted = db.session.scalar(select(func.count()).where(Referral.reporting_until > now))
        assert 0.7 * 2000 < counted < 0.97 * 2000  # most cases let the dashboard count them
        statuses = dict(
            db.session.execute(
                select(Referral.status, func.count()).group_by(Referral.status)
            ).all()
        )
        assert statuses["completed"] > statuses["sent"] > 0 and statuses["declined"] > 0
        months = db.session.scalar(select(func.count(Referral.month.distinct())))
        assert 20 <= months <= 25
        db.session.remove()
        db.engine.dispose()
    again = _bench(app, database_url, "--referrals", "2000", "--cases", "200", "--repeat", "1")
    assert "Reusing the benchmark network of 2,000 referrals" in again.output, again.output
    assert "BUDGETS" in again.output


def test_bench_refuses_a_database_with_real_cases(app, database_url):
    tracker.case(tracker.network())
    db.session.commit()
    result = _bench(app, database_url, "--referrals", "10", "--cases", "2", "--repeat", "1")
    assert result.exit_code != 0
    assert "will not touch that database" in result.output
    assert db.session.scalar(select(func.count()).select_from(Referral)) == 0
