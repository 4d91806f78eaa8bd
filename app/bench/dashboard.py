"""A large, deterministic referral network for the dashboard benchmark, bulk-written.

Cases are spread over the demo directory's organisations and the provinces where they work;
referrals go to the demo services, mostly in the case's own country. Everything is written with
bulk INSERTs straight into the app's tables: the use cases would audit every row, and the audit
trail is no dashboard input. All randomness comes from one random.Random(SEED); times are laid
out backwards from the moment of building, so the last 24 months always hold the referrals.
"""

import math
from collections import defaultdict
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from random import Random
from time import perf_counter

import click
from flask_migrate import upgrade
from sqlalchemy import func, insert, inspect, select, text

from app.auth.models import User
from app.auth.passwords import hash_password
from app.auth.services import create_user
from app.cases.models import CODE_ALPHABET, Case, CaseNeed, StageChange
from app.consent.models import Consent
from app.dashboard import facts
from app.dashboard.models import FACT_TABLES, facts_state
from app.database import utcnow
from app.directory.models import Location, NeedCategory, Service, ServiceCategory
from app.directory.seed import load_demo_directory, load_taxonomy
from app.extensions import db
from app.orgs.models import Organisation
from app.orgs.services import create_organisation
from app.referrals.models import Referral, ReferralHistory, join_ids, referral_categories

SEED = 7
# Kept in the bench coordinator's name: a database made by another version is rebuilt.
STAMP = f"bench dashboard v3, seed {SEED}"
COORDINATOR_EMAIL = "coordinator@bench-dashboard.pathways.example"
BATCH = 10_000
FOREVER = datetime(9999, 12, 31, tzinfo=UTC)
MONTHS = 24  # referrals are sent over the last 24 months
ACTIVE = timedelta(days=240)  # how long after a case is opened it is still referred
REPORTING_SHARE = 0.9  # cases with a valid (or once valid) reporting consent
EXPIRING_SHARE = 0.15  # of those, consents with an end date (some already past)
STAGES = {"identification": 15, "protection": 35, "reintegration": 25, "closed": 25}
CLOSED_REASONS = {"reintegrated": 55, "declined_assistance": 12, "lost_contact": 18,
                  "transferred": 10, "deceased": 1, "other": 4}  # fmt: skip
NEED_STATUSES = {"open": 15, "referred": 20, "met": 40, "unmet": 15, "declined": 10}
URGENCIES = {"emergency": 10, "high": 25, "normal": 65}
SEXES = {"female": 62, "male": 34, "other": 1, "unknown": 3}
FORMS = ("sexual", "labour", "forced_marriage", "forced_criminality", "begging")


def _code(prefix: str, number: int) -> str:
    """A unique code per row, in the case-code alphabet (derived from the id, never random)."""
    digits = []
    while True:
        number, rest = divmod(number, len(CODE_ALPHABET))
        digits.append(CODE_ALPHABET[rest])
        if not number:
            break
    return prefix + "".join(reversed(digits)).rjust(7, CODE_ALPHABET[0])


def _pick(rng: Random, weights: dict) -> str:
    return rng.choices(tuple(weights), weights=tuple(weights.values()))[0]


