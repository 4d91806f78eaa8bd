"""The dashboard's filters, read from the URL and checked; a bad value is named, never a 500."""

import re
from dataclasses import dataclass, field
from datetime import UTC, date, datetime

import pycountry
from flask_babel import lazy_gettext as _l
from sqlalchemy import select

from app.extensions import db
from app.orgs.models import Organisation
from app.orgs.services import COUNTRY_CODES
from app.referrals.models import URGENCIES

MONTH = re.compile(r"^20\d{2}-(0[1-9]|1[0-2])$")  # this century: a month after 9999 has no end
DIRECTIONS = ("all", "sent", "received")


@dataclass
class Filters:
    start: str  # first month, "YYYY-MM"
    end: str  # last month, "YYYY-MM"
    country: str = ""
    province: str = ""
    organisation: Organisation | None = None
    category: str = ""
    urgency: str = ""
    direction: str = "all"  # for an organisation's own view: its referrals sent, received or both
    scope: list[str] = field(default_factory=list)  # a coordinator's countries; empty: all
    errors: dict = field(default_factory=dict)

    @property
    def start_at(self) -> datetime:
        return datetime.strptime(self.start + "-01", "%Y-%m-%d").replace(tzinfo=UTC)

    @property
    def end_at(self) -> datetime:
        """The first instant after the last month."""
        year, month = map(int, self.end.split("-"))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
        return datetime(year, month, 1, tzinfo=UTC)

    def args(self) -> dict:
        """The filters as URL parameters (empty ones left out)."""
        pairs = {
            "from": self.start,
            "to": self.end,
            "country": self.country,
            "province": self.province,
            "organisation": self.organisation.code if self.organisation else "",
            "category": self.category,
            "urgency": self.urgency,
            "direction": "" if self.direction == "all" else self.direction,
        }
        return {k: v for k, v in pairs.items() if v}


def default_period(today: date) -> tuple[str, str]:
    """The last twelve months, this one included."""
    year, month = today.year, today.month - 11
    if month < 1:
        year, month = year - 1, month + 12
    return f"{year:04d}-{month:02d}", f"{today.year:04d}-{today.month:02d}"


def parse(args, today: date, categories, scope=()) -> Filters:
    """Read the filters from `args`; a bad one is reported and left out.

    `scope` limits a coordinator to some countries: nothing outside them is counted.
    """
    start, end = default_period(today)
    errors = {}
    wanted_start = (args.get("from") or "").strip()[:7] or start
    wanted_end = (args.get("to") or "").strip()[:7] or end
    if not MONTH.match(wanted_start):
        errors["from"] = _l("Give the first month as YYYY-MM.")
    elif not MONTH.match(wanted_end):
        errors["to"] = _l("Give the last month as YYYY-MM.")
    elif wanted_start > wanted_end:
        errors["to"] = _l("The last month must not come before the first month.")
    else:
        start, end = wanted_start, wanted_end
    filters = Filters(start=start, end=end, errors=errors, scope=list(scope))
    country = (args.get("country") or "").strip().upper()[:2]
    if country and (country not in COUNTRY_CODES or (scope and country not in scope)):
        errors["country"] = _l("Choose a country from the list.")
    else:
        filters.country = country
    province = (args.get("province") or "").strip().upper()[:10]
    if province:
        subdivision = pycountry.subdivisions.get(code=province)
        if subdivision is None or (country and subdivision.country_code != country):
            errors["province"] = _l("Choose a province of the chosen country.")
        else:
            filters.province = province
            filters.country = filters.country or subdivision.country_code
    code = (args.get("organisation") or "").strip()[:32]
    if code:
        filters.organisation = db.session.scalar(
            select(Organisation).where(Organisation.code == code)
        )
        if filters.organisation is None:
            errors["organisation"] = _l("Choose an organisation from the list.")
    category = (args.get("category") or "").strip()[:64]
    if category and category not in {c.code for c in categories}:
        errors["category"] = _l("Choose a need from the list.")
    else:
        filters.category = category
    urgency = (args.get("urgency") or "").strip()
    if urgency and urgency not in URGENCIES:
        errors["urgency"] = _l("Choose an urgency from the list.")
    else:
        filters.urgency = urgency
    direction = (args.get("direction") or "all").strip()
    filters.direction = direction if direction in DIRECTIONS else "all"
    return filters
