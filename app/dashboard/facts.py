"""Keeping the dashboard's monthly counts (app.dashboard.models) equal to a count from scratch.

One set of queries says what a set of referrals and cases contributes to the counts at an
instant; the same queries, unrestricted, build the counts from scratch. Every flush that touches a
referral, a case, a need or a stage change adds what the touched rows contribute after it and
takes away what they contributed before. Reporting consent runs out with time, not with a write:
before the dashboard reads the counts, `catch_up` takes away the referrals and cases whose
consent ran out since the counts were taken.
"""

from collections import Counter
from datetime import datetime
from time import perf_counter

from flask import current_app
from sqlalchemy import (
    BindParameter,
    Integer,
    String,
    case,
    delete,
    event,
    exists,
    func,
    insert,
    literal,
    literal_column,
    or_,
    select,
    update,
)
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.orm import Session
from sqlalchemy.sql.expression import FunctionElement
from sqlalchemy.types import NullType

from app.cases.models import Case, CaseNeed, StageChange
from app.dashboard.models import (
    FACT_TABLES,
    WHOLE_COUNTRY,
    case_needs,
    case_stages,
    facts_state,
    referral_counts,
    referral_needs,
    referral_times,
    referrals_waiting,
    stage_moves,
)
from app.extensions import db
from app.referrals.models import Referral

DAY_HOURS_FROM = 48  # durations from two days on are counted in whole days
NEED_OUTCOMES = ("met", "unmet", "declined")


class month_of(FunctionElement):  # noqa: N801 - used like a SQL function
    """The UTC month ("YYYY-MM") of a timestamp column."""

    type = String()
    inherit_cache = True


@compiles(month_of, "sqlite")
def _month_sqlite(element, compiler, **kw) -> str:
    # SQLite keeps UTC timestamps as text "YYYY-MM-DD HH:MM:SS.ffffff".
    return f"substr({compiler.process(element.clauses, **kw)}, 1, 7)"


@compiles(month_of, "postgresql")
def _month_postgresql(element, compiler, **kw) -> str:
    return f"to_char({compiler.process(element.clauses, **kw)} AT TIME ZONE 'UTC', 'YYYY-MM')"


class rarely(FunctionElement):  # noqa: N801 - used like a SQL function
    """A condition few rows meet, said so to SQLite's planner (`likelihood`): the last days'
    waiting referrals are a few entries of `ix_referrals_waiting`, and with statistics SQLite
    would otherwise walk an organisation index over the whole period to save a sort."""

    type = NullType()  # not Boolean: SQLite would get "likelihood(...) = 1", which it ignores
    inherit_cache = True


@compiles(rarely, "sqlite")
def _rarely_sqlite(element, compiler, **kw) -> str:
    return f"likelihood({compiler.process(element.clauses, **kw)}, 0.001)"


@compiles(rarely)
def _rarely(element, compiler, **kw) -> str:
    return compiler.process(element.clauses, **kw)


