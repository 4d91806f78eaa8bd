"""Referrals end to end through the pages: send, inbox, answer, outcome, notifications."""

from datetime import timedelta

import pytest

from app.audit.models import AuditEvent
from app.extensions import db
from app.referrals.models import Referral
from app.referrals.services import ReferralError, act
from tests import factories, tracker
from tests.conftest import Browser


@pytest.fixture
def net(app):
    return tracker.network()


def _actions(prefix):
    return [e.action for e in db.session.scalars(db.select(AuditEvent).order_by(AuditEvent.seq))
            if e.action.startswith(prefix)]  # fmt: skip


def test_the_whole_loop_through_the_pages(app, client, net):
    case = tracker.case(net, identified_province="TH-50")
    tracker.consent(net, case, data=("identity", "needs"))
    sender = Browser(client)
    sender.login("sender@test.example")
    # From the need, the search is filtered by that need near the person's province.
    case_page = client.get(f"/cases/{case.code}").get_data(as_text=True)
    assert f"category=emergency_shelter&amp;case={case.code}" in case_page.replace(
        "place=Chiang+Mai&amp;", ""
    )
    assert "place=Chiang+Mai" in case_page
    new = f"/referrals/new?service={net.service.id}&case={case.code}&need=emergency_shelter"
    form = client.get(new).get_data(as_text=True)
    assert "Return and shelter programme" in form
    response = sender.submit(
        new,
        data={
            "case": case.code,
            "categories": [net.categories["emergency_shelter"].id],
            "urgency": "high",
            "note": "Arrives by bus at 18:00",
            "send": "1",
        },
    )
    assert response.status_code == 302
    referral = db.session.scalar(db.select(Referral))
    assert referral.status == "sent" and referral.urgency == "high"
    sender.logout()

    receiver = Browser(client)
    receiver.login("receiver@test.example")
    assert '<span class="badge count"' in client.get("/").get_data(as_text=True)
    inbox = client.get("/referrals").get_data(as_text=True)
    assert referral.code in inbox and "Sending Foundation" in inbox
    page = client.get(f"/referrals/{referral.code}").get_data(as_text=True)
    assert "Lan Nguyen" in page and "Arrives by bus at 18:00" in page
    url = f"/referrals/{referral.code}"
    assert (
        receiver.submit(url, f"{url}/accept", data={"version": referral.version}).status_code == 302
    )
    db.session.refresh(referral)
    refused = receiver.submit(
        url, f"{url}/complete", data={"version": referral.version, "note": ""}
    )
    assert refused.status_code == 422 and "Write the reason or the outcome." in refused.get_data(
        as_text=True
    )
    done = receiver.submit(
        url,
        f"{url}/complete",
        data={"version": referral.version, "note": "Stayed 3 weeks, then returned home safely"},
    )
    assert done.status_code == 302
    receiver.logout()

    sender.login("sender@test.example")
    notices = client.get("/notifications").get_data(as_text=True)
    assert "Your referral was accepted" in notices and "Your referral was completed" in notices
    timeline = client.get(f"/cases/{case.code}").get_data(as_text=True)
    assert "Stayed 3 weeks, then returned home safely" in timeline
    assert "Receiving Centre: Completed" in timeline
    db.session.refresh(case)
    assert case.needs[0].status == "met"
    assert [(h.from_status, h.to_status) for h in referral.history] == [
        (None, "draft"),
        ("draft", "sent"),
        ("sent", "accepted"),
        ("accepted", "completed"),
    ]
    assert _actions("referrals:referral:")[:3] == [
        "referrals:referral:create",
        "referrals:referral:send",
        "referrals:referral:read",
    ]


def test_concurrent_answers_one_wins_the_other_is_told(app, client, net):
    case = tracker.case(net)
    tracker.consent(net, case)
    referral = tracker.referral(net, case)
    colleague = factories.user("colleague@test.example", net.receiver_org, ["caseworker"])
    url = f"/referrals/{referral.code}"
    first, second = Browser(client), Browser(app.test_client())
    first.login("receiver@test.example")
    second.login(colleague.email)
    seen_version = referral.version  # both opened the page at this version
    assert first.submit(url, f"{url}/accept", data={"version": seen_version}).status_code == 302
    late = second.submit(url, f"{url}/decline", data={"version": seen_version, "note": "No beds"})
    assert late.status_code == 409
    assert "Someone else changed this referral after you opened it: it is now “Accepted”" in (
        late.get_data(as_text=True)
    )
    db.session.refresh(referral)
    assert referral.status == "accepted"
    assert [h.to_status for h in referral.history][-1] == "accepted"


def test_a_transition_from_the_wrong_state_is_refused(app, net):
    case = tracker.case(net)
    tracker.consent(net, case)
    referral = tracker.referral(net, case)
    with pytest.raises(ReferralError, match="cannot be changed that way"):
        act(referral, net.receiver, "complete", "Done", referral.version)


def test_the_sender_can_cancel_and_the_receiver_is_told(app, client, net):
    case = tracker.case(net)
    tracker.consent(net, case)
    referral = tracker.referral(net, case)
    act(referral, net.sender, "cancel", "Family found her", referral.version)
    assert referral.status == "cancelled"
    Browser(client).login("receiver@test.example")
    assert "A referral to you was cancelled" in client.get("/notifications").get_data(as_text=True)


def test_an_unanswered_referral_becomes_overdue(app, client, net):
    case = tracker.case(net)
    tracker.consent(net, case)
    normal = tracker.referral(net, case)
    urgent = tracker.referral(net, case, urgency="emergency")
    normal.sent_at -= timedelta(days=2)
    urgent.sent_at -= timedelta(days=1, minutes=5)
    db.session.commit()
    Browser(client).login("receiver@test.example")
    inbox = client.get("/referrals").get_data(as_text=True)
    overdue = inbox.split('id="box-overdue"')[1].split("</section>")[0]
    new = inbox.split('id="box-new"')[1].split("</section>")[0]
    assert urgent.code in overdue and normal.code not in overdue
    assert normal.code in new


def test_a_draft_is_not_seen_by_the_receiving_organisation(app, client, net):
    case = tracker.case(net)
    draft = tracker.referral(net, case, send=False)
    Browser(client).login("receiver@test.example")
    assert client.get(f"/referrals/{draft.code}").status_code == 404
    assert draft.code not in client.get("/referrals").get_data(as_text=True)


def test_no_email_is_attempted_by_default(app, net):
    assert app.config["MAIL_SERVER"] == ""
    case = tracker.case(net)
    tracker.consent(net, case)
    assert tracker.referral(net, case).status == "sent"  # no network, no error
