"""Use cases of cases: open, edit, move between stages, track needs — each scoped and audited."""

from dataclasses import dataclass, field
from datetime import date

from flask import abort
from flask_babel import lazy_gettext as _l
from sqlalchemy import select
from sqlalchemy.orm.exc import StaleDataError

from app.audit import record_event
from app.cases import crypto
from app.cases.models import (
    CLOSED_REASONS,
    NEED_STATUSES,
    STAGES,
    Case,
    CaseNeed,
    StageChange,
)
from app.database import utcnow
from app.directory.models import join_codes
from app.extensions import db


class CaseError(ValueError):
    """A change to a case that cannot be made; the message is for the user."""


class StaleCase(CaseError):
    """Someone saved the case after this form was opened."""

    def __init__(self):
        super().__init__(
            _l(
                "Someone else saved this case after you opened it. Nothing was changed: "
                "check the case as it is now and make your change again."
            )
        )


def may_work_on_cases(user) -> bool:
    return user.is_authenticated and user.has_role("caseworker")


def case_or_404(code: str, user, action: str = "read") -> Case:
    """Return the case with `code` for a caseworker of its own organisation; else 404.

    Every call writes an audit row: the read (or the action named), or the refusal.
    """
    case = db.session.scalar(select(Case).where(Case.code == (code or "")[:20]))
    if case is None or not may_work_on_cases(user) or case.organisation_id != user.organisation_id:
        record_event("cases:case:refused", "case", code[:20] if code else None)
        db.session.commit()
        abort(404)
    if action:
        record_event(f"cases:case:{action}", "case", case.code)
    return case


def cases_of(user, stage: str | None = None, query: str = "") -> list[Case]:
    """The user's organisation's cases, most recently changed first."""
    statement = select(Case).where(Case.organisation_id == user.organisation_id)
    if stage in STAGES:
        statement = statement.where(Case.stage == stage)
    if query:
        statement = statement.where(Case.code.contains(query.strip().upper()[:20]))
    return list(db.session.scalars(statement.order_by(Case.updated_at.desc()).limit(500)))


# The case's fields stored as they are (the rest are encrypted or code lists).
PLAIN_FIELDS = (
    "sex",
    "birth_date",
    "estimated_age",
    "presumed_child",
    "nationality",
    "identified_country",
    "identified_province",
    "identification_status",
    "guardian_organisation",
    "best_interests_on",
    "best_interests_by",
    "best_interests_outcome",
    "age_assessment_note",
)


@dataclass
class CaseData:
    name: str = ""
    contact: str = ""
    guardian_name: str = ""
    sex: str = "unknown"
    birth_date: date | None = None
    estimated_age: int | None = None
    presumed_child: bool = False
    nationality: str = ""
    languages: list[str] = field(default_factory=list)
    exploitation_forms: list[str] = field(default_factory=list)
    identified_country: str = ""
    identified_province: str = ""
    identification_status: str = "presumed"
    guardian_organisation: str = ""
    best_interests_on: date | None = None
    best_interests_by: str = ""
    best_interests_outcome: str = ""
    age_assessment_note: str = ""


def _apply(case: Case, data: CaseData, today: date) -> None:
    if data.birth_date and data.birth_date > today:
        raise CaseError(_l("The date of birth cannot be in the future."))
    case.name_encrypted = crypto.encrypt(data.name)
    case.contact_encrypted = crypto.encrypt(data.contact)
    case.guardian_encrypted = crypto.encrypt(data.guardian_name)
    if data.estimated_age != case.estimated_age:
        case.age_recorded_on = today if data.estimated_age is not None else None
    for name in PLAIN_FIELDS:
        setattr(case, name, getattr(data, name))
    case.languages = join_codes(data.languages)
    case.exploitation_forms = join_codes(data.exploitation_forms)


