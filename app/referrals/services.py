"""Use cases of referrals: draft, send under a valid consent, answer, close the loop — audited."""

from datetime import datetime

from flask import abort, current_app
from flask_babel import lazy_gettext as _l
from sqlalchemy import or_, select
from sqlalchemy.orm.exc import StaleDataError

from app.audit import record_event
from app.auth.models import User, UserRole
from app.cases.models import Case, CaseNeed
from app.consent.models import DATA_CATEGORIES
from app.database import utcnow
from app.directory.models import NeedCategory, Service, join_codes
from app.extensions import db
from app.referrals import notify
from app.referrals.models import (
    NOTE_REQUIRED,
    OPEN_STATUSES,
    RECEIVER_ACTIONS,
    SENDER_ACTIONS,
    TRANSITIONS,
    URGENCIES,
    Referral,
    ReferralHistory,
)

# What each answer does to the case's needs that the referral was for.
NEED_AFTER = {
    "send": "referred",
    "complete": "met",
    "decline": "open",
    "not_complete": "open",
    "cancel": "open",
    "withdraw": "open",
}


class ReferralError(ValueError):
    """A referral change that cannot be made; the message (or messages) are for the user."""

    def __init__(self, *messages):
        super().__init__(*messages)
        self.messages = list(messages)


class ReferralConflict(ReferralError):
    """Someone else changed the referral after this page was opened."""


def _conflict(referral: Referral) -> ReferralConflict:
    from app.referrals.labels import STATUS_LABELS

    return ReferralConflict(
        _l(
            "Someone else changed this referral after you opened it: it is now “%(status)s”. "
            "Nothing was changed.",
            status=STATUS_LABELS[referral.status],
        )
    )


def side(referral: Referral, user) -> str | None:
    """'sender', 'receiver', or None when the user's organisation is neither."""
    if not user.is_authenticated or not user.has_role("caseworker"):
        return None
    if referral.from_organisation_id == user.organisation_id:
        return "sender"
    if referral.to_organisation_id == user.organisation_id and referral.status != "draft":
        return "receiver"
    return None


def referral_or_404(code: str, user, action: str = "read") -> Referral:
    """Return the referral for a caseworker of the sending or receiving organisation; else 404."""
    referral = db.session.scalar(select(Referral).where(Referral.code == (code or "")[:20]))
    if referral is None or side(referral, user) is None:
        record_event("referrals:referral:refused", "referral", (code or "")[:20] or None)
        db.session.commit()
        abort(404)
    if action:
        record_event(f"referrals:referral:{action}", "referral", referral.code)
    return referral


def referable_service_or_none(service_id) -> Service | None:
    service = db.session.get(Service, str(service_id)[:64]) if service_id else None
    return service if service is not None and service.status == "active" else None


def _commit(referral: Referral) -> None:
    try:
        db.session.commit()
    except StaleDataError as exc:
        db.session.rollback()
        db.session.refresh(referral)
        raise _conflict(referral) from exc


def _move_needs(referral: Referral, action: str) -> None:
    status = NEED_AFTER.get(action)
    if status is None:
        return
    wanted = {c.id for c in referral.categories}
    case = referral.case
    for need in case.needs:
        if need.category_id not in wanted:
            continue
        if status == "open" and need.status != "referred":
            continue  # the caseworker already said where it stands
        if status == "met" or need.status in ("open", "referred"):
            need.status = status
        wanted.discard(need.category_id)
    if status == "referred":
        for category_id in wanted:
            case.needs.append(CaseNeed(category_id=category_id, status="referred"))


