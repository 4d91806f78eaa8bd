"""The dashboard's figures against an independent count, the small-number rule, and privacy."""

import csv
import io
import random
from datetime import UTC, datetime, timedelta

import pytest

from app.cases.models import STAGES, Case
from app.cases.services import change_stage
from app.consent.services import withdraw_consent
from app.dashboard.privacy import protect_row
from app.database import utcnow
from app.extensions import db
from app.referrals.models import Referral
from app.referrals.services import act
from tests import factories, tracker
from tests.conftest import Browser

PROVINCES = ("TH-50", "TH-10")


@pytest.fixture
def app_config():
    return {"DASHBOARD_MIN_COUNT": 3}


@pytest.fixture
def seeded(app):
    """About forty referrals with varied answers and delays; some cases may not be counted."""
    rng = random.Random(7)
    net = tracker.network()
    coordinator = factories.user("coord@test.example", net.sender_org, ["coordinator"])
    uncounted = []
    for number in range(24):
        case = tracker.case(
            net,
            identified_country="TH",
            identified_province=PROVINCES[number % 2],
            needs=["emergency_shelter", "safe_return"],
        )
        tracker.consent(net, case, needs=("emergency_shelter", "safe_return"))
        reporting = number % 6 != 5  # every sixth case gave no reporting consent
        if reporting:
            consent = tracker.consent(net, case, kind="reporting", organisations=[], data=())
            if number == 0:
                withdraw_consent(consent, net.sender, "No longer wants to be counted")
                reporting = False
        if not reporting:
            uncounted.append(case.id)
        if number % 3 == 0:
            change_stage(case, net.sender, "protection")
        if number % 9 == 0:
            change_stage(case, net.sender, "identification", "Back in danger")
        for _ in range(rng.choice((1, 2))):
            need = rng.choice(("emergency_shelter", "safe_return"))
            referral = tracker.referral(
                net, case, needs=(need,), urgency=rng.choice(("normal", "high", "emergency"))
            )
            referral.sent_at -= timedelta(hours=rng.randint(1, 200))
            db.session.commit()
            fate = rng.choice(("wait", "accept", "decline", "complete", "complete"))
            if fate == "wait":
                continue
            act(
                referral,
                net.receiver,
                "decline" if fate == "decline" else "accept",
                "No beds" if fate == "decline" else "",
                referral.version,
            )
            if fate == "complete":
                referral.answered_at -= timedelta(hours=rng.randint(0, 2))
                db.session.commit()
                act(referral, net.receiver, "complete", "Stayed", referral.version)
    return net, coordinator, set(uncounted)


def _csv(client, url) -> dict:
    response = client.get(url)
    assert response.status_code == 200 and response.mimetype == "text/csv"
    rows = list(csv.reader(io.StringIO(response.get_data(as_text=True).lstrip("\ufeff"))))
    return {row[0]: row[1:] for row in rows[1:]}


def _counted(uncounted):
    return [
        r
        for r in db.session.scalars(db.select(Referral))
        if r.case_id not in uncounted and r.sent_at is not None
    ]


