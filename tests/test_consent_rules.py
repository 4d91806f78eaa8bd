"""Consent rules 1-6 of DESIGN.md, enforced in the service layer and seen through the pages."""

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from app.audit.models import AuditEvent
from app.consent.services import end_of_day, referral_consent, withdraw_consent
from app.database import utcnow
from app.extensions import db
from app.referrals.services import ReferralError, create_referral, send_referral
from tests import factories, tracker
from tests.conftest import Browser


@pytest.fixture
def app_config():
    return {"BABEL_DEFAULT_TIMEZONE": "Asia/Bangkok"}


@pytest.fixture
def net(app):
    return tracker.network()


def _draft(net, case, needs=("emergency_shelter",)):
    return tracker.referral(net, case, needs, send=False)


def test_rule_1_no_consent_no_sending_and_the_message_says_what_is_missing(app, client, net):
    case = tracker.case(net)
    draft = _draft(net, case)
    with pytest.raises(ReferralError) as refused:
        send_referral(draft, net.sender, draft.version)
    assert "No referral consent is recorded" in str(refused.value.messages[0])
    # The same, as the caseworker sees it: the draft page names what is missing.
    Browser(client).login("sender@test.example")
    page = client.get(f"/referrals/{draft.code}").get_data(as_text=True)
    assert "cannot be sent yet" in page and "No referral consent is recorded" in page
    db.session.refresh(draft)
    assert draft.status == "draft"


@pytest.mark.parametrize(
    ("consent_values", "message"),
    [
        ({"organisations": "outsider"}, "does not name Receiving Centre"),
        ({"needs": ("legal_aid",)}, "does not cover: Emergency shelter"),
        ({"kind": "services"}, "No referral consent is recorded"),
        ({"kind": "data_sharing"}, "No referral consent is recorded"),
    ],
)
def test_rule_1_the_consent_must_cover_the_organisation_and_the_needs(
    app, net, consent_values, message
):
    case = tracker.case(net)
    if consent_values.get("organisations") == "outsider":
        consent_values = {**consent_values, "organisations": [net.outsider_org]}
    tracker.consent(net, case, **consent_values)
    draft = _draft(net, case)
    with pytest.raises(ReferralError, match=message):
        send_referral(draft, net.sender, draft.version)


def test_rule_1_a_covering_consent_lets_it_go_and_is_recorded_on_the_referral(app, net):
    case = tracker.case(net)
    consent = tracker.consent(net, case)
    sent = tracker.referral(net, case)
    assert sent.status == "sent" and sent.consent_id == consent.id
    assert case.needs[0].status == "referred"


def test_rule_2_the_receiver_sees_only_the_consented_data(app, client, net):
    case = tracker.case(net, contact="+84 90 555 0101", name="Lan Nguyen")
    tracker.consent(net, case, data=("needs",))
    sent = tracker.referral(net, case)
    Browser(client).login("receiver@test.example")
    page = client.get(f"/referrals/{sent.code}").get_data(as_text=True)
    assert "Emergency shelter" in page
    assert "Lan Nguyen" not in page and "555 0101" not in page
    client.post("/auth/logout")


def test_rule_3_withdrawal_cuts_access_at_once_and_withdraws_open_referrals(app, client, net):
    case = tracker.case(net, name="Lan Nguyen")
    consent = tracker.consent(net, case, data=("identity", "needs"))
    sent = tracker.referral(net, case)
    receiver = Browser(client)
    receiver.login("receiver@test.example")
    assert "Lan Nguyen" in client.get(f"/referrals/{sent.code}").get_data(as_text=True)
    withdrawn = withdraw_consent(consent, net.sender, "She asked us to stop sharing.")
    assert [r.code for r in withdrawn] == [sent.code]
    db.session.refresh(sent)
    assert sent.status == "withdrawn"
    page = client.get(f"/referrals/{sent.code}").get_data(as_text=True)
    assert "Lan Nguyen" not in page and "No personal data is shared" in page
    assert "Withdrawn (consent withdrawn)" in page
    actions = [e.action for e in db.session.scalars(db.select(AuditEvent))]
    assert "consent:consent:withdraw" in actions and "referrals:referral:withdraw" in actions


def test_rule_3_through_the_withdraw_form(app, client, net):
    case = tracker.case(net)
    consent = tracker.consent(net, case)
    tracker.referral(net, case)
    web = Browser(client)
    web.login("sender@test.example")
    url = f"/cases/{case.code}/consents/{consent.id}/withdraw"
    empty = web.submit(url, data={"reason": ""})
    assert empty.status_code == 422 and "Write the reason." in empty.get_data(as_text=True)
    done = web.submit(url, data={"reason": "Withdrawn by phone"})
    assert done.status_code == 302
    page = client.get(f"/cases/{case.code}").get_data(as_text=True)
    assert "1 open referral was withdrawn" in page and "Consent withdrawn" in page


