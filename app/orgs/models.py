"""Organisations: the members of a referral network."""

from datetime import datetime

from sqlalchemy import String
from sqlalchemy.orm import Mapped, mapped_column

from app.database import utcnow
from app.extensions import db
from app.sqltypes import UTCDateTime

ORGANISATION_TYPES = (
    "ngo",
    "government",
    "international",
    "law_enforcement",
    "health",
    "legal_aid",
    "faith_based",
    "other",
)


class Organisation(db.Model):
    __tablename__ = "organisations"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(32), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    country: Mapped[str] = mapped_column(String(2))
    type: Mapped[str] = mapped_column(String(32), default="ngo")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    def __repr__(self) -> str:
        return f"<Organisation {self.code}>"