def _hours(start: datetime, end: datetime) -> int:
    return int((end - start).total_seconds() // 3600)


class Network:
    """The demo directory as the generator sees it: organisations, their places and services."""

    def __init__(self):
        self.categories = list(db.session.scalars(select(NeedCategory.id).order_by("position")))
        self.orgs = {o.id: o.country for o in db.session.scalars(select(Organisation))}
        places = defaultdict(list)
        for org_id, province in db.session.execute(
            select(Location.organisation_id, Location.province_code).where(
                Location.province_code.is_not(None)
            )
        ):
            places[org_id].append(province)
        self.places = dict(places)
        self.provinces = defaultdict(set)
        for org_id, codes in places.items():
            self.provinces[self.orgs[org_id]].update(codes)
        self.provinces = {k: sorted(v) for k, v in self.provinces.items()}
        links = defaultdict(list)
        for service_id, category_id in db.session.execute(
            select(ServiceCategory.service_id, ServiceCategory.category_id).order_by(
                ServiceCategory.service_id, ServiceCategory.category_id
            )
        ):
            links[service_id].append(category_id)
        rows = db.session.execute(
            select(Service.id, Service.organisation_id)
            .where(Service.status == "active")
            .order_by(Service.id)
        ).all()
        self.services = [(sid, org, links[sid]) for sid, org in rows if links[sid]]
        self.by_country = defaultdict(list)
        for service in self.services:
            self.by_country[self.orgs[service[1]]].append(service)
        # Bigger organisations (more services) open more cases.
        weight = defaultdict(int)
        for _, org, _ in self.services:
            weight[org] += 1
        self.case_orgs = sorted(o for o in self.orgs if o in self.places)
        self.case_weights = [1 + weight[o] for o in self.case_orgs]


class Generator:
    """Rows for cases, their needs, stages and consents, and their referrals with histories."""

    def __init__(self, rng: Random, network: Network, now: datetime):
        self.rng, self.net, self.now = rng, network, now
        self.start = now - timedelta(days=round(MONTHS * 30.44))
        self.rows: dict = defaultdict(list)
        self.ids: dict = defaultdict(int)

    def next_id(self, table) -> int:
        self.ids[table] += 1
        return self.ids[table]

    def add(self, table, row: dict) -> None:
        self.rows[table].append(row)

    def case(self, referrals: int) -> None:
        rng, net = self.rng, self.net
        case_id = self.next_id(Case)
        org = rng.choices(net.case_orgs, weights=net.case_weights)[0]
        country = net.orgs[org]
        if rng.random() < 0.85:
            province = rng.choice(net.places[org])
        else:
            province = rng.choice(net.provinces.get(country) or net.places[org])
            country = province.split("-")[0]
        opened = self.start - timedelta(days=60) + (self.now - self.start) * rng.random() ** 0.8
        reporting = None
        given = rng.random() < REPORTING_SHARE
        if given:
            reporting = FOREVER
            if rng.random() < EXPIRING_SHARE:
                reporting = self.now + timedelta(days=rng.uniform(-365, 730))
        withdrawn = None if given else opened + (self.now - opened) * rng.random()
        self.consent(case_id, "reporting", opened, reporting if given else None, withdrawn)
        referral_consent = self.consent(case_id, "referral", opened, None, None)
        stage = _pick(rng, STAGES)
        self.add(Case, {
            "id": case_id, "code": _code("BC-", case_id), "organisation_id": org,
            "caseworker_id": None, "created_at": opened, "updated_at": self.now,
            "version": 1, "fictional": True, "sex": _pick(rng, SEXES),
            "estimated_age": rng.randrange(12, 50), "age_recorded_on": opened.date(),
            "nationality": rng.choice(tuple(net.provinces)), "languages": "",
            "exploitation_forms": f",{rng.choice(FORMS)},", "identified_country": country,
            "identified_province": province, "identification_status": "identified",
            "identified_by_id": org, "stage": stage, "reporting_until": reporting,
            "closed_reason": _pick(rng, CLOSED_REASONS) if stage == "closed" else None,
        })  # fmt: skip
        self.stages(case_id, stage, opened)
        for category in rng.sample(net.categories, rng.randrange(2, 5)):
            self.add(CaseNeed, {
                "id": self.next_id(CaseNeed), "case_id": case_id, "category_id": category,
                "status": _pick(rng, NEED_STATUSES),
                "updated_at": opened + (self.now - opened) * rng.random(),
            })  # fmt: skip
        place = {"country": country, "province": province, "reporting_until": reporting,
                 "case_id": case_id, "from_organisation_id": org,
                 "consent_id": referral_consent}  # fmt: skip
        for _ in range(referrals):
            self.referral(place, opened)

    def consent(self, case_id, kind, given_at, expires_at, withdrawn) -> int:
        consent_id = self.next_id(Consent)
        self.add(Consent, {
            "id": consent_id, "case_id": case_id, "kind": kind, "given_by": "person",
            "legal_basis": "consent", "data_categories": ",needs,case_history,",
            "method": "written", "given_at": given_at, "expires_at": expires_at,
            "withdrawn_at": withdrawn, "withdrawal_reason": "Asked to stop" if withdrawn else "",
            "created_at": given_at,
        })  # fmt: skip
        return consent_id

    def stages(self, case_id: int, stage: str, opened: datetime) -> None:
        order = list(STAGES)
        path = order[: order.index(stage) + 1]
        if len(path) > 2 and self.rng.random() < 0.04:  # stepped back once (crisis)
            step = self.rng.randrange(1, len(path) - 1)
            path[step + 1 : step + 1] = [path[step - 1], path[step]]
        at = opened
        for before, after in zip([None, *path], path, strict=False):
            if before is not None:
                at = at + (self.now - at) * self.rng.random() * 0.5
            self.add(StageChange, {
                "id": self.next_id(StageChange), "case_id": case_id, "from_stage": before,
                "to_stage": after, "at": at, "note": "", "user_id": None,
                "closed_reason": None,
            })  # fmt: skip

    def referral(self, place: dict, opened: datetime) -> None:
        rng, now = self.rng, self.now
        referral_id = self.next_id(Referral)
        country = place["country"]
        local = self.net.by_country.get(country)
        service_id, to_org, offered = rng.choice(
            local if local and rng.random() < 0.75 else self.net.services
        )
        urgency = _pick(rng, URGENCIES)
        # Most referrals are made in the first months of a case.
        created = opened + min(now - opened, ACTIVE) * rng.random() ** 1.5
        created = max(created, self.start + timedelta(hours=rng.uniform(0, 720)))
        row = {
            "id": referral_id, "code": _code("BR-", referral_id), "service_id": service_id,
            "to_organisation_id": to_org, "sender_id": None, "urgency": urgency, "note": "",
            "status": "draft", "override_by_id": None, "override_reason": "",
            "override_data": "", "created_at": created, "sent_at": None, "answered_at": None,
            "finished_at": None, "status_note": "", "version": 1, "month": None,
            "country": "", "province": "", "answer_hours": None, "completion_hours": None,
            "reporting_until": None, "case_id": place["case_id"],
            "from_organisation_id": place["from_organisation_id"],
            "consent_id": place["consent_id"],
        }  # fmt: skip
        history = [(None, "draft", created, place["from_organisation_id"])]
        if rng.random() >= 0.01:  # one in a hundred is still a draft
            sent = created + timedelta(minutes=rng.uniform(1, 240))
            sent = min(sent, now)
            row.update(status="sent", sent_at=sent, month=sent.strftime("%Y-%m"),
                       country=country, province=place["province"],
                       reporting_until=place["reporting_until"])  # fmt: skip
            history.append(("draft", "sent", sent, place["from_organisation_id"]))
            self.answer(row, history, to_org, urgency)
        needs = rng.sample(offered, min(len(offered), rng.choice((1, 1, 2, 3))))
        for category in needs:
            self.add(referral_categories, {"referral_id": referral_id, "category_id": category})
        row["category_ids"] = join_ids(needs)
        self.add(Referral, row)
        for before, after, at, org in history:
            self.add(ReferralHistory, {
                "id": self.next_id(ReferralHistory), "referral_id": referral_id,
                "from_status": before, "to_status": after, "at": at, "user_id": None,
                "organisation_id": org, "note": "",
            })  # fmt: skip

    def answer(self, row: dict, history: list, to_org: int, urgency: str) -> None:
        """Move a sent referral along as far as its (random) delays reach before now."""
        rng, now, sent = self.rng, self.now, row["sent_at"]
        mu = 1.5 if urgency == "emergency" else 3.0
        unanswered = rng.random() < 0.04  # left waiting: these become overdue
        answered = sent + timedelta(hours=rng.lognormvariate(mu, 1.0))
        if unanswered or answered > now:
            if rng.random() < 0.1:
                sender = row["from_organisation_id"]
                self.finish(row, history, "sent", "cancelled", sent, now, sender)
            return
        verdict = "declined" if rng.random() < 0.14 else "accepted"
        history.append(("sent", verdict, answered, to_org))
        row.update(status=verdict, answered_at=answered, answer_hours=_hours(sent, answered))
        if verdict == "declined":
            row.update(finished_at=answered, status_note="No place free")
            return
        finished = answered + timedelta(days=rng.lognormvariate(2.5, 0.8))
        if finished > now:
            return
        outcome = _pick(rng, {"completed": 80, "not_completed": 12, "cancelled": 5,
                              "withdrawn": 3})  # fmt: skip
        by = row["from_organisation_id"] if outcome in ("cancelled", "withdrawn") else to_org
        self.finish(row, history, "accepted", outcome, answered, finished, by)

    def finish(self, row, history, before, outcome, after, until, by) -> None:
        at = after + (until - after) * self.rng.random() if before == "sent" else until
        history.append((before, outcome, at, by))
        row.update(status=outcome, finished_at=at, status_note="Outcome noted")
        if outcome == "completed":
            row["completion_hours"] = _hours(row["sent_at"], at)

    def flush(self, connection) -> int:
        """Write what is pending, parents first; return how many referrals were written."""
        written = len(self.rows.get(Referral, ()))
        for table in (Case, Consent, StageChange, CaseNeed, Referral, referral_categories,
                      ReferralHistory):  # fmt: skip
            rows = self.rows.pop(table, None)
            if rows:
                target = getattr(table, "__table__", table)
                for start in range(0, len(rows), BATCH):
                    connection.execute(insert(target), rows[start : start + BATCH])
        return written


def _spread(rng: Random, referrals: int, cases: int) -> list[int]:
    """How many referrals each case has: every case some, a few cases many."""
    weights = [rng.paretovariate(2.5) for _ in range(cases)]
    scale = referrals / sum(weights)
    counts = [math.floor(w * scale) for w in weights]
    for _ in range(referrals - sum(counts)):
        counts[rng.randrange(cases)] += 1
    return counts


def build(referrals: int, cases: int, progress: Callable[[int], None]) -> dict:
    """Write `cases` cases and `referrals` referrals with their histories; return the counts."""
    network = Network()
    if not network.services or not network.case_orgs:
        raise RuntimeError("The demo directory has no active services to refer to.")
    rng = Random(SEED)  # noqa: S311  (repeatable test data, not secrets)
    now = utcnow().replace(microsecond=0)
    generator = Generator(rng, network, now)
    per_case = _spread(rng, referrals, cases)
    db.session.remove()
    with db.engine.connect() as connection:
        fast = connection.dialect.name == "sqlite"
        if fast:  # one writer, a file we can rebuild: durability is not worth the time here
            connection.exec_driver_sql("PRAGMA synchronous=OFF")
            connection.exec_driver_sql("PRAGMA cache_size=-262144")
        for number, count in enumerate(per_case, 1):
            generator.case(count)
            if len(generator.rows[Referral]) >= 5 * BATCH or number == len(per_case):
                progress(generator.flush(connection))
                connection.commit()
        if not fast:
            for table in ("cases", "consents", "case_stage_changes", "case_needs", "referrals",
                          "referral_history"):  # fmt: skip
                # Rows were written with their ids: move each sequence past them.
                last = f"(SELECT max(id) FROM {table})"  # noqa: S608  (fixed names)
                connection.execute(
                    text(f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), {last})")
                )
            connection.commit()
        connection.exec_driver_sql("ANALYZE")
        connection.commit()
    made = generator.ids
    return {"cases": made[Case], "needs": made[CaseNeed], "stage_changes": made[StageChange],
            "consents": made[Consent], "referrals": made[Referral],
            "history": made[ReferralHistory]}  # fmt: skip


