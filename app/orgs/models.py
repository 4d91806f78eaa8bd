"""Organisations: the members of a referral network."""

from datetime import datetime
from uuid import uuid4

from sqlalchemy import String, Text
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
    # Stable public id for interchange (HSDS organization.id).
    uuid: Mapped[str] = mapped_column(String(36), unique=True, default=lambda: str(uuid4()))
    description: Mapped[str] = mapped_column(Text, default="")
    website: Mapped[str] = mapped_column(String(500), default="")
    email: Mapped[str] = mapped_column(String(254), default="")
    phone: Mapped[str] = mapped_column(String(50), default="")

    def __repr__(self) -> str:
        return f"<Organisation {self.code}>"
