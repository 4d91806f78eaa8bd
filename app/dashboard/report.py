"""The dashboard as tables: each figure with its label, hidden where small, ready for the page
and for CSV."""

from dataclasses import dataclass, field

from flask import current_app
from flask_babel import format_percent, get_locale, ngettext
from flask_babel import lazy_gettext as _l

from app.cases.labels import NEED_STATUS_LABELS, STAGE_LABELS
from app.dashboard import facts, monthly, queries
from app.dashboard.privacy import Cell, protect_count, protect_row
from app.i18n import country_name, province_name
from app.referrals.labels import STATUS_LABELS


@dataclass
class Row:
    label: str
    cells: list[Cell]
    extra: list[str] = field(default_factory=list)
    is_total: bool = False


@dataclass
class Table:
    key: str
    title: str
    headers: list[str]  # the label column, then one per cell, then the extra columns
    rows: list[Row]
    chart: bool = False  # one count per row: drawn as bars
    note: str | None = None  # said under the table, e.g. when only its first rows are here

    def largest(self) -> int:
        return max(
            [c.value for r in self.rows if not r.is_total for c in r.cells if c.shown] or [0]
        )


def _more(note, shown: int, total: int) -> str | None:
    """`note(shown=…, total=…)` when the table shows fewer rows than there are."""
    return str(note(shown=shown, total=total)) if note and shown < total else None


def _threshold() -> int:
    return current_app.config["DASHBOARD_MIN_COUNT"]


def one_way(key, title, header, items, chart=True, limit=None, note=None) -> Table:
    """A list of (label, count) with its total, small counts hidden; with a `limit`, only the
    first rows and the total, and `note` (with `shown` and `total`) saying so."""
    k = _threshold()
    cells, total = protect_row([n for _, n in items], k)
    rows = [Row(str(label), [cell]) for (label, _), cell in zip(items, cells, strict=True)]
    shown = rows[:limit]
    more = _more(note, len(shown), len(rows))
    shown.append(Row(str(_l("Total")), [total], is_total=True))
    return Table(key, str(title), [str(header), str(_l("Number"))], shown, chart, note=more)


