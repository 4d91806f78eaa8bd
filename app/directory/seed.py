"""Loading the taxonomy, the gazetteer and the demo directory from seed/ (idempotent)."""

import csv
import json
from datetime import time, timedelta
from pathlib import Path

from sqlalchemy import func, insert, select

from app.config import ROOT
from app.database import utcnow
from app.directory.models import (
    Location,
    NeedCategory,
    NeedCategoryText,
    Place,
    Service,
    ServiceArea,
    ServiceAtLocation,
    ServiceCategory,
    ServiceSchedule,
    ServiceText,
    join_codes,
)
from app.directory.services import EDITABLE_FIELDS
from app.extensions import db
from app.orgs.models import Organisation
from app.orgs.services import create_organisation

SEED = ROOT / "seed"


def load_taxonomy(path: Path = SEED / "taxonomy.json") -> int:
    """Create missing need categories and fill in their texts; return how many were added."""
    added = 0
    existing = {c.code: c for c in db.session.scalars(select(NeedCategory))}
    for row in json.loads(path.read_text(encoding="utf-8")):
        category = existing.get(row["code"])
        if category is None:
            category = NeedCategory(code=row["code"], position=row["position"])
            category.stages = join_codes(row["stages"])
            db.session.add(category)
            added += 1
        have = {t.locale for t in category.texts}
        for locale, name in row["names"].items():
            if locale not in have:
                category.texts.append(
                    NeedCategoryText(
                        locale=locale, name=name, description=row["descriptions"].get(locale, "")
                    )
                )
    db.session.commit()
    from app.directory.taxonomy import forget

    forget()
    return added


GAZETTEER_FILES = (SEED / "gazetteer.csv", SEED / "gazetteer_extra.csv")


def load_gazetteer(paths=GAZETTEER_FILES, batch: int = 5000) -> int:
    """Load the offline gazetteer (GeoNames towns, then urban districts) once."""
    if db.session.scalar(select(func.count()).select_from(Place)):
        return 0
    return sum(_load_places(path, batch) for path in paths)


def _load_places(path: Path, batch: int) -> int:
    added = 0
    with path.open(encoding="utf-8", newline="") as handle:
        rows = []
        for row in csv.DictReader(handle):
            rows.append(
                {
                    "id": int(row["id"]),
                    "name": row["name"],
                    "ascii_name": row["ascii_name"],
                    "alt_names": row["alt_names"],
                    "country": row["country"],
                    "province_code": row["province_code"] or None,
                    "latitude": float(row["latitude"]),
                    "longitude": float(row["longitude"]),
                    "population": int(row["population"] or 0),
                }
            )
            if len(rows) >= batch:
                db.session.execute(insert(Place), rows)
                added += len(rows)
                rows = []
        if rows:
            db.session.execute(insert(Place), rows)
            added += len(rows)
    db.session.commit()
    return added


def _time(value: str) -> time:
    hours, minutes = value.split(":")
    return time(int(hours), int(minutes))


def load_demo_directory(path: Path = SEED / "demo_directory.json") -> int:
    """Create the fictional demo organisations, locations and services that are missing."""
    data = json.loads(path.read_text(encoding="utf-8"))
    orgs = {o.code: o for o in db.session.scalars(select(Organisation))}
    for row in data["organisations"]:
        org = orgs.get(row["code"])
        if org is None:
            org = create_organisation(row["code"], row["name"], row["country"], row["type"])
            orgs[org.code] = org
        for key in ("description", "website", "email", "phone"):
            if not getattr(org, key):
                setattr(org, key, row.get(key, ""))
    have_locations = set(db.session.scalars(select(Location.id)))
    for row in data["locations"]:
        if row["id"] in have_locations:
            continue
        values = {k: v for k, v in row.items() if k != "organisation"}
        db.session.add(Location(organisation_id=orgs[row["organisation"]].id, **values))
    categories = {c.code: c.id for c in db.session.scalars(select(NeedCategory))}
    have_services = set(db.session.scalars(select(Service.id)))
    now = utcnow()
    added = 0
    for row in data["services"]:
        if row["id"] in have_services:
            continue
        service = Service(
            id=row["id"],
            organisation_id=orgs[row["organisation"]].id,
            **{k: row[k] for k in EDITABLE_FIELDS},
            languages=join_codes(row["languages"]),
            genders=join_codes(row["genders"]),
            exploitation_forms=join_codes(row["exploitation_forms"]),
            last_verified_at=now - timedelta(days=row["last_verified_days_ago"]),
            capacity_updated_at=now - timedelta(days=2) if row["beds_total"] else None,
        )
        service.category_links = [
            ServiceCategory(category_id=categories[code]) for code in row["categories"]
        ]
        service.schedules = [
            ServiceSchedule(weekday=s["weekday"], opens_at=_time(s["opens"]),
                            closes_at=_time(s["closes"]))
            for s in row["schedules"]
        ]  # fmt: skip
        service.areas = [ServiceArea(**area) for area in row["areas"]]
        service.texts = [
            ServiceText(locale=locale, **text) for locale, text in sorted(row["texts"].items())
        ]
        service.location_links = [ServiceAtLocation(location_id=lid) for lid in row["location_ids"]]
        db.session.add(service)
        added += 1
    db.session.commit()
    return added
