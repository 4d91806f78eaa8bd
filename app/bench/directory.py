"""A large, deterministic directory for benchmarks, written through the app's own tables.

Organisations are based in real towns of the gazetteer, chosen in proportion to population,
so cities are dense and the countryside sparse; every place is moved by at most 5 km. All
randomness comes from one random.Random(42), so the same count builds the same directory.
"""

import math
import uuid
from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, time, timedelta
from itertools import accumulate
from random import Random

import pycountry
from sqlalchemy import func, insert, select, text

from app.bench import phrases as P
from app.directory.models import (
    Location,
    NeedCategory,
    Place,
    Service,
    ServiceArea,
    ServiceAtLocation,
    ServiceCategory,
    ServiceSchedule,
    ServiceText,
    join_codes,
)
from app.directory.seed import load_gazetteer, load_taxonomy
from app.extensions import db
from app.orgs.models import Organisation
from app.search.points import rebuild as rebuild_points
from app.search.text import build_search_names, build_search_text

REGION = ("TH", "VN", "MY", "ID", "PH", "KH", "LA", "MM", "BD")
CODE_PREFIX = "BENCH-"
SEED = 42
# Written into every organisation's description, so that a directory made by an older version
# of this generator is rebuilt rather than reused. Change it whenever the output changes.
STAMP = f"bench directory v2, seed {SEED}"
BATCH = 5000
SERVICES_PER_ORGANISATION = 20
SERVICES_PER_LOCATION = 3
MAX_JITTER_KM = 5.0
MIN_TOWN_WEIGHT = 2000  # so that villages of unknown population still get the odd service
CONFIDENTIAL_SHARE = 0.03
BUILT_AT = datetime(2026, 6, 1, tzinfo=UTC)  # fixed, so that the directory is deterministic
KM_PER_DEGREE = 111.32
# Derived like search_text (app/search/text.py keeps it for the ORM); newer schemas only.
HAS_CATEGORY_CODES = "category_codes" in Service.__table__.c
HAS_SEARCH_NAMES = "search_names" in Service.__table__.c


@dataclass(frozen=True)
class Town:
    id: int
    name: str
    country: str
    province_code: str | None
    latitude: float
    longitude: float
    weight: int


class Towns:
    """The region's gazetteer, for drawing towns in proportion to their population."""

    def __init__(self, rows):
        self.all = [Town(r.id, r.name, r.country, r.province_code, r.latitude, r.longitude,
                         max(r.population or 0, MIN_TOWN_WEIGHT)) for r in rows]  # fmt: skip
        self.cumulative = list(accumulate(t.weight for t in self.all))
        self.by_country: dict[str, tuple[list[Town], list[int]]] = {}
        for country in REGION:
            towns = [t for t in self.all if t.country == country]
            if towns:
                self.by_country[country] = (towns, list(accumulate(t.weight for t in towns)))

    @staticmethod
    def _draw(rng: Random, towns: list[Town], cumulative: list[int]) -> Town:
        return towns[bisect_right(cumulative, rng.random() * cumulative[-1])]

    def draw(self, rng: Random, country: str | None = None) -> Town:
        if country:
            return self._draw(rng, *self.by_country[country])
        return self._draw(rng, self.all, self.cumulative)


def _uuid(rng: Random) -> str:
    return str(uuid.UUID(int=rng.getrandbits(128), version=4))


def _jitter(rng: Random, town: Town) -> tuple[float, float]:
    """A point uniformly within MAX_JITTER_KM of the town centre."""
    distance = MAX_JITTER_KM * math.sqrt(rng.random())
    bearing = rng.random() * 2 * math.pi
    dlat = distance * math.cos(bearing) / KM_PER_DEGREE
    coslat = max(math.cos(math.radians(town.latitude)), 0.01)
    dlon = distance * math.sin(bearing) / (KM_PER_DEGREE * coslat)
    return round(town.latitude + dlat, 6), round(town.longitude + dlon, 6)


_provinces: dict[str, str] = {}


def _province_name(code: str | None) -> str:
    if not code:
        return ""
    if code not in _provinces:
        subdivision = pycountry.subdivisions.get(code=code)
        _provinces[code] = subdivision.name if subdivision else ""
    return _provinces[code]


