"""Writing and verifying the audit trail."""

import hashlib
import json
import uuid
from dataclasses import dataclass

from flask import g, has_request_context, request
from flask_login import current_user
from sqlalchemy import select, update

from app.audit.models import GENESIS_HASH, AuditEvent, AuditHead
from app.database import utcnow
from app.extensions import db


def request_id() -> str | None:
    """Return this request's id, made once per request."""
    if not has_request_context():
        return None
    if "request_id" not in g:
        g.request_id = uuid.uuid4().hex
    return g.request_id


def chain_hash(event: AuditEvent) -> str:
    """Return the hash that seals `event` to the row before it."""
    body = [
        event.seq,
        event.at.isoformat(timespec="microseconds"),
        event.user_id,
        event.organisation_id,
        event.action,
        event.subject_type,
        event.subject_id,
        event.ip,
        event.request_id,
        event.prev_hash,
    ]
    encoded = json.dumps(body, separators=(",", ":"), ensure_ascii=True).encode()
    return hashlib.sha256(encoded).hexdigest()


def record_event(
    action: str,
    subject_type: str | None = None,
    subject_id=None,
    *,
    user=None,
    organisation_id: int | None = None,
) -> AuditEvent:
    """Append one audit row to the chain in the current transaction.

    `action` is a `source:subject:action` tag. Never pass personal values: only ids.
    """
    if user is None and has_request_context() and current_user.is_authenticated:
        user = current_user
    if user is not None and organisation_id is None:
        organisation_id = user.organisation_id
    # Bumping the head row first takes the write lock, so concurrent writers line up
    # behind each other instead of forking the chain.
    seq, prev_hash = db.session.execute(
        update(AuditHead)
        .where(AuditHead.id == 1)
        .values(seq=AuditHead.seq + 1)
        .returning(AuditHead.seq, AuditHead.last_hash)
    ).one()
    event = AuditEvent(
        seq=seq,
        at=utcnow(),
        user_id=user.id if user is not None else None,
        organisation_id=organisation_id,
        action=action,
        subject_type=subject_type,
        subject_id=None if subject_id is None else str(subject_id),
        ip=request.remote_addr if has_request_context() else None,
        request_id=request_id(),
        prev_hash=prev_hash,
    )
    event.hash = chain_hash(event)
    db.session.add(event)
    db.session.execute(update(AuditHead).where(AuditHead.id == 1).values(last_hash=event.hash))
    return event


@dataclass
class ChainReport:
    checked: int
    broken_seq: int | None = None
    reason: str | None = None

    @property
    def ok(self) -> bool:
        return self.broken_seq is None


def verify_chain() -> ChainReport:
    """Walk the whole chain and name the first row that does not fit."""
    expected_prev = GENESIS_HASH
    expected_seq = 1
    checked = 0
    rows = db.session.execute(select(AuditEvent).order_by(AuditEvent.seq)).scalars()
    for event in rows.yield_per(1000):
        if event.seq != expected_seq:
            return ChainReport(checked, expected_seq, "row missing")
        if event.prev_hash != expected_prev:
            return ChainReport(checked, event.seq, "does not link to the row before it")
        if chain_hash(event) != event.hash:
            return ChainReport(checked, event.seq, "contents changed since it was written")
        expected_prev = event.hash
        expected_seq += 1
        checked += 1
    head = db.session.get(AuditHead, 1)
    if head is None or head.seq != checked or head.last_hash != expected_prev:
        return ChainReport(checked, checked + 1, "rows missing at the end of the chain")
    return ChainReport(checked)
