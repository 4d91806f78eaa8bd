"""The dashboard's figures, each one SQL aggregate over the filtered referrals, cases or needs.

Only cases whose reporting consent is valid now are counted (DESIGN rule 5); no query here
returns a row per person.
"""

from datetime import datetime, timedelta
from functools import lru_cache
from typing import NamedTuple

from flask import current_app
from sqlalchemy import (
    Row,
    String,
    and_,
    bindparam,
    exists,
    func,
    literal_column,
    or_,
    select,
    union,
    union_all,
)
from sqlalchemy.orm import aliased

from app.cases.models import Case, CaseNeed, StageChange
from app.dashboard.facts import bucket, rarely
from app.database import utcnow
from app.directory.models import (
    Location,
    NeedCategory,
    Service,
    ServiceArea,
    ServiceAtLocation,
)
from app.directory.taxonomy import Category, all_categories
from app.directory.taxonomy import forget as forget_categories
from app.extensions import db
from app.orgs.models import Organisation
from app.referrals.models import STATUSES, Referral, split_ids

SENT_STATUSES = STATUSES[1:]  # every status a referral can have once it was sent
ANSWERED = ("accepted", "declined", "completed", "not_completed")
ACCEPTED = ("accepted", "completed", "not_completed")


def _category_id(code: str) -> int | None:
    return db.session.scalar(select(NeedCategory.id).where(NeedCategory.code == code))


def referral_conditions(filters, scope_org: int | None, now: datetime) -> list:
    """WHERE conditions for the referrals a view counts."""
    conditions = [
        Referral.month >= filters.start,
        Referral.month <= filters.end,
        Referral.reporting_until > now,
    ]
    if filters.scope:
        conditions.append(Referral.country.in_(filters.scope))
    if filters.country:
        conditions.append(Referral.country == filters.country)
    if filters.province:
        conditions.append(Referral.province == filters.province)
    if filters.urgency:
        conditions.append(Referral.urgency == filters.urgency)
    if filters.category:
        # From the need ids kept on the referral's row (and in the dashboard's covering indexes),
        # not a lookup in referral_categories for every referral of the period.
        conditions.append(Referral.category_ids.contains(f",{_category_id(filters.category)},"))
    for org_id in {o for o in (scope_org, filters.organisation and filters.organisation.id) if o}:
        if filters.direction == "sent" and org_id == scope_org:
            conditions.append(Referral.from_organisation_id == org_id)
        elif filters.direction == "received" and org_id == scope_org:
            conditions.append(Referral.to_organisation_id == org_id)
        else:
            conditions.append(
                or_(Referral.from_organisation_id == org_id, Referral.to_organisation_id == org_id)
            )
    return conditions


def by_status(where) -> dict[str, int]:
    rows = db.session.execute(
        select(Referral.status, func.count()).where(*where).group_by(Referral.status)
    )
    counts = dict.fromkeys(SENT_STATUSES, 0)
    counts.update({status: n for status, n in rows})
    return counts


def by_category(where) -> list[tuple[Category, int]]:
    """Referrals per need: counted by their sets of needs, then each set split in Python."""
    rows = db.session.execute(
        select(Referral.category_ids, func.count()).where(*where).group_by(Referral.category_ids)
    )
    return per_category(rows)


def per_category(rows) -> list[tuple[Category, int]]:
    """(need ids, how many) rows as a count per need, in the taxonomy's order."""
    counts: dict[int, int] = {}
    for ids, n in rows:
        for category_id in split_ids(ids):
            counts[category_id] = counts.get(category_id, 0) + n
    return [(c, counts.get(c.id, 0)) for c in all_categories() if c.active or counts.get(c.id)]


