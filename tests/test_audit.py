"""The audit trail is append-only, hash-chained, and its break is named."""

import pytest
from sqlalchemy import select, text
from sqlalchemy.exc import DatabaseError

from app.audit import record_event
from app.audit.models import AuditEvent
from app.audit.services import verify_chain
from app.extensions import db
from tests import factories


def _write(n):
    for i in range(n):
        record_event("test:thing:done", "thing", i)
    db.session.commit()


def test_chain_verifies(app):
    _write(5)
    report = verify_chain()
    assert report.ok and report.checked == 5
    result = app.test_cli_runner().invoke(args=["audit", "verify"])
    assert result.exit_code == 0 and "5 rows checked" in result.output


@pytest.mark.parametrize(
    "statement", ["UPDATE audit_events SET action = 'x'", "DELETE FROM audit_events"]
)
def test_rows_cannot_be_changed_or_deleted(app, statement):
    _write(2)
    with pytest.raises(DatabaseError):
        db.session.execute(text(statement))
        db.session.flush()
    db.session.rollback()
    assert verify_chain().ok


def _drop_guard():
    """Remove the database's append-only guard, as someone with raw access could."""
    if db.engine.dialect.name == "sqlite":
        db.session.execute(text("DROP TRIGGER audit_events_no_update"))
        db.session.execute(text("DROP TRIGGER audit_events_no_delete"))
    else:
        db.session.execute(text("DROP TRIGGER audit_events_no_change ON audit_events"))


def test_tampering_is_detected_and_named(app):
    _write(5)
    _drop_guard()
    db.session.execute(text("UPDATE audit_events SET subject_id = '99' WHERE seq = 3"))
    db.session.commit()
    report = verify_chain()
    assert not report.ok and report.broken_seq == 3
    result = app.test_cli_runner().invoke(args=["audit", "verify"])
    assert result.exit_code == 1 and "seq=3" in result.output


def test_deleted_row_is_detected(app):
    _write(5)
    _drop_guard()
    db.session.execute(text("DELETE FROM audit_events WHERE seq = 2"))
    db.session.commit()
    assert verify_chain().broken_seq == 2


def test_truncated_tail_is_detected(app):
    _write(5)
    _drop_guard()
    db.session.execute(text("DELETE FROM audit_events WHERE seq = 5"))
    db.session.commit()
    report = verify_chain()
    assert not report.ok and report.broken_seq == 5


def test_rows_carry_who_where_and_no_personal_values(web, org):
    user = factories.user("person@test.example", org, ["caseworker"])
    web.login(user.email)
    row = db.session.scalars(
        select(AuditEvent).where(AuditEvent.action == "auth:login:succeeded")
    ).one()
    assert row.user_id == user.id and row.organisation_id == org.id
    assert row.ip == "127.0.0.1" and len(row.request_id) == 32
    assert row.at.tzinfo is not None
    values = " ".join(str(getattr(row, c.key)) for c in AuditEvent.__table__.columns)
    assert "person@test.example" not in values and factories.PASSWORD not in values
