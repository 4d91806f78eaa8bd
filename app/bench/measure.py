"""Measuring search: the bare query, real HTTP requests, SQL statements and response sizes."""

import gzip
import http.client
import json
import math
import re
import statistics
import threading
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from time import perf_counter
from urllib.parse import urlencode, urlsplit

from flask import Flask
from werkzeug.serving import WSGIRequestHandler, make_server

from app.bench.served import (
    ENGINE_HAS_LEAN,
    LEAN_HEADER,
    STATEMENTS_HEADER,
    TIMED_SEARCH_PATH,
    Served,
)
from app.directory.models import Place
from app.extensions import db

SQL_WARMUP = 3
HTTP_WARMUP = 2
SCRIPT_SRC = re.compile(r"<script\b[^>]*\bsrc=[\"']([^\"']+)[\"']", re.IGNORECASE)


@dataclass(frozen=True)
class Point:
    name: str
    latitude: float
    longitude: float
    radius_km: float

    @property
    def label(self) -> str:
        return f"{self.name} {self.radius_km:g} km"

    def args(self) -> list[tuple[str, str]]:
        return [("lat", f"{self.latitude:.4f}"), ("lon", f"{self.longitude:.4f}"),
                ("radius_km", f"{self.radius_km:g}")]  # fmt: skip


DENSE = Point("Bangkok", 13.7540, 100.5014, 25)
SPARSE_PLACE_ID = 1653894  # Phôngsali, a small town in the hills of northern Laos
SPARSE_FALLBACK = Point("Phôngsali, LA", 21.6808, 102.1003, 100)
TEXTS = ("shelter", "ที่พัก", "nha tam lanh")

# What the result list can be read through: the page, the HTMX fragment, the public API; and
# whether that view asks the engine for lean records (app/search/views.py does, the API not).
SURFACES = {
    "page": ("/search", {}, True),
    "fragment": ("/search", {"HX-Request": "true", "HX-Target": "results"}, True),
    "api/services": ("/api/v1/services", {}, False),
    "api/service_at_locations": ("/api/v1/service_at_locations", {}, False),
}
BROWSER_SURFACES = {"page", "fragment"}  # these keep the session cookie, as a browser would

BUDGET_HTTP_P95_MS = 15.0
BUDGET_RATIO = 2.0
BUDGET_STATEMENTS = 4
BUDGET_PAGE_GZIP = 14_000
BUDGET_FRAGMENT_GZIP = 5_000
BUDGET_JS_GZIP = 20_000


@dataclass(frozen=True)
class Scenario:
    label: str
    args: tuple[tuple[str, str], ...]

    @property
    def query_string(self) -> str:
        return urlencode(self.args)


def sparse_point() -> Point:
    place = db.session.get(Place, SPARSE_PLACE_ID)
    if place is None:
        return SPARSE_FALLBACK
    return Point(f"{place.name}, {place.country}", place.latitude, place.longitude, 100)


def scenarios(sparse: Point) -> list[Scenario]:
    made = []
    for point, language in ((DENSE, "my"), (sparse, "en")):
        filters = [
            ("no filter", []),
            ("category", [("category", "legal_aid")]),
            (f"category+language={language}", [("category", "legal_aid"), ("language", language)]),
            ("category+age+gender",
             [("category", "emergency_shelter"), ("age", "16"), ("gender", "female")]),
            ("open_now", [("open_now", "1")]),
            ("open_24_7+self_referral", [("open_24_7", "1"), ("self_referral", "1")]),
        ]  # fmt: skip
        for label, extra in filters:
            made.append(Scenario(f"{point.label} · {label}", tuple(point.args() + extra)))
    # Typed by name, as most people search: the gazetteer lookup, and for the public page the
    # safe houses serving the province, listed by area.
    typed = (("place", DENSE.name), ("radius_km", f"{DENSE.radius_km:g}"))
    made.append(Scenario(f"place={DENSE.name} · {DENSE.radius_km:g} km", typed))
    # No place: the search page as it opens (every service, by name), and a need alone.
    made.append(Scenario("nothing entered", ()))
    made.append(Scenario("category · anywhere", (("category", "legal_aid"),)))
    # "Who can help right now?": most services are open in the daytime, and every one counted.
    made.append(Scenario("open_now · anywhere", (("open_now", "1"),)))
    for text in TEXTS:
        made.append(Scenario(f"q={text} · anywhere", (("q", text),)))
        made.append(Scenario(f"q={text} · {DENSE.label}", tuple(DENSE.args() + [("q", text)])))
    return made


def percentile(values: list[float], share: float) -> float:
    """The nearest-rank percentile: the smallest value at or above `share` of the values."""
    ordered = sorted(values)
    return ordered[max(0, math.ceil(share * len(ordered)) - 1)]