def nearest_rank(histogram: list[tuple[int, int]], percent: int) -> int | None:
    """The nearest-rank percentile of hour counts given as sorted (hours, how many) pairs.

    The smallest value with at least `percent`% of all values at or below it: a value that
    really occurred, never an average of two.
    """
    total = sum(n for _, n in histogram)
    if not total:
        return None
    rank = max(1, -(-total * percent // 100))  # ceil(total * percent / 100), in integers
    seen = 0
    for hours, n in histogram:
        seen += n
        if seen >= rank:
            return hours
    return histogram[-1][0]


def durations(where, column) -> dict:
    """How many, the median and the 90th percentile of the durations in `column`: whole hours
    under two days, whole days from then on (app.dashboard.facts.bucket)."""
    grain = bucket(column)
    histogram = db.session.execute(
        select(grain, func.count())
        .where(*where, column.is_not(None))
        .group_by(grain)
        .order_by(grain)
    ).all()
    return summary(histogram)


def summary(histogram: list[tuple[int, int]]) -> dict:
    return {
        "count": sum(n for _, n in histogram),
        "median": nearest_rank(histogram, 50),
        "p90": nearest_rank(histogram, 90),
    }


def _deadlines(now: datetime) -> tuple[datetime, datetime]:
    """Referrals sent before these (normal, emergency) and still unanswered are overdue."""
    config = current_app.config
    return (
        now - timedelta(days=config["REFERRAL_RESPONSE_DAYS"]),
        now - timedelta(days=config["REFERRAL_EMERGENCY_RESPONSE_DAYS"]),
    )


def _late(now: datetime):
    normal, urgent = _deadlines(now)
    return or_(
        and_(Referral.urgency == "emergency", Referral.sent_at < urgent),
        and_(Referral.urgency != "emergency", Referral.sent_at < normal),
    )


def _receiver():
    # "+ 0" keeps SQLite from walking the organisation index to group (it then looks up every
    # referral's row): the covering indexes of the period are ten times faster.
    return Referral.to_organisation_id + literal_column("0")


def overdue_by_organisation(where, now: datetime) -> list[tuple[Row, int]]:
    receiver = _receiver()
    rows = db.session.execute(
        select(receiver, func.count())
        .where(*where, Referral.status == "sent", _late(now))
        .group_by(receiver)
    )
    return ranked(dict(rows.all()))


def not_yet_late(where, now: datetime) -> dict[int, int]:
    """Referrals waiting for an answer but not late yet, per receiving organisation: the few
    sent in the last days, read from the index by time sent."""
    earliest = min(_deadlines(now))
    rows = db.session.execute(
        select(Referral.to_organisation_id, func.count())
        .where(*where, Referral.status == "sent", rarely(Referral.sent_at >= earliest))
        .where(~_late(now))
        .group_by(Referral.to_organisation_id)
    )
    return dict(rows.all())


def ranked(counts: dict[int, int]) -> list[tuple[Row, int]]:
    """Organisations (id and name) with their count, most first, then by name."""
    wanted = [org_id for org_id, n in counts.items() if n > 0]
    organisations = db.session.execute(
        select(Organisation.id, Organisation.name).where(Organisation.id.in_(wanted))
    )
    return sorted(((o, counts[o.id]) for o in organisations), key=lambda p: (-p[1], p[0].name))


def case_conditions(filters, scope_org: int | None, now: datetime) -> list:
    need = aliased(CaseNeed)
    conditions = [Case.reporting_until > now, Case.created_at < filters.end_at]
    if filters.scope:
        conditions.append(Case.identified_country.in_(filters.scope))
    if filters.country:
        conditions.append(Case.identified_country == filters.country)
    if filters.province:
        conditions.append(Case.identified_province == filters.province)
    for org_id in {o for o in (scope_org, filters.organisation and filters.organisation.id) if o}:
        conditions.append(Case.organisation_id == org_id)
    if filters.category:
        conditions.append(
            # Its own alias: the needs figure reads case_needs too, and a bare CaseNeed here
            # would be taken for that query's row instead of any need of the case.
            exists().where(
                need.case_id == Case.id, need.category_id == _category_id(filters.category)
            )
        )
    return conditions


def cases_by_stage(where) -> dict[str, int]:
    rows = db.session.execute(select(Case.stage, func.count()).where(*where).group_by(Case.stage))
    counts = dict.fromkeys(("identification", "protection", "reintegration", "closed"), 0)
    counts.update(dict(rows.all()))
    return counts


def stage_flow(where, filters) -> dict[tuple[str, str], int]:
    """How many moves between stages happened in the period, by (from, to)."""
    rows = db.session.execute(
        select(StageChange.from_stage, StageChange.to_stage, func.count())
        .join(Case, Case.id == StageChange.case_id)
        .where(
            *where,
            StageChange.from_stage.is_not(None),
            StageChange.at >= filters.start_at,
            StageChange.at < filters.end_at,
        )
        .group_by(StageChange.from_stage, StageChange.to_stage)
    )
    return {(a, b): n for a, b, n in rows}


def needs_by_place(where, filters, limit: int | None = None) -> tuple[list[dict], int]:
    """Needs met, unmet and declined per category and province, beside the active services."""
    rows = db.session.execute(
        select(
            CaseNeed.category_id,
            Case.identified_country,
            Case.identified_province,
            CaseNeed.status,
            func.count(),
        )
        .join(Case, Case.id == CaseNeed.case_id)
        .where(
            *where,
            CaseNeed.status.in_(("met", "unmet", "declined")),
            CaseNeed.updated_at >= filters.start_at,
            CaseNeed.updated_at < filters.end_at,
        )
        .group_by(
            CaseNeed.category_id, Case.identified_country, Case.identified_province, CaseNeed.status
        )
    ).all()
    return needs_table(rows, limit)


def needs_table(rows, limit: int | None = None) -> tuple[list[dict], int]:
    """(need, country, province, status, how many) rows as one row per need and place, most
    unmet first, beside the active services there: the first `limit` of them, and how many
    there are in all."""
    table: dict[tuple, dict] = {}
    for category_id, country, province, status, n in rows:
        if n:
            key = (category_id, country or "", province or "")
            table.setdefault(key, {"met": 0, "unmet": 0, "declined": 0})[status] = n
    categories = {c.id: c for c in all_categories()}
    if any(key[0] not in categories for key in table):  # added since the taxonomy was cached
        forget_categories()
        categories = {c.id: c for c in all_categories()}
    keys = sorted(table, key=lambda k: (-table[k]["unmet"], categories[k[0]].position, k[2]))
    shown = keys if limit is None else keys[:limit]
    services = active_services_by_place(shown)
    result = [
        {
            "category": categories[key[0]],
            "country": key[1],
            "province": key[2],
            **table[key],
            "services": services.get(key, 0),
        }
        for key in shown
    ]
    return result, len(keys)


def active_services_by_place(keys) -> dict[tuple[int, str, str], int]:
    """Active services per (need, country, province) of `keys`, in two queries for all of them.

    A service serves a province when it is located there, has a service area of that province
    or of its whole country, or is nationwide in its organisation's country. With no province,
    every active service of the need counts.
    """
    keys = list(keys)
    if not keys:
        return {}
    wanted = sorted({key[0] for key in keys})
    counts: dict[tuple[int, str, str], int] = {}
    if any(not province for _, _, province in keys):
        totals = dict(db.session.execute(_services_anywhere(), {"wanted": wanted}).all())
        counts.update({k: totals.get(k[0], 0) for k in keys if not k[2]})
    places = sorted({(country, province) for _, country, province in keys if province})
    if not places:
        return counts
    values = {"wanted": wanted}
    for number, (country, province) in enumerate(places):
        values[f"country_{number}"], values[f"province_{number}"] = country, province
    rows = db.session.execute(_services_serving(len(places)), values)
    found = {(c, country, province): n for c, country, province, n in rows}
    counts.update({k: found.get(k, 0) for k in keys if k[2]})
    return counts


def _category_matches():
    return Service.category_codes.contains("," + NeedCategory.code + ",")


@lru_cache(maxsize=1)
def _services_anywhere():
    return (
        select(NeedCategory.id, func.count(Service.id))
        .join(Service, _category_matches())
        .where(Service.status == "active", NeedCategory.id.in_(bindparam("wanted", expanding=True)))
        .group_by(NeedCategory.id)
    )


@lru_cache(maxsize=32)
def _services_serving(places: int):
    """The statement for that many places, built once: only the values change."""
    place = union_all(
        *(
            select(
                bindparam(f"country_{n}", type_=String).label("country"),
                bindparam(f"province_{n}", type_=String).label("province"),
            )
            for n in range(places)
        )
    ).subquery("place")
    served = union(
        select(ServiceAtLocation.service_id, place.c.country, place.c.province)
        .join(Location, Location.id == ServiceAtLocation.location_id)
        .join(place, place.c.province == Location.province_code),
        select(ServiceArea.service_id, place.c.country, place.c.province).join(
            place,
            or_(
                ServiceArea.province_code == place.c.province,
                and_(ServiceArea.country == place.c.country, ServiceArea.province_code.is_(None)),
            ),
        ),
        select(Service.id, place.c.country, place.c.province)
        .join(Organisation, Organisation.id == Service.organisation_id)
        .join(place, place.c.country == Organisation.country)
        .where(Service.nationwide.is_(True)),
    ).subquery("served")
    return (
        select(NeedCategory.id, served.c.country, served.c.province, func.count())
        .select_from(served)
        .join(Service, Service.id == served.c.service_id)
        .join(NeedCategory, _category_matches())
        .where(Service.status == "active", NeedCategory.id.in_(bindparam("wanted", expanding=True)))
        .group_by(NeedCategory.id, served.c.country, served.c.province)
    )


class Named(NamedTuple):
    id: int
    name: str


def freshness(filters, scope_org: int | None, now: datetime) -> list[dict]:
    """Per organisation: active listings and how many were verified in the last 12 months."""
    months = current_app.config["DIRECTORY_STALE_MONTHS"]
    since = now - timedelta(days=round(months * 365.25 / 12))
    fresh = func.sum(func.coalesce((Service.last_verified_at >= since).cast(db.Integer), 0))
    statement = (
        select(Organisation.id, Organisation.name, func.count(Service.id), fresh)
        .join(Service, Service.organisation_id == Organisation.id)
        .where(Service.status == "active")
        .group_by(Organisation.id)
        .order_by(Organisation.name)
    )
    if filters.country:
        statement = statement.where(Organisation.country == filters.country)
    if filters.scope:
        statement = statement.where(Organisation.country.in_(filters.scope))
    for org_id in {o for o in (scope_org, filters.organisation and filters.organisation.id) if o}:
        statement = statement.where(Organisation.id == org_id)
    return [
        {"organisation": Named(org_id, name), "listings": total, "fresh": int(recent or 0)}
        for org_id, name, total, recent in db.session.execute(statement)
    ]


def now() -> datetime:
    return utcnow()
