"""The dashboard's monthly counts stay equal to a count from scratch through everything a
caseworker does, through consent running out, and after an upgrade of a database in use; and
the figures read from them equal the figures read from the referrals themselves."""

from datetime import date, timedelta

import pytest
from sqlalchemy import select, update

from app.cases.services import CaseData, add_need, change_stage, set_need_status, update_case
from app.consent.services import consents_of, end_of_day, withdraw_consent
from app.dashboard import facts, filters, monthly, queries, report
from app.dashboard.models import FACT_TABLES, facts_state
from app.database import utcnow
from app.directory import services as directory
from app.extensions import db
from app.referrals.models import Referral
from app.referrals.services import act
from tests import factories, tracker
from tests.conftest import Browser


def _kept() -> dict:
    """Every non-zero row of the counts, as they are in the database."""
    rows = {}
    for table in FACT_TABLES:
        for *key, n in db.session.execute(select(table)):
            if n:
                rows[(table.name, tuple(key))] = n
    return rows


def _from_scratch(as_of) -> dict:
    referrals = db.session.scalars(select(Referral.id)).all()
    cases = db.session.scalars(select(queries.Case.id)).all()
    found = facts.contributions(db.session, as_of, referrals, cases)
    return {key: n for key, n in found.items() if n}


def _as_of():
    return db.session.scalar(select(facts_state.c.as_of))


@pytest.fixture
def activity(app):
    """A small network's work through the app's own use cases, in two provinces."""
    net = tracker.network()
    cases = []
    for number in range(6):
        case = tracker.case(
            net,
            identified_country="TH",
            identified_province=("TH-50", "TH-10")[number % 2],
            needs=["safe_return"] if number == 5 else ["emergency_shelter", "safe_return"],
        )
        tracker.consent(net, case, needs=("emergency_shelter", "safe_return"))
        expires = date.today() + timedelta(days=10) if number == 3 else None
        tracker.consent(net, case, kind="reporting", organisations=[], data=(), expires_on=expires)
        cases.append(case)
    referrals = [
        tracker.referral(net, case, needs=needs, urgency=urgency)
        for case, needs, urgency in (
            (cases[0], ("emergency_shelter",), "emergency"),
            (cases[0], ("safe_return",), "normal"),
            (cases[1], ("emergency_shelter", "safe_return"), "high"),
            (cases[2], ("safe_return",), "normal"),
            (cases[3], ("emergency_shelter",), "normal"),
            (cases[4], ("emergency_shelter",), "high"),
        )
    ]
    act(referrals[0], net.receiver, "accept", "", referrals[0].version)
    act(referrals[0], net.receiver, "complete", "Stayed three weeks", referrals[0].version)
    act(referrals[1], net.receiver, "decline", "No beds", referrals[1].version)
    act(referrals[2], net.receiver, "accept", "", referrals[2].version)
    act(referrals[3], net.receiver, "accept", "", referrals[3].version)
    act(referrals[3], net.receiver, "not_complete", "Left the shelter", referrals[3].version)
    change_stage(cases[0], net.sender, "protection")
    change_stage(cases[0], net.sender, "reintegration")
    change_stage(cases[1], net.sender, "protection")
    change_stage(cases[1], net.sender, "identification", "Back in danger")
    need = cases[2].needs[0]
    set_need_status(cases[2], net.sender, need.id, "unmet")
    set_need_status(cases[4], net.sender, cases[4].needs[1].id, "met")
    added = add_need(cases[5], net.sender, net.categories["emergency_shelter"].id)
    set_need_status(cases[5], net.sender, added.id, "declined")
    return net, cases, referrals


def test_every_use_case_keeps_the_counts_equal_to_a_count_from_scratch(app, activity):
    net, cases, referrals = activity
    assert _kept() == _from_scratch(_as_of())
    assert _kept(), "the activity was counted"

    # The case moves to another province: its stage, moves and needs move with it; its
    # referrals stay where they were sent from.
    data = CaseData(
        name="Lan Nguyen",
        contact="+84 90 555 0101",
        sex="female",
        estimated_age=24,
        identified_country="TH",
        identified_province="TH-30",
    )
    update_case(cases[2], net.sender, data, cases[2].version)
    assert ("dashboard_case_needs", "TH-30") in {(k[0], k[1][0]) for k in _kept()}
    assert _kept() == _from_scratch(_as_of())

    # Reporting consent withdrawn: nothing of that case or its referrals is counted any more.
    reporting = [c for c in consents_of(cases[1]) if c.kind == "reporting"][0]
    before = sum(n for (name, _), n in _kept().items() if name == "dashboard_referrals")
    withdraw_consent(reporting, net.sender, "Does not want to be counted")
    after = sum(n for (name, _), n in _kept().items() if name == "dashboard_referrals")
    assert before - after == 2  # one referral, in its province's row and its country's row
    assert _kept() == _from_scratch(_as_of())

    act(referrals[2], net.receiver, "complete", "Went home", referrals[2].version)
    assert _kept() == _from_scratch(_as_of())


def test_consent_running_out_is_taken_away_before_the_dashboard_reads(app, activity):
    net, cases, referrals = activity
    later = end_of_day(date.today() + timedelta(days=10)) + timedelta(minutes=1)
    counted_now = _kept()
    facts.catch_up(later)
    assert _as_of() == later
    assert _kept() == _from_scratch(later)
    assert _kept() != counted_now  # the case whose consent ran out is gone
    facts.catch_up(later + timedelta(days=1))  # nothing ran out since: nothing changes
    assert _as_of() == later


def test_a_database_in_use_is_counted_from_scratch_on_the_first_view(app, client, activity):
    net, _, referrals = activity
    coordinator = factories.user("coord@test.example", net.sender_org, ["coordinator"])
    counted = _kept()
    for table in FACT_TABLES:
        db.session.execute(table.delete())
    db.session.execute(update(facts_state).values(as_of=None))  # as migration 0009 leaves it
    db.session.commit()
    # Work done meanwhile is left to the count from scratch.
    act(referrals[4], net.receiver, "decline", "Full", referrals[4].version)
    Browser(client).login(coordinator.email)
    assert client.get("/dashboard").status_code == 200
    assert _as_of() is not None
    assert _kept() == _from_scratch(_as_of())
    assert _kept() != counted


@pytest.mark.parametrize(
    "args",
    [
        {},
        {"country": "TH"},
        {"province": "TH-50"},
        {"province": "TH-30"},
        {"urgency": "high"},
        {"country": "VN"},
        {"from": "2020-01", "to": "2020-12"},
    ],
)
def test_figures_from_the_counts_equal_figures_from_the_referrals(app, activity, args):
    now = utcnow()
    with app.test_request_context():
        chosen = filters.parse(args, now.date(), directory.categories())
        assert not chosen.errors and monthly.answers(chosen, None)
        counted = report.gather(chosen, None, now)
        direct = {}
        where = queries.referral_conditions(chosen, None, now)
        case_where = queries.case_conditions(chosen, None, now)
        direct["status"] = queries.by_status(where)
        direct["categories"] = queries.by_category(where)
        direct["answer"] = queries.durations(where, Referral.answer_hours)
        direct["completion"] = queries.durations(where, Referral.completion_hours)
        direct["stages"] = queries.cases_by_stage(case_where)
        direct["flow"] = queries.stage_flow(case_where, chosen)
        direct["needs"] = queries.needs_by_place(case_where, chosen)
        direct["overdue"] = queries.overdue_by_organisation(where, now)
    assert counted == direct
    if not args:
        assert sum(counted["status"].values()) == 6  # every referral sent, every case counted
