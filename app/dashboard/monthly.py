"""The dashboard's figures read from the monthly counts (app.dashboard.models).

They are kept by month, place, urgency and status, so a view filtered by period, country,
province or urgency reads a few hundred to a few thousand rows. A need or organisation filter is
answered from the referrals and cases themselves (app.dashboard.queries).
"""

from sqlalchemy import func, select

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


def _place(table, filters, whole_country: bool) -> list:
    c = table.c
    conditions = []
    if filters.scope:
        conditions.append(c.country.in_(filters.scope))
    if filters.country:
        conditions.append(c.country == filters.country)
    if filters.province:
        conditions.append(c.province == filters.province)
    elif whole_country:
        conditions.append(c.province == WHOLE_COUNTRY)
    return conditions


def _referrals(table, filters) -> list:
    c = table.c
    conditions = [c.month >= filters.start, c.month <= filters.end, *_place(table, filters, True)]
    if filters.urgency:
        conditions.append(c.urgency == filters.urgency)
    return conditions


def _in_period(table, filters) -> list:
    c = table.c
    return [c.month >= filters.start, c.month <= filters.end, *_place(table, filters, False)]


def referrals(filters) -> tuple[dict[str, int], list]:
    """Referrals by status, and by need."""
    c = referral_counts.c
    rows = db.session.execute(
        select(c.status, func.sum(c.n))
        .where(*_referrals(referral_counts, filters))
        .group_by(c.status)
    )
    status = dict.fromkeys(queries.SENT_STATUSES, 0)
    status.update({state: n for state, n in rows if n})
    c = referral_needs.c
    rows = db.session.execute(
        select(c.category_ids, func.sum(c.n))
        .where(*_referrals(referral_needs, filters))
        .group_by(c.category_ids)
    )
    return status, queries.per_category(rows)


def overdue(filters, where, now) -> list:
    """Overdue referrals by receiving organisation: those waiting, less the ones sent too
    recently to be late."""
    c = referrals_waiting.c
    rows = db.session.execute(
        select(c.to_organisation_id, func.sum(c.n))
        .where(*_referrals(referrals_waiting, filters))
        .group_by(c.to_organisation_id)
    )
    counts = dict(rows.all())
    for organisation_id, n in queries.not_yet_late(where, now).items():
        counts[organisation_id] = counts.get(organisation_id, 0) - n
    return queries.ranked(counts)


def durations(filters) -> dict[str, dict]:
    """Time to answer and to completion: how many, median and 90th percentile."""
    c = referral_times.c
    rows = db.session.execute(
        select(c.measure, c.bucket, func.sum(c.n))
        .where(*_referrals(referral_times, filters))
        .group_by(c.measure, c.bucket)
        .order_by(c.measure, c.bucket)
    )
    histograms: dict[str, list] = {"answer": [], "completion": []}
    for measure, value, n in rows:
        if n:
            histograms[measure].append((value, n))
    return {measure: queries.summary(h) for measure, h in histograms.items()}


def cases_by_stage(filters) -> dict[str, int]:
    """Cases opened before the period ends, by the stage they are in now."""
    c = case_stages.c
    rows = db.session.execute(
        select(c.stage, func.sum(c.n))
        .where(c.month <= filters.end, *_place(case_stages, filters, False))
        .group_by(c.stage)
    )
    counts = dict.fromkeys(("identification", "protection", "reintegration", "closed"), 0)
    counts.update({stage: n for stage, n in rows})
    return counts


def stage_flow(filters) -> dict[tuple[str, str], int]:
    c = stage_moves.c
    rows = db.session.execute(
        select(c.from_stage, c.to_stage, func.sum(c.n))
        .where(*_in_period(stage_moves, filters))
        .group_by(c.from_stage, c.to_stage)
    )
    return {(a, b): n for a, b, n in rows if n}


def needs_by_place(filters, limit: int | None = None) -> tuple[list[dict], int]:
    c = case_needs.c
    rows = db.session.execute(
        select(c.category_id, c.country, c.province, c.status, func.sum(c.n))
        .where(*_in_period(case_needs, filters))
        .group_by(c.province, c.country, c.category_id, c.status)  # the table's order
    ).all()
    return queries.needs_table(rows, limit)
