"""The directory of services: Open Referral HSDS 3.0 plus what trafficking work needs."""

import uuid
from datetime import datetime, time

from sqlalchemy import (
    Boolean,
    Float,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    Time,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.database import utcnow
from app.extensions import db
from app.orgs.models import Organisation
from app.sqltypes import UTCDateTime

SERVICE_STATUSES = ("active", "temporarily_closed", "inactive", "defunct")
GENDERS = ("female", "male", "other")
EXPLOITATION_FORMS = (
    "sexual",
    "forced_labour",
    "domestic_servitude",
    "forced_marriage",
    "forced_criminality",
    "begging",
    "organ_removal",
    "child_soldiering",
    "other",
)
STAGES = ("identification", "protection", "reintegration")
WEEKDAYS = range(7)  # 0 = Monday, as in Python and HSDS's byday order MO..SU


def new_id() -> str:
    return str(uuid.uuid4())


def join_codes(values) -> str:
    """Store a set of codes as ',a,b,' so one code can be matched with LIKE '%,a,%'."""
    values = sorted({v for v in values if v})
    return f",{','.join(values)}," if values else ""


def split_codes(stored: str | None) -> list[str]:
    return [v for v in (stored or "").split(",") if v]


class NeedCategory(db.Model):
    """A term of the need taxonomy; its code is stable across languages and releases."""

    __tablename__ = "need_categories"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(64), unique=True)
    stages: Mapped[str] = mapped_column(String(100), default="")
    position: Mapped[int] = mapped_column(Integer, default=0)
    active: Mapped[bool] = mapped_column(Boolean, default=True)

    texts: Mapped[list["NeedCategoryText"]] = relationship(
        cascade="all, delete-orphan", lazy="selectin"
    )

    @property
    def stage_list(self) -> list[str]:
        return split_codes(self.stages)

    def text(self, locale: str) -> "NeedCategoryText | None":
        by_locale = {t.locale: t for t in self.texts}
        return by_locale.get(locale) or by_locale.get("en")

    def name(self, locale: str) -> str:
        text = self.text(locale)
        return text.name if text else self.code