def existing() -> tuple[int, int, bool] | None:
    """How many referrals and cases the database holds, and whether this version made them.

    None when it has no schema yet. Refuses a database holding real (not fictional) cases.
    """
    if not inspect(db.engine).has_table("referrals"):
        return None
    if db.session.scalar(select(Case.id).where(Case.fictional.is_(False)).limit(1)):
        raise ValueError("holds real cases")
    stamped = (
        db.session.scalar(select(User.name).where(User.email == COORDINATOR_EMAIL))
        == f"Bench coordinator ({STAMP})"
    )
    referrals = db.session.scalar(select(func.count()).select_from(Referral))
    cases = db.session.scalar(select(func.count()).select_from(Case))
    return referrals, cases, stamped


def load_directory() -> int:
    """The need taxonomy and the demo directory the referrals go to."""
    load_taxonomy()
    return load_demo_directory()


def coordinator(password: str) -> str:
    """Make (or reset) the coordinator the benchmark signs in as; return its email."""
    user = db.session.scalar(select(User).where(User.email == COORDINATOR_EMAIL))
    if user is None:
        network = db.session.scalar(select(Organisation).where(Organisation.code == "BENCH-NET"))
        if network is None:
            network = create_organisation("BENCH-NET", "Bench network secretariat", "TH",
                                          "international")  # fmt: skip
        user = create_user(COORDINATOR_EMAIL, password, network, ["coordinator"],
                           name=f"Bench coordinator ({STAMP})")  # fmt: skip
    user.password_hash = hash_password(password)
    user.failed_logins, user.locked_until = 0, None
    db.session.commit()
    return COORDINATOR_EMAIL