@dataclass
class Timing:
    median: float
    p95: float

    @classmethod
    def of(cls, seconds: list[float]) -> "Timing":
        return cls(statistics.median(seconds) * 1000, percentile(seconds, 0.95) * 1000)


@dataclass
class Reading:
    """One way of reading one scenario: its times, statements and size."""

    surface: str
    sql: Timing
    http: Timing
    statements: int  # in a typical request (the most common count)
    most_statements: int
    raw: int
    gzipped: int


@dataclass
class Measured:
    scenario: Scenario
    results: int
    readings: list[Reading] = field(default_factory=list)


class QuietHandler(WSGIRequestHandler):
    def log_request(self, *_args, **_kwargs) -> None:
        pass


class Server:
    """The app on 127.0.0.1, served by Werkzeug's threaded server in this process (the
    dashboard's benchmark; the search's is served by gunicorn, app.bench.served)."""

    def __init__(self, app: Flask):
        self.server = make_server("127.0.0.1", 0, app, threaded=True, request_handler=QuietHandler)
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self) -> "Server":
        self.thread.start()
        return self

    def __exit__(self, *_exc) -> None:
        self.server.shutdown()
        self.thread.join()
        self.server.server_close()

    @property
    def port(self) -> int:
        return self.server.server_port


class Client:
    """A browser tab: it keeps the session cookie, and its connection while the server does
    (gunicorn's sync workers, as deployed behind a proxy, close it after each response)."""

    def __init__(self, port: int):
        self.connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        self.cookie: str | None = None
        self.statements = 0  # what the server said the last request sent

    def get(self, url: str, headers: dict, keep_cookie: bool) -> tuple[bytes, float]:
        sent = {"Accept-Language": "en", "User-Agent": "pathways-bench", **headers}
        if keep_cookie and self.cookie:
            sent["Cookie"] = self.cookie
        started = perf_counter()
        self.connection.request("GET", url, headers=sent)
        response = self.connection.getresponse()
        body = response.read()
        elapsed = perf_counter() - started
        if response.status != 200:
            raise RuntimeError(f"GET {url} answered {response.status}: {body[:300]!r}")
        self.statements = int(response.getheader(STATEMENTS_HEADER) or 0)
        cookie = response.getheader("Set-Cookie")
        if keep_cookie and cookie:
            self.cookie = cookie.split(";", 1)[0]
        return body, elapsed

    def close(self) -> None:
        self.connection.close()


def time_search(client: Client, scenario: Scenario, lean: bool) -> tuple[float, int]:
    """The bare search, as a view runs it, timed once in the server's process; and its total."""
    headers = {LEAN_HEADER: "1"} if lean else {}
    body, _elapsed = client.get(f"{TIMED_SEARCH_PATH}?{scenario.query_string}", headers, False)
    timed = json.loads(body)
    return timed["seconds"], timed["total"]


def measure(client: Client, scenario: Scenario, repeat: int) -> tuple[Measured, dict[str, bytes]]:
    """Every way of reading one scenario, the bare search and the requests taken in turn; and
    the last response of each surface.

    Each round has the server run the search once as each view runs it, then sends one request
    through each surface: the two sides of the ratio see the machine at the same moments,
    rather than the search in one stretch of seconds and the requests in the next (this
    machine's speed moves by a third between stretches), and in the same process.
    """
    leans = sorted({lean and ENGINE_HAS_LEAN for *_, lean in SURFACES.values()})
    urls = {surface: f"{path}?{scenario.query_string}" for surface, (path, *_) in SURFACES.items()}

    def send(surface: str) -> tuple[bytes, float]:
        _path, headers, _lean = SURFACES[surface]
        return client.get(urls[surface], headers, surface in BROWSER_SURFACES)

    total = 0
    for _ in range(SQL_WARMUP):
        for lean in leans:
            time_search(client, scenario, lean)
    for surface in SURFACES:
        for _ in range(HTTP_WARMUP):
            send(surface)
    sql = {lean: [] for lean in leans}
    http = {surface: [] for surface in SURFACES}
    counts = {surface: [] for surface in SURFACES}
    bodies = {}
    for _ in range(repeat):
        for lean in leans:
            elapsed, found = time_search(client, scenario, lean)
            sql[lean].append(elapsed)
            if not lean:
                total = found
        for surface in SURFACES:
            bodies[surface], elapsed = send(surface)
            http[surface].append(elapsed)
            counts[surface].append(client.statements)
    item = Measured(scenario, total)
    for surface, (*_, lean) in SURFACES.items():
        body = bodies[surface]
        # A typical request: the per-process taxonomy cache, say, reloads only now and then.
        typical = statistics.mode(counts[surface])
        item.readings.append(Reading(
            surface, Timing.of(sql[lean and ENGINE_HAS_LEAN]), Timing.of(http[surface]),
            typical, max(counts[surface]), len(body), len(gzip.compress(body, compresslevel=6)),
        ))  # fmt: skip
    return item, bodies