def _nearest_rank(values, percent):
    values = sorted(values)
    rank = -(-len(values) * percent // 100)
    return values[max(rank, 1) - 1]


def _hours(start, end):
    return int((end - start).total_seconds() // 3600)


def _shown(hours):
    """A duration as the dashboard shows it: hours under two days, whole days after."""
    return f"{hours} h" if hours < 48 else f"{hours // 24} days"


def test_referral_figures_equal_an_independent_count(app, client, seeded):
    net, coordinator, uncounted = seeded
    Browser(client).login(coordinator.email)
    counted = _counted(uncounted)
    by_status = _csv(client, "/dashboard/status.csv")
    for label, status in (
        ("Sent", "sent"),
        ("Accepted", "accepted"),
        ("Declined", "declined"),
        ("Completed", "completed"),
    ):
        expected = sum(r.status == status for r in counted)
        shown = by_status[label][0]
        assert shown == (str(expected) if expected >= 3 or expected == 0 else "<3") or (
            shown == "×"
        ), (label, shown, expected)
    assert by_status["Total"] == [str(len(counted))]
    by_need = _csv(client, "/dashboard/needs.csv")
    shelter = sum(any(c.code == "emergency_shelter" for c in r.categories) for r in counted)
    assert by_need["Emergency shelter"] == [str(shelter)]

    answered = [r for r in counted if r.answered_at]
    accepted = [r for r in answered if r.status != "declined"]
    answer_hours = [_hours(r.sent_at, r.answered_at) for r in answered]
    done_hours = [_hours(r.sent_at, r.finished_at) for r in counted if r.status == "completed"]
    summary = {k: v[0] for k, v in _csv(client, "/dashboard/summary.csv").items()}
    rate = round(100 * len(accepted) / len(answered))
    assert summary["Acceptance rate (of the referrals answered)"] == f"{rate}%"
    assert summary["Time to answer: median"] == _shown(_nearest_rank(answer_hours, 50))
    assert summary["Time to answer: 90th percentile"] == _shown(_nearest_rank(answer_hours, 90))
    assert summary["Time to completion: median"] == _shown(_nearest_rank(done_hours, 50))
    assert summary["Time to completion: 90th percentile"] == _shown(_nearest_rank(done_hours, 90))


def test_case_figures_equal_an_independent_count(app, client, seeded):
    net, coordinator, uncounted = seeded
    Browser(client).login(coordinator.email)
    cases = [c for c in db.session.scalars(db.select(Case)) if c.id not in uncounted]
    stages = _csv(client, "/dashboard/stages.csv")
    labels = ("Identification", "Protection and support", "Recovery and reintegration", "Closed")
    counts = [sum(c.stage == s for c in cases) for s in STAGES]
    cells, total = protect_row(counts, 3)  # the independent counts, hidden by the rule
    assert [stages[label][0] for label in labels] == [c.text(3) for c in cells]
    assert stages["Total"] == [total.text(3)] == [str(len(cases))]
    gaps = _csv(client, "/dashboard/gaps.csv")
    for province, name in (("TH-50", "Chiang Mai"), ("TH-10", "Krung Thep Maha Nakhon")):
        met = sum(
            n.status == "met" and n.category.code == "emergency_shelter"
            for c in cases
            if c.identified_province == province
            for n in c.needs
        )
        row = next(
            (v for k, v in gaps.items() if k.startswith("Emergency shelter") and name in k), None
        )
        if met == 0 and row is None:
            continue
        assert row[0] in (str(met), "<3", "×"), (province, row, met)
        if met >= 3 and row[0] != "×":
            assert row[0] == str(met)


def test_cases_without_reporting_consent_are_never_counted(app, client, seeded):
    net, coordinator, uncounted = seeded
    Browser(client).login(coordinator.email)
    everyone = [r for r in db.session.scalars(db.select(Referral)) if r.sent_at is not None]
    total = _csv(client, "/dashboard/status.csv")["Total"][0]
    assert int(total) == len(everyone) - sum(r.case_id in uncounted for r in everyone)
    assert int(total) < len(everyone)


def test_no_case_code_or_name_appears_on_the_dashboard_or_its_csv(app, client, seeded):
    net, coordinator, uncounted = seeded
    Browser(client).login(coordinator.email)
    pages = [client.get("/dashboard").get_data(as_text=True)]
    for table in ("summary", "status", "needs", "overdue", "stages", "flow", "gaps", "freshness"):
        pages.append(client.get(f"/dashboard/{table}.csv").get_data(as_text=True))
    codes = [c.code for c in db.session.scalars(db.select(Case))]
    codes += [r.code for r in db.session.scalars(db.select(Referral))]
    for text in pages:
        assert "Lan Nguyen" not in text and "555 0101" not in text
        assert not any(code in text for code in codes)


def test_coordinators_see_no_case_pages_and_caseworkers_no_network_dashboard(app, client, seeded):
    net, coordinator, uncounted = seeded
    web = Browser(client)
    web.login(coordinator.email)
    case = db.session.scalar(db.select(Case))
    assert client.get(f"/cases/{case.code}").status_code == 404
    web.logout()
    web.login("sender@test.example")
    assert client.get("/dashboard").status_code == 403
    own = client.get("/dashboard/organisation?direction=sent")
    assert own.status_code == 200 and "Our organisation" in own.get_data(as_text=True)


def test_the_organisation_view_counts_only_its_own_referrals(app, client, seeded):
    net, coordinator, uncounted = seeded
    Browser(client).login("outsider@test.example")
    totals = _csv(client, "/dashboard/organisation/status.csv")
    assert totals["Total"] == ["0"]


@pytest.mark.parametrize("view", ["/dashboard", "/dashboard/organisation"])
def test_a_need_filter_counts_the_referrals_and_cases_with_that_need(app, client, seeded, view):
    net, coordinator, uncounted = seeded
    Browser(client).login(coordinator.email if view == "/dashboard" else "sender@test.example")
    assert client.get(f"{view}?category=safe_return").status_code == 200
    counted = _counted(uncounted)
    returns = sum(any(c.code == "safe_return" for c in r.categories) for r in counted)
    shown = _csv(client, f"{view}/status.csv?category=safe_return")["Total"][0]
    assert shown == (str(returns) if returns >= 3 or not returns else "<3")
    # Needs by place: the needs of the cases that have this need, of every kind.
    cases = [
        c
        for c in db.session.scalars(db.select(Case))
        if c.id not in uncounted and any(n.category.code == "safe_return" for n in c.needs)
    ]
    outcomes = sum(n.status in ("met", "unmet", "declined") for c in cases for n in c.needs)
    gaps = _csv(client, f"{view}/gaps.csv?category=safe_return")
    assert sum(int(row[3]) for row in gaps.values() if row[3].isdigit()) <= outcomes
    assert len(gaps) == len(
        {
            (n.category_id, c.identified_province)
            for c in cases
            for n in c.needs
            if n.status in ("met", "unmet", "declined")
        }
    )


@pytest.mark.parametrize(
    "bad",
    [
        "from=2026-13",
        "to=soon",
        "from=2026-10&to=2026-01",
        "country=XX",
        "province=VN-HN&country=TH",
        "category=nope",
        "urgency=asap",
        "organisation=NOPE",
    ],
)
def test_bad_filters_are_named_and_ignored(app, client, login_as, bad):
    factories.taxonomy()
    login_as(["coordinator"])
    response = client.get(f"/dashboard?{bad}")
    assert response.status_code == 200
    assert 'class="error-summary" role="alert"' in response.get_data(as_text=True)


def test_filters_narrow_the_figures(app, client, seeded):
    net, coordinator, uncounted = seeded
    Browser(client).login(coordinator.email)
    counted = _counted(uncounted)
    chiang_mai = sum(r.province == "TH-50" for r in counted)
    shown = _csv(client, "/dashboard/status.csv?province=TH-50")["Total"][0]
    assert shown == (str(chiang_mai) if chiang_mai >= 3 else "<3")
    urgent = sum(r.urgency == "emergency" for r in counted)
    shown = _csv(client, "/dashboard/status.csv?urgency=emergency")["Total"][0]
    assert shown == (str(urgent) if urgent >= 3 else "<3")


def test_csv_comes_in_the_readers_language_and_never_runs_as_a_formula(app, client, login_as):
    from flask_babel import force_locale
    from flask_babel import gettext as _

    factories.taxonomy()
    evil = factories.organisation("EVIL", '=HYPERLINK("http://x")', "TH")
    categories = factories.taxonomy()
    factories.service(evil, [categories["legal_aid"]], name="Plain name")
    login_as(["coordinator"])
    web = Browser(client)
    web.submit("/", "/language", data={"locale": "th", "next": "/"})
    text = client.get("/dashboard/freshness.csv").get_data(as_text=True).lstrip("\ufeff")
    rows = list(csv.reader(io.StringIO(text)))
    with app.test_request_context(), force_locale("th"):
        assert rows[0][0] == _("Organisation") != "Organisation"
    names = [row[0] for row in rows[1:]]
    assert '\'=HYPERLINK("http://x")' in names
    assert not any(name.startswith(("=", "+", "-", "@")) for name in names)


def test_an_unknown_table_is_a_404(app, client, login_as):
    factories.taxonomy()
    login_as(["coordinator"])
    assert client.get("/dashboard/cases-by-name.csv").status_code == 404


def test_a_coordinator_with_a_scope_sees_only_those_countries(app, client, seeded, admin_user):
    net, coordinator, uncounted = seeded
    web = Browser(client)
    web.login(admin_user.email)
    page = f"/admin/users/{coordinator.id}"
    saved = web.submit(page, f"{page}/roles", data={"roles": ["coordinator"], "scope": ["VN"]})
    assert saved.status_code == 302
    web.logout()
    web.login(coordinator.email)
    assert _csv(client, "/dashboard/status.csv")["Total"] == ["0"]  # all cases are in Thailand
    refused = client.get("/dashboard?country=TH").get_data(as_text=True)
    assert "Choose a country from the list." in refused
    stages = _csv(client, "/dashboard/stages.csv?country=TH")
    assert stages["Total"] == ["0"]


def test_overdue_moves_and_freshness_equal_an_independent_count(app, client, seeded):
    net, coordinator, uncounted = seeded
    Browser(client).login(coordinator.email)
    now = datetime.now(UTC)
    counted = _counted(uncounted)
    late = sum(
        r.status == "sent"
        and now - r.sent_at > timedelta(days=1 if r.urgency == "emergency" else 3)
        for r in counted
    )
    overdue = _csv(client, "/dashboard/overdue.csv")
    assert overdue.get("Receiving Centre", ["0"])[0] == (
        str(late) if late >= 3 or not late else "<3"
    )
    moves = _csv(client, "/dashboard/flow.csv")
    changes = [
        c
        for case in db.session.scalars(db.select(Case))
        if case.id not in uncounted
        for c in case.stage_changes
        if c.from_stage
    ]
    forward = sum(c.to_stage == "protection" for c in changes)
    back = sum(c.to_stage == "identification" for c in changes)
    cells, total = protect_row([forward, back], 3)
    assert moves["Identification → Protection and support"] == [cells[0].text(3)]
    assert moves["Stepped back (re-trafficked, crisis)"] == [cells[1].text(3)]
    assert moves["Total"] == [total.text(3)] == [str(forward + back)]
    fresh = _csv(client, "/dashboard/freshness.csv")
    assert fresh["Receiving Centre"] == ["1", "1", "100%"]


def test_a_referral_for_several_needs_is_counted_under_each(app, client):
    net = tracker.network()
    coordinator = factories.user("coord@test.example", net.sender_org, ["coordinator"])
    needs = ("emergency_shelter", "safe_return")
    for _ in range(3):
        case = tracker.case(net, identified_country="TH", identified_province="TH-50", needs=needs)
        tracker.consent(net, case, needs=needs)
        tracker.consent(net, case, kind="reporting", organisations=[], data=())
        referral = tracker.referral(net, case, needs=needs)
        # The dashboard reads the needs kept on the referral's own row.
        ids = sorted(c.id for c in referral.categories)
        assert referral.category_ids == "," + ",".join(map(str, ids)) + ","
    Browser(client).login(coordinator.email)
    by_need = _csv(client, "/dashboard/needs.csv")
    assert by_need["Emergency shelter"] == ["3"]
    assert by_need["Safe return home"] == ["3"]
    assert _csv(client, "/dashboard/status.csv")["Total"] == ["3"]


def test_the_page_shows_the_places_with_most_unmet_needs_and_the_csv_all(
    app, client, seeded, monkeypatch
):
    from app.dashboard import views

    net, coordinator, _ = seeded
    Browser(client).login(coordinator.email)
    everything = _csv(client, "/dashboard/gaps.csv")
    assert len(everything) >= 2
    # An organisation whose only listing was last verified two years ago.
    stale = factories.organisation("MY-STALE", "Stale Listings Society", "MY")
    factories.service(
        stale, [net.categories["safe_return"]], last_verified_at=utcnow() - timedelta(days=730)
    )
    db.session.commit()
    monkeypatch.setattr(views, "ROWS_ON_PAGE", 1)
    page = client.get("/dashboard").get_data(as_text=True)
    section = page.split('id="t-gaps"')[1].split("</section>")[0]
    shown = [label for label in everything if f">{label}</th>" in section]
    assert len(shown) == 1
    assert f"The 1 rows with the most unmet needs, of {len(everything)}" in section
    assert len(_csv(client, "/dashboard/gaps.csv")) == len(everything)
    # Freshness: the least verified organisation first; the CSV has every one.
    section = page.split('id="t-freshness"')[1].split("</section>")[0]
    assert "Stale Listings Society" in section and "Receiving Centre" not in section
    assert "The 1 organisations with the smallest share of listings verified, of 2" in section
    fresh = _csv(client, "/dashboard/freshness.csv")
    assert fresh == {
        "Stale Listings Society": ["1", "0", "0%"],
        "Receiving Centre": ["1", "1", "100%"],
    }


def test_a_month_past_this_century_is_refused_with_a_message(app, client, seeded):
    """A month such as 9999-12 would end in the year 10000: the filter names it, the page shows."""
    _net, coordinator, _uncounted = seeded
    web = Browser(client)
    web.login(coordinator.email)
    page = web.get("/dashboard?from=9999-12&to=9999-12")
    assert page.status_code == 200
    assert "Give the first month as YYYY-MM." in page.get_data(as_text=True)