def _weighted(rng: Random, weights: dict):
    keys = list(weights)
    return rng.choices(keys, weights=[weights[k] for k in keys])[0]


class Generator:
    """Turns one random stream into rows for every directory table."""

    def __init__(self, rng: Random, towns: Towns, categories: dict[str, int]):
        self.rng = rng
        self.towns = towns
        self.categories = categories
        self.kind_codes = [c for c in P.KIND_WEIGHTS if c in categories]
        self.kind_weights = [P.KIND_WEIGHTS[c] for c in self.kind_codes]
        self.pending: dict[type, list[dict]] = {}
        self.serial = 0

    def add(self, model, row: dict) -> None:
        self.pending.setdefault(model, []).append(row)

    def organisation(self, number: int) -> tuple[dict, Town]:
        rng = self.rng
        home = self.towns.draw(rng)
        name = f"{home.name} {rng.choice(P.ORGANISATION_WORDS)} {number}"
        host = f"org{number}.bench.pathways.example"
        row = {
            "id": number, "code": f"{CODE_PREFIX}{number:05d}", "name": name[:200],
            "country": home.country, "type": _weighted(rng, P.ORGANISATION_TYPES),
            "created_at": BUILT_AT - timedelta(days=rng.randrange(30, 2000)),
            "uuid": _uuid(rng),
            "description": f"A benchmark organisation in {home.name} ({STAMP}). It does not exist.",
            "website": f"https://{host}", "email": f"info@{host}",
            "phone": self.phone(home.country),
        }  # fmt: skip
        return row, home

    def phone(self, country: str) -> str:
        area, line = self.rng.randrange(2, 99), self.rng.randrange(100, 199)
        return f"+{P.DIAL_CODES.get(country, '1')} {area} 555 0{line}"

    def location(self, org: dict, town: Town, confidential: bool) -> dict:
        latitude, longitude = _jitter(self.rng, town)
        row = {
            "id": _uuid(self.rng), "organisation_id": org["id"],
            "name": f"{org['name']} – {'safe house' if confidential else town.name + ' office'}",
            "address_line": "" if confidential else f"{self.rng.randrange(1, 400)} Example Road",
            "city": town.name, "province_code": town.province_code,
            "province": _province_name(town.province_code),
            "postal_code": str(self.rng.randrange(10000, 99999)), "country": town.country,
            "latitude": latitude, "longitude": longitude, "confidential": confidential,
        }  # fmt: skip
        self.add(Location, row)
        return row

    def service(self, org: dict, home: Town, locations: list[dict]) -> None:
        rng = self.rng
        self.serial += 1
        service_id = _uuid(rng)
        confidential = rng.random() < CONFIDENTIAL_SHARE
        if confidential:
            kind = "emergency_shelter" if rng.random() < 0.7 else "long_term_housing"
            places = [self.location(org, home, confidential=True)]
        else:
            kind = rng.choices(self.kind_codes, weights=self.kind_weights)[0]
            count = 1 if rng.random() < 0.85 else (2 if rng.random() < 0.8 else 3)
            places = rng.sample(locations, min(count, len(locations)))
        extra = rng.sample(self.kind_codes, rng.choice((0, 0, 1, 1, 2)))
        codes = [kind] + [c for c in dict.fromkeys(extra) if c != kind]
        audience = _weighted(rng, P.AUDIENCE_WEIGHTS)
        if kind == "child_protection":
            audience = "children"
        suffix, genders, min_age, max_age, who = P.AUDIENCES[audience]
        self_referral = rng.random() < 0.7 and not confidential
        # About 5% in all: the hotlines and a quarter of the emergency shelters.
        open_24_7 = kind == "hotline" or (kind == "emergency_shelter" and rng.random() < 0.25)
        town = places[0]["city"] if places else home.name
        en_name, th_name, vi_name, en_line, th_line, vi_line = P.KINDS[kind]
        access_en, access_th, access_vi = P.SELF_REFERRAL[self_referral]
        english = (
            f"{en_name}{suffix} – {town}",
            f"{en_line} Based in {town}. {who} {access_en}",
        )
        local = None
        if home.country == "TH":
            local = ("th", f"{th_name} – {town}", f"{th_line} {access_th}")
        elif home.country == "VN":
            local = ("vi", f"{vi_name} – {town}", f"{vi_line} {access_vi}")
        texts = []
        name, description, original = english[0], english[1], "en"
        if local and rng.random() < 0.5:
            original, name, description = local
            if rng.random() < 0.5:
                texts.append(("en",) + english)
        elif local and rng.random() < 0.4:
            texts.append(local)
        organisation_name = org["name"]
        country_languages, migrant_languages = P.COUNTRY_LANGUAGES[home.country]
        languages = set(country_languages)
        if rng.random() < 0.5:
            languages.add("en")
        if rng.random() < 0.35:
            languages.add(rng.choice(migrant_languages))
        beds = rng.randrange(8, 60) if kind in ("emergency_shelter", "long_term_housing") else None
        status = _weighted(rng, {"active": 93, "temporarily_closed": 4, "inactive": 2,
                                 "defunct": 1})  # fmt: skip
        verified = BUILT_AT - timedelta(days=rng.randrange(0, 700))
        host = f"org{org['id']}.bench.pathways.example"
        self.add(Service, {
            "id": service_id, "organisation_id": org["id"], "name": name[:200],
            "description": description, "original_locale": original, "status": status,
            "self_referral": self_referral,
            "application_process": "Call or come in for a short, private first conversation.",
            "documents_required": "None. You can get help without any documents.",
            "free": rng.random() < 0.9, "cost_text": "", "genders": genders,
            "min_age": min_age, "max_age": max_age,
            "exploitation_forms": join_codes(rng.sample(P.EXPLOITATION, rng.randrange(1, 4)))
            if rng.random() < 0.35 else "",
            "eligibility_requirements": who, "languages": join_codes(languages),
            "interpretation": rng.random() < 0.2, "open_24_7": open_24_7,
            "hours_note": "" if open_24_7 else "Closed on public holidays.",
            "phone": self.phone(home.country),
            "hotline": self.phone(home.country) if kind == "hotline" else "",
            "email": f"service{self.serial}@{host}", "website": f"https://{host}/s/{self.serial}",
            "contact_name": "Duty officer", "beds_total": beds,
            "beds_available": rng.randrange(0, beds + 1) if beds else None,
            "capacity_updated_at": verified if beds else None,
            "accessibility": "Step-free entrance." if rng.random() < 0.4 else "",
            "nationwide": kind == "hotline" and rng.random() < 0.5, "alert_text": "",
            "last_verified_at": verified, "last_verified_by_id": None,
            "created_at": verified - timedelta(days=rng.randrange(0, 400)),
            "updated_at": verified, "version": 1,
            "search_text": build_search_text(
                name, description, [(t[1], t[2]) for t in texts], organisation_name
            ),
            **({"category_codes": join_codes(codes)} if HAS_CATEGORY_CODES else {}),
            **({"search_names": build_search_names(name, [t[1] for t in texts])}
               if HAS_SEARCH_NAMES else {}),
        })  # fmt: skip
        for code in codes:
            self.add(
                ServiceCategory, {"service_id": service_id, "category_id": self.categories[code]}
            )
        for locale, text_name, text_description in texts:
            self.add(ServiceText, {"service_id": service_id, "locale": locale,
                                   "name": text_name[:200],
                                   "description": text_description})  # fmt: skip
        for place in places:
            self.add(ServiceAtLocation, {"id": _uuid(rng), "service_id": service_id,
                                         "location_id": place["id"]})  # fmt: skip
        province = home.province_code if rng.random() < 0.6 else None
        self.add(ServiceArea, {"service_id": service_id, "country": home.country,
                               "province_code": province})  # fmt: skip
        if not open_24_7 and rng.random() < 0.85:
            self.schedule(service_id)

    def schedule(self, service_id: str) -> None:
        rng = self.rng
        opens = time(rng.choice((7, 8, 8, 9, 9, 10)), rng.choice((0, 0, 30)))
        closes = time(rng.choice((16, 17, 17, 18, 20)), rng.choice((0, 0, 30)))
        days = (
            [0, 1, 2, 3, 4]
            + ([5] if rng.random() < 0.3 else [])
            + ([6] if rng.random() < 0.05 else [])
        )
        lunch = rng.random() < 0.2
        for day in days:
            periods = [(opens, time(12, 0)), (time(13, 0), closes)] if lunch else [(opens, closes)]
            for start, end in periods:
                self.add(ServiceSchedule, {"service_id": service_id, "weekday": day,
                                           "opens_at": start, "closes_at": end})  # fmt: skip

    def flush(self) -> None:
        """Insert what is pending, parents first, in one transaction."""
        for model in (Location, Service, ServiceCategory, ServiceText, ServiceAtLocation,
                      ServiceArea, ServiceSchedule):  # fmt: skip
            rows = self.pending.pop(model, [])
            for start in range(0, len(rows), BATCH):
                db.session.execute(insert(model), rows[start : start + BATCH])
        db.session.commit()