class NeedCategoryText(db.Model):
    __tablename__ = "need_category_texts"
    __table_args__ = (UniqueConstraint("category_id", "locale"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    category_id: Mapped[int] = mapped_column(
        ForeignKey("need_categories.id", ondelete="CASCADE"), index=True
    )
    locale: Mapped[str] = mapped_column(String(8))
    name: Mapped[str] = mapped_column(String(200))
    description: Mapped[str] = mapped_column(Text, default="")


class ServiceCategory(db.Model):
    __tablename__ = "service_categories"

    service_id: Mapped[str] = mapped_column(
        ForeignKey("services.id", ondelete="CASCADE"), primary_key=True
    )
    category_id: Mapped[int] = mapped_column(
        ForeignKey("need_categories.id"), primary_key=True, index=True
    )


class Service(db.Model):
    __tablename__ = "services"
    # The directory in name order, for a search with no place and no words (the search page
    # as it opens, and a partner reading the whole directory through the API): a page of 20
    # is read off this index instead of sorting every service.
    __table_args__ = (Index("ix_services_listing", "name", "id", "status"),)

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisations.id"), index=True)
    name: Mapped[str] = mapped_column(String(200))
    description: Mapped[str] = mapped_column(Text, default="")
    original_locale: Mapped[str] = mapped_column(String(8), default="en")
    status: Mapped[str] = mapped_column(String(24), default="active", index=True)
    # How to get it
    self_referral: Mapped[bool] = mapped_column(Boolean, default=True)
    application_process: Mapped[str] = mapped_column(Text, default="")
    documents_required: Mapped[str] = mapped_column(Text, default="")
    free: Mapped[bool] = mapped_column(Boolean, default=True)
    cost_text: Mapped[str] = mapped_column(String(500), default="")
    # Who it is for
    genders: Mapped[str] = mapped_column(String(64), default="")
    min_age: Mapped[int | None] = mapped_column(Integer)
    max_age: Mapped[int | None] = mapped_column(Integer)
    exploitation_forms: Mapped[str] = mapped_column(String(300), default="")
    eligibility_requirements: Mapped[str] = mapped_column(Text, default="")
    languages: Mapped[str] = mapped_column(String(200), default="")
    interpretation: Mapped[bool] = mapped_column(Boolean, default=False)
    # When and how to reach it
    open_24_7: Mapped[bool] = mapped_column(Boolean, default=False)
    hours_note: Mapped[str] = mapped_column(String(300), default="")
    phone: Mapped[str] = mapped_column(String(50), default="")
    hotline: Mapped[str] = mapped_column(String(50), default="")
    email: Mapped[str] = mapped_column(String(254), default="")
    website: Mapped[str] = mapped_column(String(500), default="")
    contact_name: Mapped[str] = mapped_column(String(200), default="")
    # Shelter capacity
    beds_total: Mapped[int | None] = mapped_column(Integer)
    beds_available: Mapped[int | None] = mapped_column(Integer)
    capacity_updated_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    accessibility: Mapped[str] = mapped_column(Text, default="")
    nationwide: Mapped[bool] = mapped_column(Boolean, default=False)
    alert_text: Mapped[str] = mapped_column(String(500), default="")
    last_verified_at: Mapped[datetime | None] = mapped_column(UTCDateTime, index=True)
    last_verified_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)
    version: Mapped[int] = mapped_column(Integer, default=1)
    # Names and descriptions in every language, lower-cased without Latin diacritics, for
    # full-text search (FTS5 trigram on SQLite, pg_trgm on PostgreSQL). Kept by app.search.text.
    search_text: Mapped[str] = mapped_column(Text, default="")
    # Its names alone, in every language and normalised the same way: a search without a place
    # lists the services named for what was typed first, whatever language the name is in.
    search_names: Mapped[str] = mapped_column(Text, default="")
    # The codes of its categories as ',a,b,', so a results page needs no extra query for them.
    category_codes: Mapped[str] = mapped_column(String(500), default="")

    __mapper_args__ = {"version_id_col": version}

    organisation: Mapped[Organisation] = relationship(lazy="joined")
    category_links: Mapped[list[ServiceCategory]] = relationship(
        cascade="all, delete-orphan", lazy="selectin"
    )
    texts: Mapped[list["ServiceText"]] = relationship(cascade="all, delete-orphan", lazy="selectin")
    schedules: Mapped[list["ServiceSchedule"]] = relationship(
        cascade="all, delete-orphan", lazy="selectin", order_by="ServiceSchedule.weekday"
    )
    areas: Mapped[list["ServiceArea"]] = relationship(cascade="all, delete-orphan", lazy="selectin")
    location_links: Mapped[list["ServiceAtLocation"]] = relationship(
        cascade="all, delete-orphan", lazy="selectin", back_populates="service"
    )

    @property
    def category_ids(self) -> list[int]:
        return sorted(link.category_id for link in self.category_links)

    @property
    def category_code_list(self) -> list[str]:
        return split_codes(self.category_codes)

    @property
    def language_list(self) -> list[str]:
        return split_codes(self.languages)

    @property
    def gender_list(self) -> list[str]:
        return split_codes(self.genders)

    @property
    def exploitation_list(self) -> list[str]:
        return split_codes(self.exploitation_forms)

    @property
    def locations(self) -> list["Location"]:
        return [link.location for link in self.location_links]

    def localized(self, locale: str) -> tuple[str, str]:
        """Return (name, description) in `locale`, falling back to the original text."""
        for text in self.texts:
            if text.locale == locale:
                return text.name or self.name, text.description or self.description
        return self.name, self.description


class ServiceText(db.Model):
    """A service's name and description in another language."""

    __tablename__ = "service_texts"
    __table_args__ = (UniqueConstraint("service_id", "locale"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    service_id: Mapped[str] = mapped_column(
        ForeignKey("services.id", ondelete="CASCADE"), index=True
    )
    locale: Mapped[str] = mapped_column(String(8))
    name: Mapped[str] = mapped_column(String(200), default="")
    description: Mapped[str] = mapped_column(Text, default="")


class ServiceSchedule(db.Model):
    """Opening hours: one row per day and opening period."""

    __tablename__ = "service_schedules"
    # A service's hours on a weekday: "open now" near a place looks each service up by it.
    # (PostgreSQL also has ix_service_schedules_open, by weekday and hours, made by hand.)
    __table_args__ = (
        Index("ix_service_schedules_service", "service_id", "weekday", "opens_at", "closes_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    service_id: Mapped[str] = mapped_column(ForeignKey("services.id", ondelete="CASCADE"))
    weekday: Mapped[int] = mapped_column(Integer)
    opens_at: Mapped[time] = mapped_column(Time)
    closes_at: Mapped[time] = mapped_column(Time)


class ServiceArea(db.Model):
    """Where a service takes people from: a country, or one province of it."""

    __tablename__ = "service_areas"

    id: Mapped[int] = mapped_column(primary_key=True)
    service_id: Mapped[str] = mapped_column(
        ForeignKey("services.id", ondelete="CASCADE"), index=True
    )
    country: Mapped[str] = mapped_column(String(2))
    province_code: Mapped[str | None] = mapped_column(String(8))


class Location(db.Model):
    """A place where services are offered; a confidential one is a safe house."""

    __tablename__ = "locations"
    __table_args__ = (Index("ix_locations_latitude_longitude", "latitude", "longitude"),)

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisations.id"), index=True)
    name: Mapped[str] = mapped_column(String(200), default="")
    address_line: Mapped[str] = mapped_column(String(300), default="")
    city: Mapped[str] = mapped_column(String(120), default="")
    province_code: Mapped[str | None] = mapped_column(String(8), index=True)
    province: Mapped[str] = mapped_column(String(120), default="")
    postal_code: Mapped[str] = mapped_column(String(20), default="")
    country: Mapped[str] = mapped_column(String(2), index=True)
    latitude: Mapped[float | None] = mapped_column(Float)
    longitude: Mapped[float | None] = mapped_column(Float)
    confidential: Mapped[bool] = mapped_column(Boolean, default=False)

    organisation: Mapped[Organisation] = relationship(lazy="joined")


class ServiceAtLocation(db.Model):
    __tablename__ = "service_at_locations"
    __table_args__ = (UniqueConstraint("service_id", "location_id"),)

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    service_id: Mapped[str] = mapped_column(
        ForeignKey("services.id", ondelete="CASCADE"), index=True
    )
    location_id: Mapped[str] = mapped_column(
        ForeignKey("locations.id", ondelete="CASCADE"), index=True
    )

    service: Mapped[Service] = relationship(back_populates="location_links")
    location: Mapped[Location] = relationship(lazy="joined")


class Place(db.Model):
    """The offline gazetteer (GeoNames-derived): so "near Chiang Mai" needs no network."""

    __tablename__ = "places"

    id: Mapped[int] = mapped_column(primary_key=True)  # the GeoNames id
    name: Mapped[str] = mapped_column(String(200))
    ascii_name: Mapped[str] = mapped_column(String(200), index=True)
    alt_names: Mapped[str] = mapped_column(Text, default="")
    country: Mapped[str] = mapped_column(String(2), index=True)
    province_code: Mapped[str | None] = mapped_column(String(8))
    latitude: Mapped[float] = mapped_column(Float)
    longitude: Mapped[float] = mapped_column(Float)
    population: Mapped[int] = mapped_column(Integer, default=0)


class DirectoryNudge(db.Model):
    """A coordinator's request that an organisation re-check its stale listings."""

    __tablename__ = "directory_nudges"

    id: Mapped[int] = mapped_column(primary_key=True)
    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisations.id"), index=True)
    created_by_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    stale_count: Mapped[int] = mapped_column(Integer, default=0)