def bucket(hours):
    """Whole hours under two days, whole days (as hours) from then on: SQL for a column, or
    the same for a number."""
    if isinstance(hours, int):
        return hours if hours < DAY_HOURS_FROM else hours // 24 * 24
    # Constants written into the SQL, so PostgreSQL sees the same expression in GROUP BY.
    limit, day = literal_column(str(DAY_HOURS_FROM), Integer), literal_column("24", Integer)
    return case((hours < limit, hours), else_=hours // day * day)


# What a set of referrals or cases contributes: one grouped SELECT per table and grain, each
# with the table's columns in order. `as_of` decides whose reporting consent is valid.


def _referral_selects(as_of: datetime, ids=None) -> list[tuple]:
    counted = [Referral.month.is_not(None), Referral.reporting_until > as_of]
    if ids is not None:
        counted.append(Referral.id.in_(ids))
    selects = []
    for province in (Referral.province, literal(WHOLE_COUNTRY)):
        keys = [province, Referral.month, Referral.country, Referral.urgency]
        for table, column in (
            (referral_counts, Referral.status),
            (referral_needs, Referral.category_ids),
        ):
            selects.append(
                (
                    table,
                    select(*keys, column, func.count())
                    .where(*counted)
                    .group_by(*_grouped(keys), column),
                )
            )
        selects.append(
            (
                referrals_waiting,
                select(*keys, Referral.to_organisation_id, func.count())
                .where(*counted, Referral.status == "sent")
                .group_by(*_grouped(keys), Referral.to_organisation_id),
            )
        )
        for measure, column in (
            ("answer", Referral.answer_hours),
            ("completion", Referral.completion_hours),
        ):
            grain = [*keys, literal(measure), bucket(column)]
            selects.append(
                (
                    referral_times,
                    select(*grain, func.count())
                    .where(*counted, column.is_not(None))
                    .group_by(*_grouped(grain)),
                )
            )
    return selects


def _grouped(columns) -> list:
    """The columns to group by: literals are the same on every row and need no grouping."""
    return [c for c in columns if not isinstance(c, BindParameter)]


def _case_selects(as_of: datetime, ids=None) -> list[tuple]:
    counted = [Case.reporting_until > as_of]
    if ids is not None:
        counted.append(Case.id.in_(ids))
    place = [Case.identified_province, None, Case.identified_country]

    def keyed(month, *rest):
        keys = [place[0], month, place[2], *rest]
        return keys, select(*keys, func.count()).group_by(*keys)

    stage_keys, stages = keyed(month_of(Case.created_at), Case.stage)
    move_keys, moves = keyed(month_of(StageChange.at), StageChange.from_stage, StageChange.to_stage)
    need_keys, needs = keyed(month_of(CaseNeed.updated_at), CaseNeed.category_id, CaseNeed.status)
    return [
        (case_stages, stages.where(*counted)),
        (
            stage_moves,
            moves.join(Case, Case.id == StageChange.case_id).where(
                *counted, StageChange.from_stage.is_not(None)
            ),
        ),
        (
            case_needs,
            needs.join(Case, Case.id == CaseNeed.case_id).where(
                *counted, CaseNeed.status.in_(NEED_OUTCOMES)
            ),
        ),
    ]


def contributions(session, as_of: datetime, referral_ids=(), case_ids=()) -> Counter:
    """What these referrals and cases add to each row of the counts at `as_of`."""
    found: Counter = Counter()
    selects = []
    if referral_ids:
        selects += _referral_selects(as_of, sorted(referral_ids))
    if case_ids:
        selects += _case_selects(as_of, sorted(case_ids))
    for table, statement in selects:
        for *key, n in session.execute(statement):
            found[(table.name, tuple(key))] += n
    return found


def rebuild(as_of: datetime) -> None:
    """Count everything again from the referrals and cases (after an upgrade, or bulk loads)."""
    for table in FACT_TABLES:
        db.session.execute(delete(table))
    for table, statement in _referral_selects(as_of) + _case_selects(as_of):
        db.session.execute(insert(table).from_select([c.name for c in table.c], statement))
    _set_as_of(as_of)


def _set_as_of(as_of: datetime) -> None:
    if db.session.execute(update(facts_state).values(as_of=as_of)).rowcount == 0:
        db.session.execute(insert(facts_state).values(id=1, as_of=as_of))


def _locked_as_of(session) -> tuple[bool, datetime | None]:
    """Take the counts' lock (their state row) for this transaction; then their instant."""
    locked = session.execute(update(facts_state).values(as_of=facts_state.c.as_of)).rowcount
    return bool(locked), session.scalar(select(facts_state.c.as_of))


def apply(session, changes: Counter) -> None:
    """Add each change to its row, creating rows as needed, in one statement per table."""
    by_table: dict[str, list[dict]] = {}
    tables = {t.name: t for t in FACT_TABLES}
    for (name, key), n in changes.items():
        if n:
            columns = [c.name for c in tables[name].c][:-1]
            by_table.setdefault(name, []).append({**dict(zip(columns, key, strict=True)), "n": n})
    if not by_table:
        return
    if session.get_bind().dialect.name == "postgresql":
        from sqlalchemy.dialects.postgresql import insert as upsert
    else:
        from sqlalchemy.dialects.sqlite import insert as upsert
    for name, rows in by_table.items():
        table = tables[name]
        statement = upsert(table).values(rows)
        session.execute(
            statement.on_conflict_do_update(
                index_elements=[c for c in table.primary_key.columns],
                set_={"n": table.c.n + statement.excluded.n},
            )
        )


def catch_up(now: datetime) -> None:
    """Bring the counts to `now`: take away whose reporting consent ran out since they were
    taken, or count everything if they never were. Commits only when something changed."""
    as_of = facts_state.c.as_of
    ran_out = or_(
        exists().where(Referral.reporting_until > as_of, Referral.reporting_until <= now),
        exists().where(Case.reporting_until > as_of, Case.reporting_until <= now),
    )
    state = db.session.execute(select(as_of, ran_out)).one_or_none()
    if state is not None and state[0] is not None and not state[1]:
        return  # the usual case, in one indexed look
    _locked, as_of = _locked_as_of(db.session)
    if as_of is None:
        started = perf_counter()
        rebuild(now)
        current_app.logger.info(
            "Dashboard counts built from scratch in %.1f s", perf_counter() - started
        )
    elif ran_out := _ran_out(as_of, now):  # None when another request just did it
        referrals, cases = ran_out
        changes = contributions(db.session, now, referrals, cases)
        changes.subtract(contributions(db.session, as_of, referrals, cases))
        apply(db.session, changes)
        _set_as_of(now)
    db.session.commit()


def _ran_out(as_of: datetime, now: datetime) -> tuple[list[int], list[int]] | None:
    """The referrals and cases whose reporting consent ended in (as_of, now], if any."""
    referrals = db.session.scalars(
        select(Referral.id).where(Referral.reporting_until > as_of, Referral.reporting_until <= now)
    ).all()
    cases = db.session.scalars(
        select(Case.id).where(Case.reporting_until > as_of, Case.reporting_until <= now)
    ).all()
    return (referrals, cases) if referrals or cases else None


# Keeping the counts in step with every flush.

_PENDING = "dashboard_facts_before"
CASE_PARTS = (CaseNeed, StageChange)


def _touched(session) -> tuple[set[int], set[int]]:
    referrals, cases = set(), set()
    for obj in [*session.new, *session.dirty, *session.deleted]:
        if isinstance(obj, Referral) and obj.id is not None:
            referrals.add(obj.id)
        elif isinstance(obj, Case) and obj.id is not None:
            cases.add(obj.id)
        elif isinstance(obj, CASE_PARTS):
            # A need or stage change added through `case.needs` has no case_id until flushed.
            case_id = obj.case_id if obj.case_id is not None else getattr(obj.case, "id", None)
            if case_id is not None:
                cases.add(case_id)
    return referrals, cases


def _interesting(session) -> bool:
    kinds = (Referral, Case, *CASE_PARTS)
    return any(isinstance(o, kinds) for o in [*session.new, *session.dirty, *session.deleted])


@event.listens_for(Session, "before_flush")
def _before_flush(session: Session, _context, _instances) -> None:
    if not _interesting(session):
        return
    with session.no_autoflush:
        locked, as_of = _locked_as_of(session)
        if not locked or as_of is None:
            return  # the counts are not kept yet: they will be built from scratch
        referrals, cases = _touched(session)
        # What the rows already in the database contribute before this flush changes them.
        session.info[_PENDING] = (as_of, contributions(session, as_of, referrals, cases))


@event.listens_for(Session, "after_flush")
def _after_flush(session: Session, _context) -> None:
    pending = session.info.pop(_PENDING, None)
    if pending is None:
        return
    as_of, before = pending
    referrals, cases = _touched(session)
    changes = contributions(session, as_of, referrals, cases)
    changes.subtract(before)
    apply(session, changes)
