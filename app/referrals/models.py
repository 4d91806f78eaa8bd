"""Referrals: from a case to a service, through an explicit state machine, to an outcome."""

from datetime import datetime, timedelta

from sqlalchemy import Column, ForeignKey, Index, Integer, String, Table, Text, event, inspect
from sqlalchemy.orm import Mapped, Session, mapped_column, relationship

from app.cases.models import Case, new_code
from app.consent.models import Consent
from app.database import utcnow
from app.directory.models import NeedCategory, Service, split_codes
from app.extensions import db
from app.orgs.models import Organisation
from app.sqltypes import UTCDateTime

STATUSES = (
    "draft",
    "sent",
    "accepted",
    "declined",
    "completed",
    "not_completed",
    "cancelled",
    "withdrawn",
)
OPEN_STATUSES = ("draft", "sent", "accepted")
URGENCIES = ("emergency", "high", "normal")

# (status, action) -> new status. Anything else is refused.
TRANSITIONS: dict[tuple[str, str], str] = {
    ("draft", "send"): "sent",
    ("sent", "accept"): "accepted",
    ("sent", "decline"): "declined",
    ("accepted", "complete"): "completed",
    ("accepted", "not_complete"): "not_completed",
    **{(status, "cancel"): "cancelled" for status in OPEN_STATUSES},
    **{(status, "withdraw"): "withdrawn" for status in OPEN_STATUSES},
}
SENDER_ACTIONS = ("send", "cancel")
RECEIVER_ACTIONS = ("accept", "decline", "complete", "not_complete")
# Actions whose note is required: the reason or the outcome.
NOTE_REQUIRED = ("decline", "complete", "not_complete", "cancel")

# What the dashboard reads of a referral beyond its filters (kept in its covering indexes).
DASHBOARD_FIGURES = ("urgency", "status", "answer_hours", "completion_hours", "sent_at",
                     "to_organisation_id", "category_ids")  # fmt: skip

referral_categories = Table(
    "referral_categories",
    db.metadata,
    Column("referral_id", ForeignKey("referrals.id", ondelete="CASCADE"), primary_key=True),
    Column("category_id", ForeignKey("need_categories.id"), primary_key=True),
)