def count_monthly() -> None:
    """The dashboard's monthly counts from scratch: the bulk inserts above bypass the session
    that keeps them."""
    started = perf_counter()
    facts.rebuild(utcnow())
    db.session.commit()
    rows = sum(db.session.scalar(select(func.count()).select_from(t)) for t in FACT_TABLES)
    seconds = perf_counter() - started
    click.echo(f"Monthly dashboard counts: {rows:,} rows, built in {seconds:.0f} s.")


def prepare(app, url: str, referrals: int, cases: int, rebuild: bool, password: str) -> str:
    """Build the benchmark database, or reuse it when it has the right size; return the email."""
    from app.bench import _shown, _wipe

    with app.app_context():
        try:
            found = existing()
        except ValueError:
            raise click.ClickException(
                f"{_shown(url)} holds real cases; this benchmark will not touch that database. "
                "Choose another --database."
            ) from None
        db.session.remove()
        if found == (referrals, cases, True) and not rebuild:
            upgrade()  # a reused database still gets any newer migration
            click.echo(f"Reusing the benchmark network of {referrals:,} referrals over "
                       f"{cases:,} cases in {_shown(url)}")  # fmt: skip
            if db.session.scalar(select(facts_state.c.as_of)) is None:
                count_monthly()  # made before the monthly counts existed
            return coordinator(password)
        _wipe(url)
        click.echo(f"Building {referrals:,} referrals over {cases:,} cases in {_shown(url)}")
        started = perf_counter()
        upgrade()
        click.echo(f"Demo directory: {load_directory()} services.")
        with click.progressbar(length=referrals, label="Referrals", show_pos=True) as bar:
            made = build(referrals, cases, bar.update)
        count_monthly()
        email = coordinator(password)  # last: it marks the database as complete
        db.session.remove()
        click.echo(
            f"Built {made['referrals']:,} referrals with {made['history']:,} history rows, "
            f"{made['cases']:,} cases with {made['needs']:,} needs, {made['stage_changes']:,} "
            f"stage changes and {made['consents']:,} consents in "
            f"{perf_counter() - started:.0f} s."
        )
        return email
