"""Use cases of consent: record, withdraw, and the rule that a referral needs a valid consent."""

from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from flask import abort, current_app
from flask_babel import format_date
from flask_babel import lazy_gettext as _l
from sqlalchemy import select

from app.audit import record_event
from app.cases.models import Case
from app.consent.models import (
    ASSENTS,
    DATA_CATEGORIES,
    GIVERS,
    KINDS,
    LEGAL_BASES,
    METHODS,
    Consent,
)
from app.database import utcnow
from app.directory.models import NeedCategory, join_codes
from app.extensions import db
from app.orgs.models import Organisation


class ConsentError(ValueError):
    """A consent that cannot be recorded or withdrawn; the message is for the user."""


def network_zone() -> ZoneInfo:
    return ZoneInfo(current_app.config["BABEL_DEFAULT_TIMEZONE"])


def end_of_day(day: date) -> datetime:
    """The first instant after `day` in the network's time zone, in UTC (rule 6)."""
    local = datetime.combine(day + timedelta(days=1), time(0), tzinfo=network_zone())
    return local.astimezone(ZoneInfo("UTC"))


@dataclass
class ConsentData:
    kind: str
    given_by: str = "person"
    legal_basis: str = "consent"
    organisation_ids: list[int] = field(default_factory=list)
    purpose_ids: list[int] = field(default_factory=list)
    data_categories: list[str] = field(default_factory=list)
    language: str = ""
    interpreter: bool = False
    method: str = "written"
    child_assent: str | None = None
    expires_on: date | None = None
    note: str = ""


def record_consent(case: Case, user, data: ConsentData) -> Consent:
    """Record one consent given now, after checking it says what it must."""
    now = utcnow()
    checks = (
        (data.kind in KINDS, _l("Choose what the consent is for.")),
        (data.given_by in GIVERS, _l("Say who gave the consent.")),
        (data.legal_basis in LEGAL_BASES, _l("Choose the legal basis.")),
        (data.method in METHODS, _l("Say how the consent was given.")),
        (set(data.data_categories) <= set(DATA_CATEGORIES), _l("Choose from the listed data.")),
        (data.child_assent in (None, *ASSENTS), _l("Choose from the listed answers.")),
    )
    for ok, message in checks:
        if not ok:
            raise ConsentError(message)
    if data.kind in ("referral", "data_sharing"):
        if not data.organisation_ids:
            raise ConsentError(_l("Name the organisations this consent covers."))
        if not data.data_categories:
            raise ConsentError(_l("Choose which data may be shared."))
    if data.kind == "referral" and not data.purpose_ids:
        raise ConsentError(_l("Choose the needs this consent covers."))
    if data.expires_on is not None and end_of_day(data.expires_on) <= now:
        raise ConsentError(_l("The expiry date must be today or later."))
    if case.is_child(now.date()) and data.kind == "referral" and data.child_assent is None:
        raise ConsentError(_l("For a child, record the child's own assent."))
    organisations = db.session.scalars(
        select(Organisation).where(Organisation.id.in_(data.organisation_ids))
    ).all()
    purposes = db.session.scalars(
        select(NeedCategory).where(NeedCategory.id.in_(data.purpose_ids))
    ).all()
    if len(organisations) != len(set(data.organisation_ids)) or len(purposes) != len(
        set(data.purpose_ids)
    ):
        raise ConsentError(_l("Choose from the listed organisations and needs."))
    consent = Consent(
        case_id=case.id,
        kind=data.kind,
        given_by=data.given_by,
        legal_basis=data.legal_basis,
        data_categories=join_codes(data.data_categories),
        explained_by_id=user.id,
        language=data.language,
        interpreter=data.interpreter,
        method=data.method,
        child_assent=data.child_assent,
        note=data.note.strip(),
        given_at=now,
        expires_at=end_of_day(data.expires_on) if data.expires_on else None,
        organisations=list(organisations),
        purposes=list(purposes),
    )
    db.session.add(consent)
    case.updated_at = now
    db.session.flush()
    refresh_reporting(case)
    record_event("consent:consent:create", "consent", consent.id, user=user)
    db.session.commit()
    return consent


