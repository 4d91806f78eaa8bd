"""Measuring the dashboard: each query alone, the whole page over HTTP, and the query plans."""

import http.client
import re
from dataclasses import dataclass, field
from time import perf_counter
from urllib.parse import urlencode

from flask import Flask, request
from sqlalchemy import event

from app.bench.measure import Server, Timing
from app.dashboard import facts, monthly, queries, report
from app.dashboard import filters as dashboard_filters
from app.dashboard.views import ROWS_ON_PAGE
from app.directory import services as directory
from app.extensions import db

CSRF_PATTERN = re.compile(r'name="csrf_token"[^>]*?value="([^"]+)"')
SQL_WARMUP = 2
HTTP_WARMUP = 3
BUDGET_NETWORK_P95_MS = 150.0
BUDGET_FILTERED_P95_MS = 15.0
TABLES = re.compile(r"\b(FROM|JOIN)\s+(referrals|referral_categories|cases|case_needs|"
                    r"case_stage_changes|dashboard_\w+)\b", re.IGNORECASE)  # fmt: skip
FULL_SCAN = re.compile(r"^SCAN referrals\b|Seq Scan on referrals\b")

# Each function the page calls for a view by period and place: the monthly counts, and the
# referrals themselves for what depends on the hour (overdue) and for consent that ran out.
QUERIES = (
    ("catch_up (consent ran out?)", lambda v: facts.catch_up(v.now)),
    ("referral figures (one read)", lambda v: monthly.referrals(v.filters)),
    ("overdue (less not yet late)", lambda v: monthly.overdue({}, v.where, v.now)),
    ("case figures (one read)", lambda v: monthly.cases(v.filters)),
    ("needs_by_place", lambda v: monthly.needs_by_place(v.filters, ROWS_ON_PAGE)),
    ("freshness", lambda v: queries.freshness(v.filters, None, v.now)),
)
REFERRAL_QUERIES = {"catch_up (consent ran out?)", "overdue (less not yet late)"}


@dataclass
class View:
    label: str
    args: dict
    filters: object = None
    where: list = field(default_factory=list)
    now: object = None
    counted: int = 0
    sql: dict = field(default_factory=dict)  # query name -> Timing
    http: Timing | None = None
    plans: list = field(default_factory=list)  # (query name, statement, plan lines)

    @property
    def url(self) -> str:
        return "/dashboard" + ("?" + urlencode(self.args) if self.args else "")


class Statements:
    """Collects the statements the app sends while switched on, with their parameters."""

    def __init__(self, engine):
        self.engine, self.on, self.seen = engine, False, []
        event.listen(engine, "before_cursor_execute", self._seen)

    def _seen(self, _conn, _cursor, statement, parameters, _context, _many) -> None:
        if self.on:
            self.seen.append((statement, parameters))

    def close(self) -> None:
        event.remove(self.engine, "before_cursor_execute", self._seen)


def _prepare(view: View) -> None:
    categories = directory.categories()
    view.now = queries.now()
    view.filters = dashboard_filters.parse(request.args, view.now.date(), categories)
    if view.filters.errors:
        raise RuntimeError(f"{view.label}: {view.filters.errors}")
    view.where = queries.referral_conditions(view.filters, None, view.now)


def time_queries(app: Flask, view: View, repeat: int, statements: Statements) -> None:
    """Time each dashboard query alone, then report.build (all of them), in a request."""
    with app.test_request_context(view.url):
        _prepare(view)
        facts.catch_up(view.now)
        view.counted = sum(monthly.referrals(view.filters)["status"].values())
        plan = [
            *QUERIES,
            ("all queries (report.build)", lambda v: report.build(v.filters, None, ROWS_ON_PAGE)),
        ]
        for name, run in plan:
            seconds = []
            for number in range(SQL_WARMUP + repeat):
                statements.on, statements.seen = number == 0, []
                started = perf_counter()
                run(view)
                elapsed = perf_counter() - started
                statements.on = False
                if number == 0 and name in dict(QUERIES):
                    view.plans.append((name, list(statements.seen)))
                db.session.remove()
                if number >= SQL_WARMUP:
                    seconds.append(elapsed)
            view.sql[name] = Timing.of(seconds)


def explain(view: View) -> None:
    """Replace the captured statements of each query with their plans."""
    explained = []
    connection = db.engine.raw_connection()
    try:
        cursor = connection.cursor()
        sqlite = db.engine.dialect.name == "sqlite"
        for name, seen in view.plans:
            for statement, parameters in seen:
                if not TABLES.search(statement):
                    continue
                prefix = "EXPLAIN QUERY PLAN " if sqlite else "EXPLAIN "
                cursor.execute(prefix + statement, parameters)
                rows = cursor.fetchall()
                explained.append((name, statement, _plan_lines(rows, sqlite)))
        cursor.close()
    finally:
        connection.close()
    view.plans = explained


def _plan_lines(rows, sqlite: bool) -> list[str]:
    if not sqlite:
        return [row[0] for row in rows]
    depth = {0: -1}
    lines = []
    for node, parent, _unused, detail in rows:
        depth[node] = depth.get(parent, -1) + 1
        lines.append("  " * depth[node] + detail)
    return lines


