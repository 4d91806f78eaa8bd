"""Consent: separate records per kind, each saying who agreed to what, for whom, until when."""

from datetime import datetime

from sqlalchemy import Boolean, Column, ForeignKey, String, Table, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.database import utcnow
from app.directory.models import NeedCategory, split_codes
from app.extensions import db
from app.orgs.models import Organisation
from app.sqltypes import UTCDateTime

KINDS = ("services", "referral", "data_sharing", "reporting")
GIVERS = ("person", "guardian", "other")
LEGAL_BASES = ("consent", "vital_interest", "best_interests")
DATA_CATEGORIES = ("identity", "contact", "needs", "case_history", "health", "other")
METHODS = ("written", "verbal", "thumbprint")
ASSENTS = ("given", "refused", "not_able")

consent_organisations = Table(
    "consent_organisations",
    db.metadata,
    Column("consent_id", ForeignKey("consents.id", ondelete="CASCADE"), primary_key=True),
    Column("organisation_id", ForeignKey("organisations.id"), primary_key=True),
)
consent_purposes = Table(
    "consent_purposes",
    db.metadata,
    Column("consent_id", ForeignKey("consents.id", ondelete="CASCADE"), primary_key=True),
    Column("category_id", ForeignKey("need_categories.id"), primary_key=True),
)


class Consent(db.Model):
    __tablename__ = "consents"

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(16))
    given_by: Mapped[str] = mapped_column(String(16), default="person")
    legal_basis: Mapped[str] = mapped_column(String(16), default="consent")
    data_categories: Mapped[str] = mapped_column(String(200), default="")
    explained_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    language: Mapped[str] = mapped_column(String(8), default="")
    interpreter: Mapped[bool] = mapped_column(Boolean, default=False)
    method: Mapped[str] = mapped_column(String(16), default="written")
    child_assent: Mapped[str | None] = mapped_column(String(16))
    note: Mapped[str] = mapped_column(Text, default="")
    given_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    expires_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    withdrawn_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    withdrawn_recorded_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    withdrawal_reason: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    case = relationship("Case")
    organisations: Mapped[list[Organisation]] = relationship(
        secondary=consent_organisations, order_by=Organisation.name
    )
    purposes: Mapped[list[NeedCategory]] = relationship(
        secondary=consent_purposes, order_by=NeedCategory.position
    )
    explained_by = relationship("User", foreign_keys=[explained_by_id])
    withdrawn_recorded_by = relationship("User", foreign_keys=[withdrawn_recorded_by_id])

    @property
    def data_category_list(self) -> list[str]:
        return split_codes(self.data_categories)

    def is_valid(self, at: datetime) -> bool:
        """Given, not expired and not withdrawn at `at`."""
        return (
            self.given_at <= at
            and (self.expires_at is None or at < self.expires_at)
            and (self.withdrawn_at is None or at < self.withdrawn_at)
        )

    def covers_organisation(self, organisation_id: int) -> bool:
        return any(o.id == organisation_id for o in self.organisations)

    def covers_categories(self, category_ids) -> bool:
        """True when every need in `category_ids` is among the purposes named."""
        wanted = set(category_ids)
        return bool(wanted) and wanted <= {c.id for c in self.purposes}