def script_sizes(app: Flask, page: bytes) -> list[tuple[str, int | None]]:
    """Each script the page loads, with its gzip size (None when it is not in app/static)."""
    sizes = []
    prefix = (app.static_url_path or "/static").rstrip("/") + "/"
    for src in SCRIPT_SRC.findall(page.decode("utf-8", "replace")):
        path = urlsplit(src).path
        size = None
        if path.startswith(prefix) and not urlsplit(src).netloc:
            file = Path(app.static_folder) / path[len(prefix) :]
            if file.is_file():
                size = len(gzip.compress(file.read_bytes(), compresslevel=6))
        sizes.append((path, size))
    return sizes


FLOOR_PATH = "/healthz"  # the cheapest route: what HTTP and Flask cost before any search


def floor(client: Client, repeat: int) -> Timing:
    """Time the cheapest request from the same client: the part no search can remove."""
    for _ in range(HTTP_WARMUP):
        client.get(FLOOR_PATH, {}, False)
    return Timing.of([client.get(FLOOR_PATH, {}, False)[1] for _ in range(repeat)])


def run(app: Flask, plan: list[Scenario], repeat: int, progress):
    """Measure every scenario through every surface; return the readings, the scripts and
    the timing of the cheapest request."""
    measured: list[Measured] = []
    scripts = []
    lowest = None
    with Served(app.config["SQLALCHEMY_DATABASE_URI"]) as server:
        client = Client(server.port)
        try:
            lowest = floor(client, repeat)
            for scenario in plan:
                item, bodies = measure(client, scenario, repeat)
                if not scripts:
                    scripts = script_sizes(app, bodies["page"])
                measured.append(item)
                progress(1)
        finally:
            client.close()
    return measured, scripts, lowest


# ---------------------------------------------------------------------------------- report


def _width(text: str) -> int:
    """Columns the text takes in a terminal: Thai vowel and tone marks take none."""
    return sum(0 if unicodedata.category(ch) in ("Mn", "Me", "Cf") else 1 for ch in text)


def _ms(value: float) -> str:
    return f"{value:.2f}"


def _kb(size: int) -> str:
    return f"{size / 1000:.1f} KB"