def _duration(value) -> str:
    """Hours under two days, whole days from then on, as the counts keep them."""
    if value is None:
        return "—"
    if value < facts.DAY_HOURS_FROM:
        return str(_l("%(hours)d h", hours=value))
    return ngettext("%(num)d day", "%(num)d days", value // 24)


def gather(filters, scope_org: int | None, now, limit: int | None = None) -> dict:
    """The figures of one view: from the monthly counts when they answer it, otherwise from
    the referrals and cases themselves. `limit` keeps that many rows of needs by place."""
    where = queries.referral_conditions(filters, scope_org, now)
    if monthly.answers(filters, scope_org):
        facts.catch_up(now)
        figures = monthly.referrals(filters)
        figures["overdue"] = monthly.overdue(figures.pop("waiting"), where, now)
        figures["stages"], figures["flow"] = monthly.cases(filters)
        figures["needs"] = monthly.needs_by_place(filters, limit)
        return figures
    case_where = queries.case_conditions(filters, scope_org, now)
    return {
        "status": queries.by_status(where),
        "categories": queries.by_category(where),
        "answer": queries.durations(where, queries.Referral.answer_hours),
        "completion": queries.durations(where, queries.Referral.completion_hours),
        "overdue": queries.overdue_by_organisation(where, now),
        "stages": queries.cases_by_stage(case_where),
        "flow": queries.stage_flow(case_where, filters),
        "needs": queries.needs_by_place(case_where, filters, limit),
    }


def build(filters, scope_org: int | None, limit: int | None = None) -> dict:
    """Every figure of the dashboard for `filters`, in tables. The two long tables keep their
    first `limit` rows (all of them when None): the needs by place with the most unmet needs,
    the organisations with the smallest share of listings verified."""
    now = queries.now()
    k = _threshold()
    locale = str(get_locale())
    figures = gather(filters, scope_org, now, limit)
    status = figures["status"]
    tables = [
        one_way(
            "status",
            _l("Referrals by status"),
            _l("Status"),
            [(STATUS_LABELS[s], n) for s, n in status.items()],
        )
    ]
    tables.append(
        one_way(
            "needs",
            _l("Referrals by need"),
            _l("Need"),
            [(c.name(locale), n) for c, n in figures["categories"]],
        )
    )

    answered = sum(status[s] for s in queries.ANSWERED)
    accepted = sum(status[s] for s in queries.ACCEPTED)
    answer, completion = figures["answer"], figures["completion"]
    hidden = str(_l("fewer than %(n)d referrals", n=k))
    rate = (format_percent(accepted / answered) if answered >= k else hidden) if answered else "—"
    summary = [
        (_l("Acceptance rate (of the referrals answered)"), rate),
        (
            _l("Time to answer: median"),
            _duration(answer["median"]) if answer["count"] >= k or not answer["count"] else hidden,
        ),
        (
            _l("Time to answer: 90th percentile"),
            _duration(answer["p90"]) if answer["count"] >= k or not answer["count"] else hidden,
        ),
        (
            _l("Time to completion: median"),
            _duration(completion["median"])
            if completion["count"] >= k or not completion["count"]
            else hidden,
        ),
        (
            _l("Time to completion: 90th percentile"),
            _duration(completion["p90"])
            if completion["count"] >= k or not completion["count"]
            else hidden,
        ),
    ]
    tables.insert(
        0,
        Table(
            "summary",
            str(_l("Key figures")),
            [str(_l("Measure")), str(_l("Value"))],
            [Row(str(label), [], [value]) for label, value in summary],
        ),
    )

    overdue = figures["overdue"]
    tables.append(
        one_way(
            "overdue",
            _l("Overdue referrals by receiving organisation"),
            _l("Organisation"),
            [(o.name, n) for o, n in overdue],
            limit=limit,
            note=lambda **n: _l(
                "The %(shown)d organisations with the most overdue referrals, of %(total)d; "
                "the CSV has them all.",
                **n,
            ),
        )
    )

    stages = figures["stages"]
    tables.append(
        one_way(
            "stages",
            _l("Cases by stage"),
            _l("Stage"),
            [(STAGE_LABELS[s], n) for s, n in stages.items()],
        )
    )
    flow = figures["flow"]
    order = ("identification", "protection", "reintegration", "closed")
    forward = [(a, b) for a, b in flow if order.index(b) > order.index(a)]
    back = sum(n for (a, b), n in flow.items() if order.index(b) < order.index(a))
    moves = [
        (f"{STAGE_LABELS[a]} → {STAGE_LABELS[b]}", flow[(a, b)])
        for a, b in sorted(forward, key=lambda p: (order.index(p[0]), order.index(p[1])))
    ]
    moves.append((str(_l("Stepped back (re-trafficked, crisis)")), back))
    tables.append(one_way("flow", _l("Moves between stages in the period"), _l("Move"), moves))

    gaps = []
    needs, places = figures["needs"]
    for row in needs:
        cells, total = protect_row([row["met"], row["unmet"], row["declined"]], k)
        place = country_name(row["country"]) if row["country"] else "—"
        if row["province"]:
            place = f"{province_name(row['province'])}, {place}"
        gaps.append(
            Row(
                f"{row['category'].name(locale)} · {place}", [*cells, total], [str(row["services"])]
            )
        )
    tables.append(
        Table(
            "gaps",
            str(_l("Needs by place, beside the services there")),
            [
                str(_l("Need · place")),
                str(NEED_STATUS_LABELS["met"]),
                str(NEED_STATUS_LABELS["unmet"]),
                str(NEED_STATUS_LABELS["declined"]),
                str(_l("Total")),
                str(_l("Active services")),
            ],
            gaps,
            note=_more(
                lambda **n: _l(
                    "The %(shown)d rows with the most unmet needs, of %(total)d; the CSV has "
                    "them all.",
                    **n,
                ),
                len(gaps),
                places,
            ),
        )
    )

    fresh_rows = []
    organisations = queries.freshness(filters, scope_org, now)
    # The least verified first: whose listings most need a look.
    organisations.sort(key=lambda r: (r["fresh"] / r["listings"], r["organisation"].name))
    for row in organisations[:limit]:
        share = format_percent(row["fresh"] / row["listings"])
        fresh_rows.append(
            Row(row["organisation"].name, [], [str(row["listings"]), str(row["fresh"]), share])
        )
    tables.append(
        Table(
            "freshness",
            str(_l("Listings verified in the last 12 months")),
            [
                str(_l("Organisation")),
                str(_l("Active listings")),
                str(_l("Verified")),
                str(_l("Share verified")),
            ],
            fresh_rows,
            note=_more(
                lambda **n: _l(
                    "The %(shown)d organisations with the smallest share of listings verified, "
                    "of %(total)d; the CSV has them all.",
                    **n,
                ),
                len(fresh_rows),
                len(organisations),
            ),
        )
    )
    return {
        "tables": tables,
        "threshold": k,
        "total": protect_count(sum(status[s] for s in queries.SENT_STATUSES), k),
    }