def test_rule_4_override_needs_the_permission_a_reason_and_leaves_marks(app, client, net):
    case = tracker.case(net)
    draft = _draft(net, case)
    with pytest.raises(ReferralError, match="Only a supervisor may override"):
        send_referral(draft, net.sender, draft.version, "Life in danger", ["needs"])
    supervisor = factories.user("lead@test.example", net.sender_org, ["caseworker", "supervisor"])
    db.session.refresh(draft)
    with pytest.raises(ReferralError, match="No referral consent"):
        send_referral(draft, supervisor, draft.version, "", ["needs"])
    web = Browser(client)
    web.login("lead@test.example")
    response = web.submit(
        f"/referrals/{draft.code}",
        f"/referrals/{draft.code}/send",
        data={
            "version": draft.version,
            "override_reason": "Threatened tonight; no time to reach her",
            "override_data": ["needs"],
        },
    )
    assert response.status_code == 302
    db.session.refresh(draft)
    assert draft.status == "sent" and draft.override_by_id == supervisor.id
    audit = db.session.scalar(
        db.select(AuditEvent).where(AuditEvent.action == "referrals:referral:consent_override")
    )
    assert audit.subject_id == draft.code and audit.user_id == supervisor.id
    case_page = client.get(f"/cases/{case.code}").get_data(as_text=True)
    assert "Consent was overridden for 1 referral" in case_page
    assert "Threatened tonight" in case_page


def test_rule_4_the_override_form_is_offered_to_supervisors_only(app, client, net):
    case = tracker.case(net)
    draft = _draft(net, case)
    web = Browser(client)
    web.login("sender@test.example")
    assert "Override consent" not in client.get(f"/referrals/{draft.code}").get_data(as_text=True)
    forged = web.submit(
        f"/referrals/{draft.code}",
        f"/referrals/{draft.code}/send",
        data={"version": draft.version, "override_reason": "x", "override_data": ["needs"]},
    )
    assert forged.status_code == 422
    assert "Only a supervisor may override consent." in forged.get_data(as_text=True)


def test_a_child_needs_a_guardian_or_a_best_interests_determination_and_assent(app, net):
    child = tracker.case(net, estimated_age=14)
    with pytest.raises(Exception, match="record the child's own assent"):
        tracker.consent(net, child, given_by="person")
    tracker.consent(net, child, given_by="person", child_assent="given")
    draft = _draft(net, child)
    with pytest.raises(ReferralError, match="parent's or guardian's consent"):
        send_referral(draft, net.sender, draft.version)
    tracker.consent(net, child, given_by="guardian", child_assent="given")
    db.session.refresh(draft)
    send_referral(draft, net.sender, draft.version)
    assert draft.status == "sent"


def test_a_childs_best_interests_determination_stands_for_the_guardian(app, net):
    child = tracker.case(
        net,
        estimated_age=16,
        best_interests_on=date(2026, 11, 1),
        best_interests_by="Social welfare officer",
        best_interests_outcome="Referral to shelter is in her best interests",
    )
    tracker.consent(net, child, given_by="person", child_assent="given")
    sent = tracker.referral(net, child)
    assert sent.status == "sent"


def test_rule_6_expiry_is_judged_in_the_network_time_zone(app, net):
    bangkok = ZoneInfo("Asia/Bangkok")
    day = (utcnow() + timedelta(days=5)).astimezone(bangkok).date()
    ends = end_of_day(day)
    assert ends.tzinfo is not None
    assert ends == datetime(day.year, day.month, day.day, 17, 0, tzinfo=ZoneInfo("UTC"))
    case = tracker.case(net)
    consent = tracker.consent(net, case, expires_on=day)
    assert consent.expires_at == ends
    categories = [net.categories["emergency_shelter"]]
    at_2359_bangkok = ends - timedelta(minutes=1)
    at_0001_next_day = ends + timedelta(minutes=1)
    assert referral_consent(case, net.receiver_org, categories, at_2359_bangkok)[0] == consent
    found, missing = referral_consent(case, net.receiver_org, categories, at_0001_next_day)
    assert found is None and "expired" in str(missing[0])


def test_a_referral_is_refused_for_a_closed_case_or_an_unlisted_need(app, net):
    case = tracker.case(net)
    with pytest.raises(ReferralError, match="at least one need"):
        create_referral(case, net.sender, net.service, [], "normal", "")
    with pytest.raises(ReferralError, match="how urgent"):
        create_referral(
            case, net.sender, net.service, [net.categories["emergency_shelter"].id], "whenever", ""
        )
