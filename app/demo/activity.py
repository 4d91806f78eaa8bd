"""A year of fictional referral activity across the demo network, so the dashboards have
something to show above the small-number threshold. Every case is marked fictional."""

import random
from datetime import timedelta

from sqlalchemy import select

from app.auth.models import User
from app.cases.services import CaseData, change_stage, open_case
from app.consent.services import ConsentData, record_consent
from app.database import utcnow
from app.directory.models import NeedCategory, Service
from app.extensions import db
from app.referrals.services import act, create_referral, send_referral

PROVINCES = {
    "TH": ("TH-50", "TH-10", "TH-90", "TH-57"),
    "VN": ("VN-HN", "VN-SG", "VN-44"),
    "MY": ("MY-10", "MY-14", "MY-12"),
    "ID": ("ID-JI", "ID-JK", "ID-NT"),
}
NEEDS = (
    "emergency_shelter",
    "legal_aid",
    "mental_health",
    "medical_care",
    "case_management",
    "safe_return",
    "vocational_training",
    "identity_documents",
)
NATIONALITIES = ("VN", "KH", "LA", "MM", "ID", "PH", "BD", "TH", "MY")


def _hours(start, end) -> int:
    return int((end - start).total_seconds() // 3600)


def load_activity(cases: int = 72, seed: int = 2026) -> int:
    """Open `cases` fictional cases with referrals spread over the past eleven months."""
    rng = random.Random(seed)  # noqa: S311 - fictional demo data, not secrets
    workers = [
        db.session.scalar(select(User).where(User.email == f"caseworker.{c}@demo.pathways.example"))
        for c in ("th", "vn", "my", "id")
    ]
    workers = [w for w in workers if w is not None]
    categories = {c.code: c for c in db.session.scalars(select(NeedCategory))}
    # Plain tuples: each use case commits, which would expire (and reload) loaded services.
    services = db.session.execute(
        select(Service.id, Service.organisation_id, Service.category_codes).where(
            Service.status == "active"
        )
    ).all()
    answering = {w.organisation_id for w in workers}
    made = 0
    for number in range(cases):
        worker = workers[number % len(workers)]
        country = worker.organisation.country
        needs = rng.sample(NEEDS, rng.choice((1, 2, 3)))
        case = open_case(
            worker,
            CaseData(
                name=f"Demo person {number + 5} (fictional)",
                sex=rng.choice(("female", "male")),
                estimated_age=rng.randint(14, 45),
                nationality=rng.choice(NATIONALITIES),
                exploitation_forms=[
                    rng.choice(
                        (
                            "sexual",
                            "forced_labour",
                            "domestic_servitude",
                            "forced_marriage",
                            "begging",
                        )
                    )
                ],
                identified_country=country,
                identified_province=rng.choice(PROVINCES[country]),
                identification_status=rng.choice(("presumed", "identified", "identified")),
            ),
            [categories[n].id for n in needs],
            fictional=True,
        )
        made += 1
        opened = utcnow() - timedelta(days=rng.randint(5, 330), hours=rng.randint(0, 23))
        if rng.random() < 0.9:
            record_consent(case, worker, ConsentData(kind="reporting", language="en"))
        # Referrals go to the demo organisations that have caseworkers to answer them.
        offers = [
            s
            for s in services
            if s.organisation_id in answering and s.organisation_id != worker.organisation_id
        ]
        choice = rng.choice(offers)
        service = db.session.get(Service, choice.id)
        need = rng.choice([c for c in choice.category_codes.split(",") if c])
        record_consent(
            case,
            worker,
            ConsentData(
                kind="referral",
                organisation_ids=[service.organisation_id],
                purpose_ids=[categories[need].id],
                data_categories=["needs"],
                given_by="guardian",
                child_assent="given",
                language="en",
            ),
        )
        referral = create_referral(
            case,
            worker,
            service,
            [categories[need].id],
            rng.choice(("normal", "normal", "high", "emergency")),
            "",
        )
        send_referral(referral, worker, referral.version)
        sent = opened + timedelta(hours=rng.randint(1, 72))
        fate = rng.choices(
            ("wait", "accept", "decline", "complete", "not_complete"), (1, 2, 2, 5, 1)
        )[0]
        receiver = db.session.scalar(
            select(User).where(
                User.organisation_id == service.organisation_id, User.active.is_(True)
            )
        )
        steps = [sent, sent]
        if fate != "wait" and receiver is not None:
            answer = "decline" if fate == "decline" else "accept"
            act(
                referral,
                receiver,
                answer,
                "No place free" if answer == "decline" else "",
                referral.version,
            )
            answered = sent + timedelta(hours=rng.randint(2, 150))
            steps.append(answered)
            if fate in ("complete", "not_complete"):
                act(referral, receiver, fate, "Fictional outcome", referral.version)
                steps.append(answered + timedelta(days=rng.randint(3, 60)))
            if fate == "complete":
                change_stage(case, worker, "protection")
        # Spread the story over the past months, keeping the dashboard facts in step.
        case.created_at = opened
        for change in case.stage_changes:
            change.at = max(opened, min(steps[-1], utcnow()))
        case.stage_changes[0].at = opened
        for row, when in zip(referral.history, steps, strict=False):
            row.at = min(when, utcnow())
        referral.created_at = referral.sent_at = sent
        referral.month = sent.strftime("%Y-%m")
        if len(steps) > 2:
            referral.answered_at = min(steps[2], utcnow())
            referral.answer_hours = _hours(sent, referral.answered_at)
        if len(steps) > 3:
            referral.finished_at = min(steps[3], utcnow())
            if referral.status == "completed":
                referral.completion_hours = _hours(sent, referral.finished_at)
        for need_row in case.needs:
            need_row.updated_at = min(steps[-1], utcnow())
        db.session.commit()
    return made
