"""Cases: pseudonymous codes, encryption at rest, the stage machine, needs, stale saves."""

import re

import pytest
from cryptography.fernet import Fernet
from sqlalchemy import text

from app.audit.models import AuditEvent
from app.cases.models import CODE_ALPHABET, Case
from app.cases.services import CaseError, change_stage
from app.extensions import db
from tests import tracker
from tests.conftest import Browser

CODE = re.compile(rf"^[{CODE_ALPHABET}]{{4}}-[{CODE_ALPHABET}]{{4}}-[{CODE_ALPHABET}]{{4}}$")


@pytest.fixture
def net(app):
    return tracker.network()


def test_opening_a_case_gives_a_code_and_keeps_the_name_encrypted(app, client, net):
    web = Browser(client)
    web.login("sender@test.example")
    response = web.submit(
        "/cases/new",
        data={
            "name": "Mai Tran",
            "contact": "+84 91 555 0199",
            "sex": "female",
            "estimated_age": "19",
            "identified_country": "TH",
            "identified_province": "TH-50",
            "identification_status": "presumed",
            "needs": [str(net.categories["emergency_shelter"].id)],
        },
    )
    assert response.status_code == 302
    case = db.session.scalar(db.select(Case))
    assert CODE.match(case.code)
    assert response.headers["Location"].endswith(f"/cases/{case.code}")
    page = client.get(f"/cases/{case.code}").get_data(as_text=True)
    assert "Mai Tran" in page and "+84 91 555 0199" in page
    raw = db.session.execute(text("SELECT name_encrypted, contact_encrypted FROM cases")).one()
    assert "Mai" not in raw[0] and "0199" not in raw[1]
    # The list and the audit trail know the code only.
    listing = client.get("/cases").get_data(as_text=True)
    assert case.code in listing and "Mai Tran" not in listing
    actions = {e.action: e.subject_id for e in db.session.scalars(db.select(AuditEvent))}
    assert actions["cases:case:create"] == case.code and actions["cases:case:read"] == case.code


def test_a_blank_choice_is_kept_as_not_known(app, client, net):
    web = Browser(client)
    web.login("sender@test.example")
    response = web.submit("/cases/new", data={
        "sex": "female", "nationality": " ", "identified_country": " ",
        "identified_province": " ", "identification_status": "presumed",
        "needs": [str(net.categories["emergency_shelter"].id)],
    })  # fmt: skip
    assert response.status_code == 302
    case = db.session.scalar(db.select(Case))
    assert (case.nationality, case.identified_country, case.identified_province) == ("", "", "")


def test_codes_are_not_guessable_from_one_another(app, net):
    codes = [tracker.case(net).code for _ in range(20)]
    assert len(set(codes)) == 20
    assert all(CODE.match(code) for code in codes)
    # No shared prefix that counts up.
    assert len({code[:4] for code in codes}) > 10


def test_a_wrong_data_key_is_a_clear_message_not_a_crash(app, client, net, monkeypatch):
    case = tracker.case(net)
    app.extensions["pathways_cipher"] = __import__("app.cases.crypto").cases.crypto.check_key(
        Fernet.generate_key().decode()
    )
    Browser(client).login("sender@test.example")
    response = client.get(f"/cases/{case.code}")
    assert response.status_code == 200
    assert "is not the one they were saved with" in response.get_data(as_text=True)


def test_a_child_is_flagged_and_gets_the_special_measures(app, client, net):
    case = tracker.case(
        net,
        estimated_age=15,
        guardian_name="Uncle Minh",
        guardian_organisation="Provincial Child Protection Office",
    )
    Browser(client).login("sender@test.example")
    page = client.get(f"/cases/{case.code}").get_data(as_text=True)
    assert "Child special measures" in page and "Uncle Minh" in page
    adult = tracker.case(net, estimated_age=30)
    assert "Child special measures" not in client.get(f"/cases/{adult.code}").get_data(as_text=True)
    unknown = tracker.case(net, estimated_age=None, presumed_child=True)
    assert unknown.is_child(unknown.created_at.date())


@pytest.mark.parametrize(
    ("path", "note", "reason", "message"),
    [
        (["reintegration"], "", "", "one stage at a time"),
        (["protection", "identification"], "", "", "steps back"),
        (["closed"], "", "", "Say why the case is closed"),
    ],
)
def test_the_stage_machine_refuses_what_it_must(app, net, path, note, reason, message):
    case = tracker.case(net)
    for stage in path[:-1]:
        change_stage(case, net.sender, stage)
    with pytest.raises(CaseError, match=message):
        change_stage(case, net.sender, path[-1], note, reason)