def count_services() -> int:
    """How many services a directory made by this version of the generator holds, else 0."""
    stamped = select(Organisation.id).where(Organisation.description.contains(f"({STAMP})"))
    if db.session.scalar(stamped.limit(1)) is None:
        return 0
    return db.session.scalar(select(func.count()).select_from(Service)) or 0


def foreign_organisations() -> int:
    """How many organisations were not made by this benchmark (it refuses to touch those)."""
    return db.session.scalar(select(func.count()).where(~Organisation.code.startswith(CODE_PREFIX)))


def build(services: int, progress: Callable[[int], None]) -> dict:
    """Fill a fresh, migrated database with `services` services; return what was made."""
    load_taxonomy()
    load_gazetteer()
    categories = dict(db.session.execute(select(NeedCategory.code, NeedCategory.id)).all())
    rows = db.session.execute(
        select(Place.id, Place.name, Place.country, Place.province_code, Place.latitude,
               Place.longitude, Place.population)
        .where(Place.country.in_(REGION))
        .order_by(Place.id)
    ).all()  # fmt: skip
    towns = Towns(rows)
    rng = Random(SEED)  # noqa: S311  (repeatable test data, not secrets)
    generator = Generator(rng, towns, categories)
    organisations = max(1, round(services / SERVICES_PER_ORGANISATION))
    # Organisation sizes vary a lot: a few big networks, many small groups.
    sizes = [min(rng.paretovariate(1.3), 60.0) for _ in range(organisations)]
    owner = rng.choices(range(organisations), weights=sizes, k=services)
    per_org = [0] * organisations
    for index in owner:
        per_org[index] += 1
    made = [generator.organisation(number) for number in range(1, organisations + 1)]
    for start in range(0, organisations, BATCH):
        db.session.execute(insert(Organisation), [org for org, _ in made[start : start + BATCH]])
    if db.engine.dialect.name == "postgresql":  # explicit ids leave the sequence behind
        db.session.execute(text("SELECT setval(pg_get_serial_sequence('organisations', 'id'), "
                                "(SELECT max(id) FROM organisations))"))  # fmt: skip
    db.session.commit()
    done = 0
    locations = 0
    for (org, home), count in zip(made, per_org, strict=True):
        places = []
        for _ in range(max(1, round(count / SERVICES_PER_LOCATION))):
            town = home if rng.random() < 0.75 else towns.draw(rng, home.country)
            places.append(generator.location(org, town, confidential=False))
        locations += len(places)
        for _ in range(count):
            generator.service(org, home, places)
            done += 1
            if done % BATCH == 0:
                generator.flush()
                progress(BATCH)
    generator.flush()
    progress(done % BATCH)
    rebuild_points(db.session.connection())  # the bulk inserts went around the ORM's hooks
    db.session.commit()
    locations += db.session.scalar(
        select(func.count()).select_from(Location).where(Location.confidential)
    )
    if db.engine.dialect.name == "postgresql":
        # As autovacuum leaves a database that has settled: statistics for the planner, and
        # the visibility map that lets an index answer alone (a count of 78,000 spans of hours
        # read the table's rows too: 16 ms instead of 3).
        with db.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
            connection.exec_driver_sql("VACUUM ANALYZE")
    return {"organisations": organisations, "locations": locations, "services": done}
