"""Fictional demo cases and referrals, so a new install shows a living tracker with a full loop.

Every person here is invented; each case is marked fictional and says so on every page.
"""

from datetime import date, timedelta

from sqlalchemy import select

from app.auth.models import User
from app.cases.models import Case
from app.cases.services import CaseData, change_stage, open_case
from app.consent.services import ConsentData, consents_of, record_consent, withdraw_consent
from app.database import utcnow
from app.directory.models import NeedCategory, Service
from app.extensions import db
from app.orgs.models import Organisation
from app.referrals.services import act, create_referral, send_referral


def _user(email: str) -> User:
    return db.session.scalar(select(User).where(User.email == email))


def _org(code: str) -> Organisation:
    return db.session.scalar(select(Organisation).where(Organisation.code == code))


def _needs(*codes) -> list[NeedCategory]:
    rows = {c.code: c for c in db.session.scalars(select(NeedCategory))}
    return [rows[code] for code in codes]


def _service(org_code: str, category: str) -> Service:
    return db.session.scalar(
        select(Service)
        .where(
            Service.organisation_id == _org(org_code).id,
            Service.status == "active",
            Service.category_codes.contains(f",{category},"),
        )
        .order_by(Service.name)
    )


def _consent(case, user, kind, orgs=(), needs=(), data=(), **values):
    return record_consent(
        case,
        user,
        ConsentData(
            kind=kind,
            organisation_ids=[_org(code).id for code in orgs],
            purpose_ids=[n.id for n in _needs(*needs)],
            data_categories=list(data),
            **values,
        ),
    )


def _refer(case, user, org_code, need, urgency="normal", note=""):
    service = _service(org_code, need)
    referral = create_referral(case, user, service, [n.id for n in _needs(need)], urgency, note)
    send_referral(referral, user, referral.version)
    return referral


def _ago(days: float):
    return utcnow() - timedelta(days=days)


def _backdate(case, opened: float, stages=(), referral=None, steps=()) -> None:
    """Spread a demo story over past days: the case, its consents, stages and referral steps."""
    case.created_at = _ago(opened)
    for change, days in zip(case.stage_changes, (opened, *stages), strict=False):
        change.at = _ago(days)
    for consent in consents_of(case):
        consent.given_at = _ago(opened)
    if referral is None:
        return
    for row, days in zip(referral.history, (steps[0], *steps), strict=False):
        row.at = _ago(days)
    referral.created_at = referral.sent_at = _ago(steps[0])
    if len(steps) > 1:
        referral.answered_at = _ago(steps[1])
    if len(steps) > 2:
        referral.finished_at = _ago(steps[2])


def load_demo_cases() -> int:
    """Create the fictional demo cases once; return how many were made."""
    if db.session.scalar(select(Case.id).where(Case.fictional.is_(True)).limit(1)):
        return 0
    th, vn, my = (_user(f"caseworker.{c}@demo.pathways.example") for c in ("th", "vn", "my"))
    if None in (th, vn, my) or _service("DEMO-VN-HOPE", "case_management") is None:
        return 0
    today = utcnow().date()

    # A woman from Viet Nam, back home with her family: the whole loop, closed.
    lan = open_case(
        th,
        CaseData(
            name="Demo person A (fictional)",
            contact="Fictional contact: via the shelter phone",
            sex="female",
            estimated_age=24,
            nationality="VN",
            languages=["vi"],
            exploitation_forms=["sexual"],
            identified_country="TH",
            identified_province="TH-50",
            identification_status="identified",
        ),
        [n.id for n in _needs("emergency_shelter", "case_management", "mental_health")],
        fictional=True,
    )
    _consent(lan, th, "services", language="vi", interpreter=True)
    _consent(
        lan,
        th,
        "referral",
        ["DEMO-VN-HOPE"],
        ["case_management", "mental_health"],
        ["identity", "needs", "case_history"],
        language="vi",
        interpreter=True,
    )
    _consent(lan, th, "reporting", language="vi")
    change_stage(lan, th, "protection")
    going_home = _refer(
        lan,
        th,
        "DEMO-VN-HOPE",
        "case_management",
        "high",
        "Returning home next week; needs a caseworker in Ha Noi.",
    )
    act(going_home, vn, "accept", version=going_home.version)
    act(
        going_home,
        vn,
        "complete",
        "Met at the airport; family reunited; counselling weekly.",
        going_home.version,
    )
    _backdate(lan, 14, [13], going_home, [12, 11, 3])

    # A boy of 16 from Myanmar, found on a fishing boat: a child, an overdue referral.
    boy = open_case(
        th,
        CaseData(
            name="Demo person B (fictional)",
            sex="male",
            estimated_age=16,
            nationality="MM",
            languages=["my"],
            exploitation_forms=["forced_labour"],
            identified_country="TH",
            identified_province="TH-90",
            identification_status="presumed",
            guardian_name="Fictional guardian",
            guardian_organisation="Provincial child protection office (fictional)",
            best_interests_on=today - timedelta(days=6),
            best_interests_by="Fictional social worker",
            best_interests_outcome="Legal advice on wage claims is in his best interests.",
        ),
        [n.id for n in _needs("legal_aid", "child_protection")],
        fictional=True,
    )
    _consent(
        boy,
        th,
        "referral",
        ["DEMO-MY-LEGAL"],
        ["legal_aid"],
        ["needs"],
        given_by="guardian",
        child_assent="given",
        language="my",
        interpreter=True,
    )
    waiting = _refer(
        boy,
        th,
        "DEMO-MY-LEGAL",
        "legal_aid",
        "high",
        "Wages unpaid for 14 months by a Malaysian-registered vessel.",
    )
    _backdate(boy, 7, [], waiting, [4])

    # A man from Indonesia referred by the legal clinic: new in the Chiang Mai inbox.
    man = open_case(
        my,
        CaseData(
            name="Demo person C (fictional)",
            sex="male",
            estimated_age=35,
            nationality="ID",
            languages=["id", "ms"],
            exploitation_forms=["forced_labour"],
            identified_country="MY",
            identified_province="MY-10",
            identification_status="identified",
        ),
        [n.id for n in _needs("law_enforcement_support")],
        fictional=True,
    )
    _consent(
        man,
        my,
        "referral",
        ["DEMO-TH-SAFE"],
        ["law_enforcement_support"],
        ["identity", "needs"],
        language="ms",
    )
    _consent(man, my, "reporting", language="ms")
    _refer(
        man,
        my,
        "DEMO-TH-SAFE",
        "law_enforcement_support",
        "normal",
        "Witness in a case in Chiang Mai; needs support at the hearing.",
    )

    # A woman in Ha Noi who withdrew her consent: the referral was withdrawn with it.
    mai = open_case(
        vn,
        CaseData(
            name="Demo person D (fictional)",
            sex="female",
            birth_date=date(1998, 5, 17),
            nationality="VN",
            languages=["vi"],
            exploitation_forms=["domestic_servitude"],
            identified_country="VN",
            identified_province="VN-HN",
            identification_status="identified",
        ),
        [n.id for n in _needs("vocational_training")],
        fictional=True,
    )
    consent = _consent(
        mai, vn, "referral", ["DEMO-TH-SAFE"], ["vocational_training"], ["needs"], language="vi"
    )
    change_stage(mai, vn, "protection")
    change_stage(mai, vn, "reintegration")
    _refer(mai, vn, "DEMO-TH-SAFE", "vocational_training")
    withdraw_consent(consent, vn, "She prefers a course closer to home.")
    db.session.commit()
    return 4