def report(measured: list[Measured], scripts, repeat: int, lowest: Timing | None = None):
    """The tables and the budgets as lines of text, and whether every budget was met."""
    lean = ", lean=True for the page and the fragment" if ENGINE_HAS_LEAN else ""
    lines = [
        f"SEARCH TIMES (ms; median and p95 of {repeat} runs after warm-up)",
        f"  SQL    app.search.engine.search(query, staff=False{lean}) alone, timed inside",
        "         the server's process (the request that asks for it is not timed)",
        "  HTTP   one GET over loopback, end to end, to gunicorn (one sync worker, as deployed)",
        "         taken in turn with the SQL: each round one search of each kind, then one request",
        "         through each surface",
        "  ratio  HTTP p95 / SQL p95;  stmts: SQL statements of a typical request (the most",
        "         common count over the timed requests)",
    ]
    widths = (46, 8, 25, 8, 8, 9, 9, 7, 6)
    heads = ("scenario", "results", "response", "SQL med", "SQL p95", "HTTP med", "HTTP p95",
             "ratio", "stmts")  # fmt: skip

    def row(cells) -> str:
        out = []
        for index, (cell, width) in enumerate(zip(cells, widths, strict=True)):
            padding = " " * max(0, width - _width(cell))
            out.append(cell + padding if index in (0, 2) else padding + cell)
        return "  ".join(out).rstrip()

    lines.append(row(heads))
    lines.append(row(["-" * w for w in widths]))
    flat = []
    for item in measured:
        for number, reading in enumerate(item.readings):
            ratio = reading.http.p95 / reading.sql.p95 if reading.sql.p95 else math.inf
            flat.append((item, reading, ratio))
            first = number == 0
            lines.append(row([
                item.scenario.label if first else "", f"{item.results:,}" if first else "",
                reading.surface, _ms(reading.sql.median), _ms(reading.sql.p95),
                _ms(reading.http.median), _ms(reading.http.p95), f"{ratio:.1f}x",
                str(reading.statements),
            ]))  # fmt: skip
    for item, reading, _ in flat:
        if reading.most_statements > reading.statements:
            lines.append(f"  note: {item.scenario.label}, {reading.surface}: some requests sent "
                         f"{reading.most_statements} statements")  # fmt: skip
    lines.append("")
    lines.append("RESPONSE SIZES (bytes; the largest response of each kind over all scenarios; "
                 "gzip level 6)")  # fmt: skip
    size_widths = (25, 9, 9)
    lines.append(f"{'response':<25}  {'raw':>9}  {'gzip':>9}  largest for")
    lines.append(f"{'-' * 25}  {'-' * 9}  {'-' * 9}  {'-' * 46}")
    largest = {}
    for item, reading, _ in flat:
        best = largest.get(reading.surface)
        if best is None or reading.gzipped > best[1].gzipped:
            largest[reading.surface] = (item, reading)
    for surface in SURFACES:
        item, reading = largest[surface]
        lines.append(f"{surface:<{size_widths[0]}}  {reading.raw:>9,}  {reading.gzipped:>9,}  "
                     f"{item.scenario.label}")  # fmt: skip
    known = [size for _, size in scripts if size is not None]
    js_total = sum(known)
    listed = " + ".join(f"{path} {size:,}" if size is not None else f"{path} (not in app/static)"
                        for path, size in scripts) or "no scripts"  # fmt: skip
    lines.append(f"JavaScript on the list view (gzip): {listed} = {js_total:,}")
    if lowest is not None:
        lines.append(f"HTTP and Flask alone (GET {FLOOR_PATH}, same client): median "
                     f"{_ms(lowest.median)} ms, p95 {_ms(lowest.p95)} ms")  # fmt: skip
    lines.append("")

    budgets = []
    worst_http = max(flat, key=lambda f: f[1].http.p95)
    slow = [f for f in flat if f[1].http.p95 > BUDGET_HTTP_P95_MS]
    budgets.append((not slow, f"search p95 end to end <= {BUDGET_HTTP_P95_MS:g} ms",
                    f"worst {_ms(worst_http[1].http.p95)} ms "
                    f"({worst_http[0].scenario.label}, {worst_http[1].surface})",
                    [_describe(f) for f in slow]))  # fmt: skip
    worst_ratio = max(flat, key=lambda f: f[2])
    over = [f for f in flat if f[2] > BUDGET_RATIO]
    budgets.append((not over, f"search p95 end to end <= {BUDGET_RATIO:g}x the bare SQL query",
                    f"worst {worst_ratio[2]:.1f}x ({worst_ratio[0].scenario.label}, "
                    f"{worst_ratio[1].surface}: {_ms(worst_ratio[1].http.p95)} ms vs SQL "
                    f"{_ms(worst_ratio[1].sql.p95)} ms)",
                    [_describe(f) for f in over]))  # fmt: skip
    by_surface = {}
    for _, reading, _ in flat:
        by_surface[reading.surface] = max(by_surface.get(reading.surface, 0), reading.statements)
    most = max(by_surface.values())
    budgets.append((most <= BUDGET_STATEMENTS,
                    f"SQL statements per search request <= {BUDGET_STATEMENTS}",
                    f"worst {most} (" + ", ".join(f"{s} {n}" for s, n in by_surface.items()) + ")",
                    []))  # fmt: skip
    page = largest["page"][1].gzipped
    budgets.append((page <= BUDGET_PAGE_GZIP, f"full page <= {_kb(BUDGET_PAGE_GZIP)} gzip of HTML",
                    f"{_kb(page)} ({page:,} bytes)", []))  # fmt: skip
    fragment = largest["fragment"][1].gzipped
    budgets.append((fragment <= BUDGET_FRAGMENT_GZIP,
                    f"results fragment <= {_kb(BUDGET_FRAGMENT_GZIP)} gzip",
                    f"{_kb(fragment)} ({fragment:,} bytes)", []))  # fmt: skip
    js_ok = js_total <= BUDGET_JS_GZIP and len(known) == len(scripts)
    budgets.append((js_ok, f"all JavaScript on the list view <= {_kb(BUDGET_JS_GZIP)} gzip",
                    f"{_kb(js_total)} ({js_total:,} bytes in {len(scripts)} files)",
                    []))  # fmt: skip

    lines.append("BUDGETS (1 KB = 1,000 bytes)")
    for ok, name, figure, misses in budgets:
        lines.append(f"{'PASS' if ok else 'FAIL'}  {name}: {figure}")
        for miss in misses[:12]:
            lines.append(f"        missed: {miss}")
        if len(misses) > 12:
            lines.append(f"        ... and {len(misses) - 12} more")
    failed = sum(1 for ok, *_ in budgets if not ok)
    lines.append(f"{len(budgets) - failed} of {len(budgets)} budgets met" + (
        f"; {failed} missed" if failed else ""))  # fmt: skip
    return lines, failed == 0


def _describe(flat_item) -> str:
    item, reading, ratio = flat_item
    return (f"{item.scenario.label}, {reading.surface}: HTTP p95 {_ms(reading.http.p95)} ms, "
            f"SQL p95 {_ms(reading.sql.p95)} ms, {ratio:.1f}x")  # fmt: skip
