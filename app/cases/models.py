"""Cases: persons assisted, known in lists, URLs and logs only by a pseudonymous code."""

import secrets
from datetime import date, datetime

from sqlalchemy import Boolean, Date, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.database import utcnow
from app.directory.models import NeedCategory, split_codes
from app.extensions import db
from app.orgs.models import Organisation
from app.sqltypes import UTCDateTime

STAGES = ("identification", "protection", "reintegration", "closed")
CLOSED_REASONS = (
    "reintegrated",
    "declined_assistance",
    "lost_contact",
    "transferred",
    "deceased",
    "other",
)
IDENTIFICATION_STATUSES = ("presumed", "identified", "not_a_victim")
SEXES = ("female", "male", "other", "unknown")
NEED_STATUSES = ("open", "referred", "met", "unmet", "declined")
CHILD_AGE = 18

# No 0/O, 1/I/L: a code is read aloud over the phone and copied by hand.
CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"


def new_code(groups: int = 3) -> str:
    """Return an unguessable code such as `K7QM-4M2X-P9TA` (about 59 random bits)."""
    return "-".join("".join(secrets.choice(CODE_ALPHABET) for _ in range(4)) for _ in range(groups))


def years_between(born: date, on: date) -> int:
    return on.year - born.year - ((on.month, on.day) < (born.month, born.day))


class Case(db.Model):
    __tablename__ = "cases"
    __table_args__ = (
        # The dashboard counts a province's cases from this index alone (migration 0007).
        Index("ix_cases_dashboard_place", "identified_province", "identified_country",
              "reporting_until", "created_at", "stage"),
        Index("ix_cases_reporting_until", "reporting_until"),
    )  # fmt: skip

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(20), unique=True, default=new_code)
    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisations.id"), index=True)
    caseworker_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"), index=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)
    version: Mapped[int] = mapped_column(Integer, default=1)
    fictional: Mapped[bool] = mapped_column(Boolean, default=False)

    # Encrypted at rest (Fernet); read through app.cases.crypto only.
    name_encrypted: Mapped[str | None] = mapped_column(Text)
    contact_encrypted: Mapped[str | None] = mapped_column(Text)
    guardian_encrypted: Mapped[str | None] = mapped_column(Text)

    sex: Mapped[str] = mapped_column(String(16), default="unknown")
    birth_date: Mapped[date | None] = mapped_column(Date)
    estimated_age: Mapped[int | None] = mapped_column(Integer)
    age_recorded_on: Mapped[date | None] = mapped_column(Date)
    presumed_child: Mapped[bool] = mapped_column(Boolean, default=False)
    nationality: Mapped[str] = mapped_column(String(2), default="")
    languages: Mapped[str] = mapped_column(String(200), default="")
    exploitation_forms: Mapped[str] = mapped_column(String(300), default="")
    identified_country: Mapped[str] = mapped_column(String(2), default="")
    identified_province: Mapped[str] = mapped_column(String(10), default="")
    identification_status: Mapped[str] = mapped_column(String(16), default="presumed")
    identified_by_id: Mapped[int | None] = mapped_column(ForeignKey("organisations.id"))

    stage: Mapped[str] = mapped_column(String(16), default="identification", index=True)
    # Until when a valid reporting consent lets dashboards count this case (None: never).
    reporting_until: Mapped[datetime | None] = mapped_column(UTCDateTime)
    closed_reason: Mapped[str | None] = mapped_column(String(32))

    # Child special measures.
    guardian_organisation: Mapped[str] = mapped_column(String(200), default="")
    best_interests_on: Mapped[date | None] = mapped_column(Date)
    best_interests_by: Mapped[str] = mapped_column(String(200), default="")
    best_interests_outcome: Mapped[str] = mapped_column(Text, default="")
    age_assessment_note: Mapped[str] = mapped_column(Text, default="")

    organisation: Mapped[Organisation] = relationship(foreign_keys=[organisation_id])
    identified_by: Mapped[Organisation | None] = relationship(foreign_keys=[identified_by_id])
    caseworker = relationship("User", foreign_keys=[caseworker_id])
    needs: Mapped[list["CaseNeed"]] = relationship(
        back_populates="case", cascade="all, delete-orphan", order_by="CaseNeed.id"
    )
    stage_changes: Mapped[list["StageChange"]] = relationship(
        back_populates="case", cascade="all, delete-orphan", order_by="StageChange.id"
    )

    __mapper_args__ = {"version_id_col": version}

    def age(self, today: date) -> int | None:
        """The person's age today, from the birth date or the recorded estimate."""
        if self.birth_date:
            return years_between(self.birth_date, today)
        if self.estimated_age is not None:
            recorded = self.age_recorded_on or self.created_at.date()
            return self.estimated_age + years_between(recorded, today)
        return None

    def is_child(self, today: date) -> bool:
        """A person under 18 — or of unknown age presumed to be a child — is a child."""
        age = self.age(today)
        return age < CHILD_AGE if age is not None else self.presumed_child

    @property
    def language_list(self) -> list[str]:
        return split_codes(self.languages)

    @property
    def exploitation_list(self) -> list[str]:
        return split_codes(self.exploitation_forms)

    @property
    def has_best_interests_determination(self) -> bool:
        return self.best_interests_on is not None and bool(self.best_interests_outcome.strip())

    def __repr__(self) -> str:
        return f"<Case {self.code}>"


class CaseNeed(db.Model):
    __tablename__ = "case_needs"
    __table_args__ = (
        UniqueConstraint("case_id", "category_id"),
        # The dashboard's needs by place, from a province's cases (migration 0007).
        Index("ix_case_needs_dashboard", "case_id", "status", "updated_at", "category_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    category_id: Mapped[int] = mapped_column(ForeignKey("need_categories.id"), index=True)
    status: Mapped[str] = mapped_column(String(16), default="open")
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)

    case: Mapped[Case] = relationship(back_populates="needs")
    category: Mapped[NeedCategory] = relationship(lazy="joined")


class StageChange(db.Model):
    """One row per stage change: from, to, when, who, why."""

    __tablename__ = "case_stage_changes"
    # The dashboard's moves between stages, from a province's cases (migration 0007).
    __table_args__ = (
        Index("ix_case_stage_changes_dashboard", "case_id", "at", "from_stage", "to_stage"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    from_stage: Mapped[str | None] = mapped_column(String(16))
    to_stage: Mapped[str] = mapped_column(String(16))
    closed_reason: Mapped[str | None] = mapped_column(String(32))
    note: Mapped[str] = mapped_column(Text, default="")
    at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, index=True)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))

    case: Mapped[Case] = relationship(back_populates="stage_changes")
    user = relationship("User")

    @property
    def is_step_back(self) -> bool:
        return self.from_stage is not None and STAGES.index(self.to_stage) < STAGES.index(
            self.from_stage
        )