def test_stage_changes_are_history_rows_shown_on_the_timeline(app, client, net):
    case = tracker.case(net)
    web = Browser(client)
    web.login("sender@test.example")
    page = f"/cases/{case.code}"
    assert (
        web.submit(
            page, f"{page}/stage", data={"stage": "protection", "version": case.version}
        ).status_code
        == 302
    )
    db.session.refresh(case)
    refused = web.submit(
        page, f"{page}/stage", data={"stage": "identification", "version": case.version}
    )
    assert refused.status_code == 422
    assert "steps back" in refused.get_data(as_text=True)
    db.session.refresh(case)
    back = web.submit(
        page,
        f"{page}/stage",
        data={"stage": "identification", "note": "Re-trafficked in March", "version": case.version},
    )
    assert back.status_code == 302
    db.session.refresh(case)
    assert [(c.from_stage, c.to_stage) for c in case.stage_changes] == [
        (None, "identification"),
        ("identification", "protection"),
        ("protection", "identification"),
    ]
    timeline = client.get(page).get_data(as_text=True)
    assert "Re-trafficked in March" in timeline and "(step back)" in timeline


def test_a_stale_edit_is_refused_and_changes_nothing(app, client, net):
    case = tracker.case(net, nationality="VN")
    web = Browser(client)
    web.login("sender@test.example")
    edit = f"/cases/{case.code}/edit"
    old_version = case.version
    web.submit(
        edit,
        data={
            "sex": "female",
            "nationality": "KH",
            "identification_status": "identified",
            "version": old_version,
        },
    )
    response = web.submit(
        edit,
        data={
            "sex": "male",
            "nationality": "LA",
            "identification_status": "presumed",
            "version": old_version,
        },
    )
    assert response.status_code == 422
    assert "Someone else saved this case" in response.get_data(as_text=True)
    db.session.refresh(case)
    assert (case.sex, case.nationality, case.identification_status) == (
        "female",
        "KH",
        "identified",
    )


@pytest.mark.parametrize("version", ["", "abc", "9" * 40])
def test_an_altered_version_is_refused_as_stale_and_changes_nothing(app, client, net, version):
    """A form whose hidden version was emptied or altered is refused like a stale one, with
    the same message; neither the details nor the stage change."""
    case = tracker.case(net, nationality="VN")
    web = Browser(client)
    web.login("sender@test.example")
    before = (case.nationality, case.stage, case.version)
    response = web.submit(f"/cases/{case.code}/edit", data={
        "sex": "male", "nationality": "LA", "identification_status": "presumed",
        "version": version,
    })  # fmt: skip
    assert response.status_code == 422
    assert "Someone else saved this case" in response.get_data(as_text=True)
    response = web.submit(f"/cases/{case.code}/stage", data={
        "stage": "reintegration", "note": "", "version": version,
    })  # fmt: skip
    assert response.status_code in (409, 422), response.status_code
    db.session.refresh(case)
    assert (case.nationality, case.stage, case.version) == before


def test_need_statuses_change_in_place(app, client, net):
    case = tracker.case(net)
    need = case.needs[0]
    web = Browser(client)
    web.login("sender@test.example")
    page = f"/cases/{case.code}"
    response = web.submit(
        page,
        f"{page}/needs/{need.id}",
        data={"status": "unmet"},
        headers={"HX-Request": "true", "HX-Target": "needs"},
    )
    assert response.status_code == 200
    body = response.get_data(as_text=True)
    assert body.lstrip().startswith('<section id="needs"')
    assert 'value="unmet" selected' in body
    added = web.submit(page, f"{page}/needs", data={"category": net.categories["legal_aid"].id})
    assert added.status_code == 302
    db.session.refresh(case)
    assert {n.category.code: n.status for n in case.needs} == {
        "emergency_shelter": "unmet",
        "legal_aid": "open",
    }


def test_bad_input_gets_a_message_and_saves_nothing(app, client, net):
    web = Browser(client)
    web.login("sender@test.example")
    response = web.submit(
        "/cases/new", data={"estimated_age": "-3", "birth_date": "soon", "sex": "robot"}
    )
    assert response.status_code == 422
    page = response.get_data(as_text=True)
    assert "Enter an age from 0 to 120." in page and "Not a valid choice" in page
    assert db.session.scalar(db.select(db.func.count()).select_from(Case)) == 0