FOREVER = datetime(9999, 12, 31, tzinfo=ZoneInfo("UTC"))


def refresh_reporting(case: Case) -> None:
    """Keep, on the case and its referrals, until when reporting consent lets them be counted."""
    from app.referrals.models import Referral

    ends = [
        c.expires_at or FOREVER
        for c in consents_of(case)
        if c.kind == "reporting" and c.withdrawn_at is None
    ]
    case.reporting_until = max(ends) if ends else None
    # Through the session, not one UPDATE: the dashboard's counts follow each referral's change.
    for referral in db.session.scalars(select(Referral).where(Referral.case_id == case.id)):
        referral.reporting_until = case.reporting_until


def consents_of(case: Case) -> list[Consent]:
    return list(
        db.session.scalars(
            select(Consent).where(Consent.case_id == case.id).order_by(Consent.given_at.desc())
        )
    )


def consent_or_404(case: Case, consent_id: int) -> Consent:
    consent = db.session.get(Consent, consent_id)
    if consent is None or consent.case_id != case.id:
        abort(404)
    return consent


def withdraw_consent(consent: Consent, user, reason: str) -> list:
    """Withdraw at once: open referrals under it become `withdrawn` (rule 3).

    Returns the referrals that were withdrawn.
    """
    from app.referrals.services import withdraw_under_consent

    reason = (reason or "").strip()
    if consent.withdrawn_at is not None:
        raise ConsentError(_l("This consent was already withdrawn."))
    if not reason:
        raise ConsentError(_l("Write what the person said, or why the consent is withdrawn."))
    consent.withdrawn_at = utcnow()
    consent.withdrawn_recorded_by_id = user.id
    consent.withdrawal_reason = reason
    consent.case.updated_at = consent.withdrawn_at
    record_event("consent:consent:withdraw", "consent", consent.id, user=user)
    withdrawn = withdraw_under_consent(consent, user)
    db.session.flush()
    refresh_reporting(consent.case)
    db.session.commit()
    return withdrawn


def _gaps(consent: Consent, case: Case, organisation: Organisation, categories, at) -> list:
    gaps = []
    if not consent.covers_organisation(organisation.id):
        gaps.append(
            _l(
                "The referral consent does not name %(organisation)s.",
                organisation=organisation.name,
            )
        )
    allowed = {c.id for c in consent.purposes}
    missing = [c for c in categories if c.id not in allowed]
    if missing:
        locale = _locale()
        gaps.append(
            _l(
                "The referral consent does not cover: %(needs)s.",
                needs=", ".join(c.name(locale) for c in missing),
            )
        )
    if case.is_child(at.date()):
        guardian = consent.given_by == "guardian"
        if not guardian and not case.has_best_interests_determination:
            gaps.append(
                _l(
                    "A child's referral needs a parent's or guardian's consent, or a "
                    "best-interests determination recorded on the case."
                )
            )
        if consent.child_assent is None:
            gaps.append(_l("Record the child's own assent on the referral consent."))
    return gaps


def _locale() -> str:
    from flask_babel import get_locale

    return str(get_locale() or "en")


def referral_consent(case: Case, organisation: Organisation, categories, at: datetime):
    """Rule 1: the consent that covers this referral now, or None and what is missing."""
    consents = [c for c in consents_of(case) if c.kind == "referral"]
    if not consents:
        return None, [_l("No referral consent is recorded for this case.")]
    valid = [c for c in consents if c.is_valid(at)]
    if not valid:
        latest = consents[0]
        if latest.withdrawn_at is not None:
            return None, [
                _l(
                    "The referral consent was withdrawn on %(day)s.",
                    day=format_date(latest.withdrawn_at),
                )
            ]
        return None, [
            _l(
                "The referral consent is not valid now (it expired on %(day)s).",
                day=format_date(latest.expires_at),
            )
        ]
    for consent in valid:
        if not _gaps(consent, case, organisation, categories, at):
            return consent, []
    return None, _gaps(valid[0], case, organisation, categories, at)


def has_reporting_consent(case: Case, at: datetime) -> bool:
    """Rule 5 (for dashboards): the case may be counted."""
    return any(c.kind == "reporting" and c.is_valid(at) for c in consents_of(case))