class Browser:
    """One keep-alive connection that keeps its cookies, like a coordinator's browser tab."""

    def __init__(self, port: int):
        self.connection = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
        self.cookies: dict[str, str] = {}

    def send(self, method: str, url: str, body: str | None = None) -> tuple[int, bytes, float]:
        headers = {"Accept-Language": "en", "User-Agent": "pathways-bench"}
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        if body is not None:
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        started = perf_counter()
        self.connection.request(method, url, body=body, headers=headers)
        response = self.connection.getresponse()
        content = response.read()
        elapsed = perf_counter() - started
        for cookie in response.msg.get_all("Set-Cookie") or ():
            name, _, value = cookie.split(";", 1)[0].partition("=")
            self.cookies[name.strip()] = value
        return response.status, content, elapsed

    def sign_in(self, email: str, password: str) -> None:
        """Sign in through the real form, with its CSRF token."""
        status, page, _ = self.send("GET", "/auth/login")
        token = CSRF_PATTERN.search(page.decode())
        if status != 200 or token is None:
            raise RuntimeError(f"GET /auth/login answered {status} without a CSRF token")
        form = {"email": email, "password": password, "csrf_token": token.group(1), "next": ""}
        status, page, _ = self.send("POST", "/auth/login", urlencode(form))
        if status != 302:
            raise RuntimeError(f"Signing in answered {status}: {page[:300]!r}")

    def close(self) -> None:
        self.connection.close()


def time_pages(app: Flask, views: list[View], repeat: int, email: str, password: str) -> None:
    with Server(app) as server:
        browser = Browser(server.port)
        try:
            browser.sign_in(email, password)
            for view in views:
                seconds = []
                for number in range(HTTP_WARMUP + repeat):
                    status, page, elapsed = browser.send("GET", view.url)
                    if status != 200 or b'id="figures"' not in page:
                        raise RuntimeError(f"GET {view.url} answered {status}: {page[:300]!r}")
                    if number >= HTTP_WARMUP:
                        seconds.append(elapsed)
                view.http = Timing.of(seconds)
        finally:
            browser.close()


def run(app: Flask, views: list[View], repeat: int, email: str, password: str, progress) -> None:
    """Measure every view: its queries, its plans, then its page over HTTP."""
    with app.app_context():
        statements = Statements(db.engine)
        try:
            for view in views:
                time_queries(app, view, repeat, statements)
                explain(view)
                progress(1)
        finally:
            statements.close()
    time_pages(app, views, repeat, email, password)
    progress(1)


def report_lines(views: list[View], repeat: int) -> tuple[list[str], bool]:
    """The tables, the plans of the filtered view and the budgets; and whether all were met."""
    network, filtered = views
    lines = [f"DASHBOARD QUERIES (ms; median and p95 of {repeat} runs after warm-up; each "
             "function alone, in a request context)"]  # fmt: skip
    for view in views:
        lines.append(f"  {view.label}: {view.url}  ({view.counted:,} referrals counted)")
    heads = [network.label, filtered.label]
    lines.append(f"{'query':<30}  " + "  ".join(f"{h[:21]:>21}" for h in heads))
    lines.append(f"{'':<30}  " + "  ".join(f"{'median':>10} {'p95':>10}" for _ in heads))
    lines.append(f"{'-' * 30}  " + "  ".join("-" * 21 for _ in heads))
    for name in network.sql:
        cells = [f"{v.sql[name].median:>10.2f} {v.sql[name].p95:>10.2f}" for v in views]
        lines.append(f"{name:<30}  " + "  ".join(cells))
    lines.append("")
    lines.append(f"WHOLE PAGE OVER HTTP (ms; {repeat} GETs after warm-up, signed in as a "
                 "coordinator, one keep-alive connection)")  # fmt: skip
    lines.append(f"{'view':<30}  {'median':>10} {'p95':>10}  url")
    for view in views:
        lines.append(f"{view.label:<30}  {view.http.median:>10.2f} {view.http.p95:>10.2f}  "
                     f"{view.url}")  # fmt: skip
    lines.append("")
    lines.append(f"QUERY PLANS of the filtered view ({filtered.label})")
    scans = []
    for name, statement, plan in filtered.plans:
        first = " ".join(statement.split())
        lines.append(f"-- {name}: {first[:150]}{'...' if len(first) > 150 else ''}")
        for line in plan:
            flagged = FULL_SCAN.search(line.strip()) and name in REFERRAL_QUERIES
            lines.append(f"   {line}" + ("    <-- FULL SCAN of referrals" if flagged else ""))
            if flagged:
                scans.append(name)
    lines.append("")
    budgets = [
        (network.http.p95 <= BUDGET_NETWORK_P95_MS,
         f"whole-network page p95 <= {BUDGET_NETWORK_P95_MS:g} ms", f"{network.http.p95:.2f} ms"),
        (filtered.http.p95 <= BUDGET_FILTERED_P95_MS,
         f"one province x one year page p95 <= {BUDGET_FILTERED_P95_MS:g} ms",
         f"{filtered.http.p95:.2f} ms"),
        (not scans, "no full scan of referrals in a filtered view",
         "none" if not scans else "in " + ", ".join(dict.fromkeys(scans))),
    ]  # fmt: skip
    lines.append("BUDGETS")
    for ok, name, figure in budgets:
        lines.append(f"{'PASS' if ok else 'FAIL'}  {name}: {figure}")
    failed = sum(1 for ok, *_ in budgets if not ok)
    lines.append(f"{len(budgets) - failed} of {len(budgets)} budgets met"
                 + (f"; {failed} missed" if failed else ""))  # fmt: skip
    return lines, failed == 0
