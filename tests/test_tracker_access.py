"""Nobody outside the owning organisation (or the consent) reaches a case, consent or referral.

Every page and HTMX fragment URL answers 404 to every other organisation and role, and each
refusal is audited.
"""

import pytest

from app.audit.models import AuditEvent
from app.extensions import db
from tests import factories, tracker
from tests.conftest import Browser

HTMX = {"HX-Request": "true", "HX-Target": "needs"}


@pytest.fixture
def world(app):
    net = tracker.network()
    case = tracker.case(net, name="Lan Nguyen")
    consent = tracker.consent(net, case)
    sent = tracker.referral(net, case)
    draft = tracker.referral(net, case, send=False)
    return net, case, consent, sent, draft


def _urls(case, consent, need_id):
    c = case.code
    return [
        ("GET", f"/cases/{c}", {}, None),
        ("GET", f"/cases/{c}/edit", {}, None),
        ("POST", f"/cases/{c}/edit", {"sex": "male", "identification_status": "presumed"}, None),
        ("POST", f"/cases/{c}/stage", {"stage": "protection"}, None),
        ("POST", f"/cases/{c}/needs", {"category": "1"}, HTMX),
        ("POST", f"/cases/{c}/needs/{need_id}", {"status": "met"}, HTMX),
        ("GET", f"/cases/{c}/consents/new", {}, None),
        ("POST", f"/cases/{c}/consents/new", {"kind": "reporting", "language": "en"}, None),
        ("GET", f"/cases/{c}/consents/{consent.id}/withdraw", {}, None),
        ("POST", f"/cases/{c}/consents/{consent.id}/withdraw", {"reason": "x"}, None),
    ]


def _referral_urls(sent, draft):
    rows = [("GET", f"/referrals/{r.code}", {}, None) for r in (sent, draft)]
    for action in ("send", "cancel", "accept", "decline", "complete", "not_complete"):
        rows.append(("POST", f"/referrals/{draft.code}/{action}", {"note": "x"}, None))
    for action in ("cancel", "accept", "decline"):
        rows.append(("POST", f"/referrals/{sent.code}/{action}", {"note": "x"}, None))
    return rows


# (who, their organisation, their roles)
OUTSIDERS = [
    ("caseworker of an uninvolved organisation", "outsider", ["caseworker"]),
    ("supervisor of an uninvolved organisation", "outsider", ["caseworker", "supervisor"]),
    ("directory editor of the case's organisation", "sender", ["directory_editor"]),
    ("coordinator of the case's organisation", "sender", ["coordinator"]),
    ("admin of the case's organisation", "sender", ["admin"]),
]


def _org(net, which):
    return {"outsider": net.outsider_org, "sender": net.sender_org,
            "receiver": net.receiver_org}[which]  # fmt: skip


def _refusals():
    return db.session.scalar(db.select(db.func.count()).select_from(AuditEvent).where(
        AuditEvent.action.like("%:refused")))  # fmt: skip


def _try_all(client, urls):
    web = Browser(client)
    token_page = "/"
    results = []
    for method, url, data, headers in urls:
        if method == "GET":
            response = client.get(url, headers=headers or {})
        else:
            response = web.submit(token_page, url, data=data, headers=headers)
        results.append((method, url, response.status_code, response.get_data(as_text=True)))
    return results


@pytest.mark.parametrize(("who", "which", "roles"), OUTSIDERS, ids=[o[0] for o in OUTSIDERS])
def test_every_case_consent_and_referral_url_is_a_404_for_outsiders(
    app, client, world, who, which, roles
):
    net, case, consent, sent, draft = world
    person = factories.user("visitor@test.example", _org(net, which), roles)
    Browser(client).login(person.email)
    urls = _urls(case, consent, case.needs[0].id) + _referral_urls(sent, draft)
    before = _refusals()
    for method, url, status, body in _try_all(client, urls):
        assert status == 404, f"{who}: {method} {url} answered {status}"
        assert "Lan Nguyen" not in body
    assert _refusals() - before == len(urls)
    db.session.refresh(case)
    db.session.refresh(sent)
    assert case.sex == "female" and case.stage == "identification" and sent.status == "sent"
    assert consent.withdrawn_at is None


def test_the_receiving_organisation_sees_the_referral_but_never_the_case(app, client, world):
    net, case, consent, sent, draft = world
    Browser(client).login("receiver@test.example")
    assert client.get(f"/referrals/{sent.code}").status_code == 200
    case_urls = _urls(case, consent, case.needs[0].id)
    for method, url, status, _body in _try_all(client, case_urls):
        assert status == 404, f"receiver: {method} {url} answered {status}"
    assert case.code not in client.get("/cases").get_data(as_text=True)


def test_signed_out_visitors_are_sent_to_sign_in(app, client, world):
    net, case, consent, sent, draft = world
    for url in (f"/cases/{case.code}", f"/referrals/{sent.code}", "/cases", "/referrals"):
        response = client.get(url)
        assert response.status_code == 302 and "/auth/login" in response.headers["Location"]


def test_every_read_is_audited_without_personal_values(app, client, world):
    net, case, consent, sent, draft = world
    Browser(client).login("sender@test.example")
    client.get(f"/cases/{case.code}")
    client.get(f"/referrals/{sent.code}")
    rows = list(db.session.scalars(db.select(AuditEvent).order_by(AuditEvent.seq)))
    reads = [(e.action, e.subject_id) for e in rows if e.action.endswith(":read")]
    assert ("cases:case:read", case.code) in reads
    assert ("referrals:referral:read", sent.code) in reads
    for event in rows:
        flat = " ".join(str(v) for v in vars(event).values())
        assert "Lan Nguyen" not in flat and "555 0101" not in flat