def protected_fields(case: Case) -> dict:
    """The decrypted name, contact and guardian; raises crypto.DataKeyError on a wrong key."""
    return {
        "name": crypto.decrypt(case.name_encrypted),
        "contact": crypto.decrypt(case.contact_encrypted),
        "guardian_name": crypto.decrypt(case.guardian_encrypted),
    }


def open_case(user, data: CaseData, need_ids=(), fictional: bool = False) -> Case:
    """Open a case under a new pseudonymous code in the user's organisation."""
    today = utcnow().date()
    case = Case(
        organisation_id=user.organisation_id,
        caseworker_id=user.id,
        identified_by_id=user.organisation_id,
        fictional=fictional,
    )
    _apply(case, data, today)
    case.stage_changes.append(
        StageChange(from_stage=None, to_stage="identification", user_id=user.id)
    )
    for category_id in dict.fromkeys(need_ids):
        case.needs.append(CaseNeed(category_id=category_id))
    db.session.add(case)
    db.session.flush()
    record_event("cases:case:create", "case", case.code, user=user)
    db.session.commit()
    return case


def _commit_or_stale() -> None:
    try:
        db.session.commit()
    except StaleDataError as exc:
        db.session.rollback()
        raise StaleCase() from exc


def _check_version(case: Case, version) -> None:
    """Refuse a form saved from another version of the case (or whose version was altered)."""
    if version is None:
        return
    try:
        stale = int(version) != case.version
    except (TypeError, ValueError):
        stale = True
    if stale:
        raise StaleCase()


def update_case(case: Case, user, data: CaseData, version: int) -> Case:
    """Save the case's details, refusing a stale form."""
    _check_version(case, version)
    _apply(case, data, utcnow().date())
    record_event("cases:case:update", "case", case.code, user=user)
    _commit_or_stale()
    return case


def change_stage(
    case: Case,
    user,
    to_stage: str,
    note: str = "",
    closed_reason: str = "",
    version: int | None = None,
) -> StageChange:
    """Move the case one stage forward, to closed with a reason, or back with a note."""
    _check_version(case, version)
    note = (note or "").strip()
    if to_stage not in STAGES or to_stage == case.stage:
        raise CaseError(_l("Choose a stage the case is not in yet."))
    here, there = STAGES.index(case.stage), STAGES.index(to_stage)
    if to_stage == "closed":
        if closed_reason not in CLOSED_REASONS:
            raise CaseError(_l("Say why the case is closed."))
    elif there > here + 1:
        raise CaseError(_l("A case moves forward one stage at a time."))
    elif there < here and not note:
        raise CaseError(
            _l("Write a note saying why the case steps back (for example: re-trafficked, crisis).")
        )
    change = StageChange(
        case=case,
        from_stage=case.stage,
        to_stage=to_stage,
        closed_reason=closed_reason if to_stage == "closed" else None,
        note=note,
        user_id=user.id,
    )
    case.stage = to_stage
    case.closed_reason = change.closed_reason
    db.session.add(change)
    record_event("cases:stage:change", "case", case.code, user=user)
    _commit_or_stale()
    return change


def add_need(case: Case, user, category_id: int) -> CaseNeed:
    """Record a need of the person (once per category)."""
    if any(need.category_id == category_id for need in case.needs):
        raise CaseError(_l("This need is already on the case."))
    need = CaseNeed(category_id=category_id)
    case.needs.append(need)
    case.updated_at = utcnow()
    record_event("cases:need:create", "case", case.code, user=user)
    _commit_or_stale()
    return need


def set_need_status(case: Case, user, need_id: int, status: str) -> CaseNeed:
    """Say where a need stands: open, referred, met, unmet or declined."""
    need = next((n for n in case.needs if n.id == need_id), None)
    if need is None:
        abort(404)
    if status not in NEED_STATUSES:
        raise CaseError(_l("Choose one of the listed statuses."))
    need.status = status
    case.updated_at = utcnow()
    record_event("cases:need:update", "case", case.code, user=user)
    _commit_or_stale()
    return need
