"""The dashboard's figures read from the monthly counts (app.dashboard.models).

They are kept by month, place, urgency and status, so a view filtered by period, country,
province or urgency reads a few hundred to a few thousand rows. A need or organisation filter is
answered from the referrals and cases themselves (app.dashboard.queries).
"""

from functools import lru_cache
from typing import NamedTuple

from sqlalchemy import Integer, String, bindparam, func, literal, null, select, union_all

from app.dashboard import queries
from app.dashboard.models import (
    WHOLE_COUNTRY,
    case_needs,
    case_stages,
    referral_counts,
    referral_needs,
    referral_times,
    referrals_waiting,
    stage_moves,
)
from app.extensions import db


def answers(filters, scope_org: int | None) -> bool:
    """Whether the monthly counts can answer this view."""
    return not (filters.category or filters.organisation or scope_org)


class Shape(NamedTuple):
    """Which filters a view sets: its statements are built once per shape and then only given
    the values (building a statement costs more than SQLite takes to run it)."""

    scoped: bool
    country: bool
    province: bool
    urgency: bool


def _shape(filters) -> Shape:
    return Shape(
        bool(filters.scope), bool(filters.country), bool(filters.province), bool(filters.urgency)
    )


def _values(filters) -> dict:
    return {
        "start": filters.start,
        "end": filters.end,
        "scope": list(filters.scope or ()),
        "country": filters.country,
        "province": filters.province or WHOLE_COUNTRY,
        "urgency": filters.urgency,
    }


def _place(table, shape: Shape, whole_country: bool) -> list:
    c = table.c
    conditions = []
    if shape.scoped:
        conditions.append(c.country.in_(bindparam("scope", expanding=True)))
    if shape.country:
        conditions.append(c.country == bindparam("country"))
    if shape.province or whole_country:
        conditions.append(c.province == bindparam("province"))
    return conditions


def _referrals(table, shape: Shape) -> list:
    c = table.c
    conditions = [
        c.month >= bindparam("start"),
        c.month <= bindparam("end"),
        *_place(table, shape, True),
    ]
    if shape.urgency:
        conditions.append(c.urgency == bindparam("urgency"))
    return conditions


def _in_period(table, shape: Shape) -> list:
    c = table.c
    return [
        c.month >= bindparam("start"),
        c.month <= bindparam("end"),
        *_place(table, shape, False),
    ]


def _union(*parts):
    """One statement for several figures: each part is (name, text key, number key, counts,
    conditions[, columns to group by]); its rows are (name, text, number, count)."""
    selects = []
    for name, text, number, table, conditions, *grouped in parts:
        keys = grouped[0] if grouped else [k for k in (text, number) if k is not None]
        selects.append(
            select(
                literal(name, String).cast(String).label("figure"),
                (text if text is not None else null()).cast(String).label("text"),
                (number if number is not None else null()).cast(Integer).label("number"),
                func.sum(table.c.n).label("n"),
            )
            .where(*conditions)
            .group_by(*keys)
        )
    return union_all(*selects)


@lru_cache(maxsize=64)
def _referral_statement(shape: Shape):
    status, needs, waiting = referral_counts, referral_needs, referrals_waiting
    times = referral_times.c
    return _union(
        ("status", status.c.status, None, status, _referrals(status, shape)),
        ("needs", needs.c.category_ids, None, needs, _referrals(needs, shape)),
        ("waiting", None, waiting.c.to_organisation_id, waiting, _referrals(waiting, shape)),
        ("times", times.measure, times.bucket, referral_times, _referrals(referral_times, shape)),
    )


@lru_cache(maxsize=64)
def _case_statement(shape: Shape):
    stages, moves = case_stages.c, stage_moves.c
    return _union(
        ("stage", stages.stage, None, case_stages,
         [stages.month <= bindparam("end"), *_place(case_stages, shape, False)]),
        ("move", moves.from_stage + " " + moves.to_stage, None, stage_moves,
         _in_period(stage_moves, shape), [moves.from_stage, moves.to_stage]),
    )  # fmt: skip


@lru_cache(maxsize=64)
def _needs_statement(shape: Shape):
    c = case_needs.c
    return (
        select(c.category_id, c.country, c.province, c.status, func.sum(c.n))
        .where(*_in_period(case_needs, shape))
        .group_by(c.province, c.country, c.category_id, c.status)  # the table's order
    )


def referrals(filters) -> dict:
    """Every referral figure of the view, read at once: by status, by need, the durations, and
    the referrals waiting for an answer by who should answer."""
    rows = db.session.execute(_referral_statement(_shape(filters)), _values(filters)).all()
    by_status = dict.fromkeys(queries.SENT_STATUSES, 0)
    by_needs, by_receiver = {}, {}
    histograms: dict[str, list] = {"answer": [], "completion": []}
    for figure, text, number, n in rows:
        if not n:
            continue
        if figure == "status":
            by_status[text] = n
        elif figure == "needs":
            by_needs[text] = n
        elif figure == "waiting":
            by_receiver[number] = n
        else:
            histograms[text].append((number, n))
    return {
        "status": by_status,
        "categories": queries.per_category(by_needs.items()),
        "answer": queries.summary(sorted(histograms["answer"])),
        "completion": queries.summary(sorted(histograms["completion"])),
        "waiting": by_receiver,
    }


def overdue(waiting: dict[int, int], where, now) -> list:
    """Overdue referrals by receiving organisation: those waiting, less the ones sent too
    recently to be late."""
    counts = dict(waiting)
    for organisation_id, n in queries.not_yet_late(where, now).items():
        counts[organisation_id] = counts.get(organisation_id, 0) - n
    return queries.ranked(counts)


def cases(filters) -> tuple[dict[str, int], dict[tuple[str, str], int]]:
    """Cases opened before the period ends by the stage they are in now, and the moves between
    stages in the period, read at once."""
    rows = db.session.execute(_case_statement(_shape(filters)), _values(filters)).all()
    by_stage = dict.fromkeys(("identification", "protection", "reintegration", "closed"), 0)
    flow = {}
    for figure, text, _, n in rows:
        if figure == "stage":
            by_stage[text] = n
        elif n:
            flow[tuple(text.split(" "))] = n
    return by_stage, flow


def needs_by_place(filters, limit: int | None = None) -> tuple[list[dict], int]:
    rows = db.session.execute(_needs_statement(_shape(filters)), _values(filters)).all()
    return queries.needs_table(rows, limit)