class Referral(db.Model):
    __tablename__ = "referrals"
    __table_args__ = (
        Index("ix_referrals_to_status", "to_organisation_id", "status"),
        # The dashboard's filtered views read these alone (migration 0007).
        Index("ix_referrals_dashboard", "month", "reporting_until", "country", "province",
              *DASHBOARD_FIGURES),
        Index("ix_referrals_dashboard_place", "province", "month", "reporting_until", "country",
              *DASHBOARD_FIGURES),
        # Referrals waiting for an answer, by when they were sent: the overdue list reads them
        # from here alone, whatever the filters (migrations 0009 and 0010).
        Index("ix_referrals_waiting", "status", "sent_at", "month", "reporting_until", "country",
              "province", "urgency", "to_organisation_id", "from_organisation_id",
              "category_ids"),
        # Whose reporting consent ran out since the dashboard's counts were taken.
        Index("ix_referrals_reporting_until", "reporting_until"),
        # An organisation's referrals, sent or received, by month: its own dashboard and lists
        # (migration 0010).
        Index("ix_referrals_from_month", "from_organisation_id", "month"),
        Index("ix_referrals_to_month", "to_organisation_id", "month"),
    )  # fmt: skip

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(20), unique=True, default=new_code)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id"), index=True)
    service_id: Mapped[int] = mapped_column(ForeignKey("services.id"), index=True)
    from_organisation_id: Mapped[int] = mapped_column(ForeignKey("organisations.id"))
    to_organisation_id: Mapped[int] = mapped_column(ForeignKey("organisations.id"))
    sender_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    urgency: Mapped[str] = mapped_column(String(16), default="normal")
    note: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[str] = mapped_column(String(16), default="draft")
    consent_id: Mapped[int | None] = mapped_column(ForeignKey("consents.id"), index=True)
    # A consent override (vital interest): who, why, and which data categories it shares.
    override_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    override_reason: Mapped[str] = mapped_column(Text, default="")
    override_data: Mapped[str] = mapped_column(String(200), default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    sent_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    answered_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    finished_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    status_note: Mapped[str] = mapped_column(Text, default="")
    version: Mapped[int] = mapped_column(Integer, default=1)
    # Kept for the dashboards, so a filtered view reads one indexed table: where and when it
    # was sent (the case's place of identification), how long answers took, and until when the
    # case's reporting consent lets it be counted (DESIGN rule 5).
    month: Mapped[str | None] = mapped_column(String(7))
    country: Mapped[str] = mapped_column(String(2), default="")
    province: Mapped[str] = mapped_column(String(10), default="")
    answer_hours: Mapped[int | None] = mapped_column(Integer)
    completion_hours: Mapped[int | None] = mapped_column(Integer)
    reporting_until: Mapped[datetime | None] = mapped_column(UTCDateTime)
    # The ids of `categories` as ",3,7,", kept by a flush hook: the dashboard counts needs from
    # its covering index instead of joining referral_categories row by row.
    category_ids: Mapped[str] = mapped_column(String(200), default="")

    case: Mapped[Case] = relationship()
    service: Mapped[Service] = relationship()
    from_organisation: Mapped[Organisation] = relationship(foreign_keys=[from_organisation_id])
    to_organisation: Mapped[Organisation] = relationship(foreign_keys=[to_organisation_id])
    sender = relationship("User", foreign_keys=[sender_id])
    override_by = relationship("User", foreign_keys=[override_by_id])
    consent: Mapped[Consent | None] = relationship()
    categories: Mapped[list[NeedCategory]] = relationship(
        secondary=referral_categories, order_by=NeedCategory.position
    )
    history: Mapped[list["ReferralHistory"]] = relationship(
        back_populates="referral", cascade="all, delete-orphan", order_by="ReferralHistory.id"
    )

    __mapper_args__ = {"version_id_col": version}

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_STATUSES

    @property
    def overridden(self) -> bool:
        return self.override_by_id is not None

    def due_at(self, response_days: int, emergency_days: int) -> datetime | None:
        """When an answer is due; None before it is sent."""
        if self.sent_at is None:
            return None
        days = emergency_days if self.urgency == "emergency" else response_days
        return self.sent_at + timedelta(days=days)

    def shared_data(self, at: datetime) -> list[str]:
        """The data categories the receiving organisation may see now (rule 2 and rule 3)."""
        if self.status in ("draft", "cancelled", "withdrawn"):
            return []
        if self.overridden:
            return split_codes(self.override_data)
        if self.consent is None or not self.consent.is_valid(at):
            return []
        return self.consent.data_category_list


def join_ids(ids) -> str:
    """Category ids as the dashboard keeps them: sorted, comma-separated, commas around."""
    ids = sorted(set(ids))
    return f",{','.join(map(str, ids))}," if ids else ""


def split_ids(text: str) -> list[int]:
    return [int(part) for part in text.split(",") if part]


@event.listens_for(Session, "before_flush")
def _keep_category_ids(session: Session, _context, _instances) -> None:
    for referral in list(session.new) + list(session.dirty):
        changed = isinstance(referral, Referral) and inspect(referral).attrs.categories.history
        if changed and changed.has_changes():
            referral.category_ids = join_ids(c.id for c in referral.categories)


class ReferralHistory(db.Model):
    """One row per transition: from, to, when, who, why."""

    __tablename__ = "referral_history"

    id: Mapped[int] = mapped_column(primary_key=True)
    referral_id: Mapped[int] = mapped_column(
        ForeignKey("referrals.id", ondelete="CASCADE"), index=True
    )
    from_status: Mapped[str | None] = mapped_column(String(16))
    to_status: Mapped[str] = mapped_column(String(16))
    at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    organisation_id: Mapped[int | None] = mapped_column(ForeignKey("organisations.id"))
    note: Mapped[str] = mapped_column(Text, default="")

    referral: Mapped[Referral] = relationship(back_populates="history")
    user = relationship("User")
    organisation: Mapped[Organisation | None] = relationship()


class Notification(db.Model):
    """An in-app notice for one user about one referral; never carries personal data."""

    __tablename__ = "notifications"
    __table_args__ = (Index("ix_notifications_user_read", "user_id", "read_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    referral_id: Mapped[int] = mapped_column(ForeignKey("referrals.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(String(32))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    read_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    referral: Mapped[Referral] = relationship()