def _hours(start: datetime, end: datetime) -> int:
    """Whole hours from `start` to `end`, for the dashboards' medians."""
    return int((end - start).total_seconds() // 3600)


def _check_version(referral: Referral, version) -> None:
    """Refuse a change made from a page older than the referral (before anything is touched)."""
    if version is not None and str(version) != str(referral.version):
        raise _conflict(referral)


def _transition(referral: Referral, action: str, user, note: str = "") -> None:
    """Apply one allowed transition, with its history row; refuse anything else."""
    target = TRANSITIONS.get((referral.status, action))
    if target is None:
        from app.referrals.labels import STATUS_LABELS

        raise ReferralError(
            _l(
                "A referral that is “%(status)s” cannot be changed that way.",
                status=STATUS_LABELS[referral.status],
            )
        )
    note = (note or "").strip()
    if action in NOTE_REQUIRED and not note:
        raise ReferralError(_l("Write the reason or the outcome."))
    now = utcnow()
    referral.history.append(
        ReferralHistory(
            from_status=referral.status,
            to_status=target,
            at=now,
            user_id=user.id if user else None,
            organisation_id=user.organisation_id if user else None,
            note=note,
        )
    )
    referral.status = target
    if action == "send":
        referral.sent_at = now
        case = referral.case
        referral.month = now.strftime("%Y-%m")
        referral.country = case.identified_country
        referral.province = case.identified_province
        referral.reporting_until = case.reporting_until
    elif action in ("accept", "decline"):
        referral.answered_at = now
        referral.answer_hours = _hours(referral.sent_at, now)
    if target not in OPEN_STATUSES:
        referral.finished_at = now
    if target == "completed":
        referral.completion_hours = _hours(referral.sent_at, now)
    if action in ("decline", "complete", "not_complete", "cancel", "withdraw"):
        referral.status_note = note
    referral.case.updated_at = now
    _move_needs(referral, action)
    record_event(f"referrals:referral:{action}", "referral", referral.code, user=user)


def create_referral(
    case: Case, user, service: Service, category_ids, urgency: str, note: str
) -> Referral:
    """Start a draft referral of a case to a service."""
    if service is None or service.status != "active":
        raise ReferralError(_l("This service is not taking referrals now."))
    if urgency not in URGENCIES:
        raise ReferralError(_l("Choose how urgent the referral is."))
    categories = db.session.scalars(
        select(NeedCategory).where(NeedCategory.id.in_(list(category_ids)))
    ).all()
    if not categories:
        raise ReferralError(_l("Choose at least one need this referral is for."))
    if case.stage == "closed":
        raise ReferralError(_l("The case is closed: reopen it before referring."))
    referral = Referral(
        case=case,
        service=service,
        from_organisation_id=case.organisation_id,
        to_organisation_id=service.organisation_id,
        sender_id=user.id,
        urgency=urgency,
        note=(note or "").strip(),
        categories=list(categories),
    )
    referral.history.append(
        ReferralHistory(
            from_status=None,
            to_status="draft",
            user_id=user.id,
            organisation_id=user.organisation_id,
        )
    )
    db.session.add(referral)
    db.session.flush()
    record_event("referrals:referral:create", "referral", referral.code, user=user)
    db.session.commit()
    return referral


def send_referral(
    referral: Referral, user, version=None, override_reason: str = "", override_data=()
) -> Referral:
    """Send a draft: only under a valid referral consent (rule 1), or an audited override."""
    from app.consent.services import referral_consent

    if side(referral, user) != "sender":
        abort(404)
    _check_version(referral, version)
    now = utcnow()
    consent, missing = referral_consent(
        referral.case, referral.to_organisation, referral.categories, now
    )
    override_reason = (override_reason or "").strip()
    if consent is None:
        if not override_reason:
            raise ReferralError(*missing)
        if not user.has_role("supervisor"):
            raise ReferralError(_l("Only a supervisor may override consent."), *missing)
        data = [d for d in override_data if d in DATA_CATEGORIES]
        if not data:
            raise ReferralError(_l("Choose which data the receiving organisation may see."))
        referral.override_by_id = user.id
        referral.override_reason = override_reason
        referral.override_data = join_codes(data)
        record_event("referrals:referral:consent_override", "referral", referral.code, user=user)
    referral.consent_id = consent.id if consent else None
    _transition(referral, "send", user)
    _commit(referral)
    notify.tell_organisation(referral, "referral_received")
    return referral


def act(referral: Referral, user, action: str, note: str = "", version=None) -> Referral:
    """Answer (receiver), report the outcome (receiver) or cancel (sender)."""
    who = side(referral, user)
    if (who == "sender" and action not in SENDER_ACTIONS) or (
        who == "receiver" and action not in RECEIVER_ACTIONS
    ):
        abort(404)
    if action == "send":
        return send_referral(referral, user, version)
    _check_version(referral, version)
    _transition(referral, action, user, note)
    _commit(referral)
    if who == "receiver":
        notify.tell_sender(referral, f"referral_{referral.status}")
    else:
        notify.tell_organisation(referral, f"referral_{referral.status}")
    return referral


def withdraw_under_consent(consent, user) -> list[Referral]:
    """Rule 3: open referrals under a withdrawn consent become `withdrawn` (caller commits)."""
    referrals = db.session.scalars(
        select(Referral).where(
            Referral.consent_id == consent.id, Referral.status.in_(OPEN_STATUSES)
        )
    ).all()
    for referral in referrals:
        was_draft = referral.status == "draft"
        _transition(referral, "withdraw", user)
        if not was_draft:
            notify.tell_organisation(referral, "referral_withdrawn", commit=False)
    return list(referrals)


def is_overdue(referral: Referral, at: datetime) -> bool:
    if referral.status != "sent":
        return False
    config = current_app.config
    due = referral.due_at(
        config["REFERRAL_RESPONSE_DAYS"], config["REFERRAL_EMERGENCY_RESPONSE_DAYS"]
    )
    return due is not None and due < at


def received(user) -> list[Referral]:
    """Referrals sent to the user's organisation, newest first."""
    return list(
        db.session.scalars(
            select(Referral)
            .where(Referral.to_organisation_id == user.organisation_id, Referral.status != "draft")
            .order_by(Referral.sent_at.desc())
            .limit(500)
        )
    )


def sent_by(user) -> list[Referral]:
    """Referrals of the user's organisation's cases, newest first."""
    return list(
        db.session.scalars(
            select(Referral)
            .where(Referral.from_organisation_id == user.organisation_id)
            .order_by(Referral.created_at.desc())
            .limit(500)
        )
    )


def referrals_of(case: Case) -> list[Referral]:
    return list(
        db.session.scalars(
            select(Referral).where(Referral.case_id == case.id).order_by(Referral.created_at.desc())
        )
    )


def caseworkers_of(organisation_id: int) -> list[User]:
    return list(
        db.session.scalars(
            select(User)
            .join(UserRole)
            .where(
                User.organisation_id == organisation_id,
                User.active.is_(True),
                or_(UserRole.role == "caseworker"),
            )
        ).unique()
    )
