"""Read an HSDS package and check every row, against itself and the database, before writing."""

from dataclasses import dataclass, field

from flask_babel import gettext as _
from sqlalchemy import select

from app.directory.models import (
    Location,
    NeedCategory,
    Service,
    ServiceCategory,
)
from app.extensions import db
from app.interchange import cells, hsds
from app.interchange.hsds_readers import reader_for
from app.interchange.validation import ImportRejected, Problems, read_csv, reject
from app.orgs.models import Organisation

Row = tuple[int, dict]  # (row number in the file, values read from the columns it has)


def _parse(resource: str, data: bytes, problems: Problems) -> list[Row]:
    where = hsds.filename(resource)
    table = read_csv(data, where, problems)
    if table is None:
        return []
    missing = [name for name in hsds.REQUIRED_COLUMNS[resource] if name not in table.header]
    if missing:
        problems.add(where, _("The column %(column)s is missing.", column=missing[0]), 1)
        return []
    required = set(hsds.REQUIRED_COLUMNS[resource])
    specs = [spec for spec in hsds.RESOURCES[resource] if spec.name in table.header]
    rows = []
    for number, raw in table.rows:
        values = {}
        for spec in specs:
            cell = raw.get(spec.name, "")
            if spec.name in required and not cell.strip():
                problems.add(where, _("This cannot be blank."), number, spec.name)
                continue
            try:
                values[spec.name] = reader_for(resource, spec)(cell)
            except cells.CellError as exc:
                problems.add(where, str(exc), number, spec.name)
        rows.append((number, values))
    return rows


@dataclass
class Plan:
    """A package that passed every check, with its references resolved."""

    present: set[str]
    rows: dict[str, list[Row]]
    org_ids: dict[str, int | None] = field(default_factory=dict)  # file id → ours (None: new)
    term_codes: dict[str, str] = field(default_factory=dict)  # file term id or code → code
    category_count: dict[str, int] = field(default_factory=dict)

    def size(self) -> int:
        return sum(len(self.rows[name]) for name in ("organization", "location", "service"))


def _unique(problems, resource, rows, key, message) -> None:
    seen: dict = {}
    for number, values in rows:
        value = key(values)
        if value is None or (isinstance(value, tuple) and None in value):
            continue
        if value in seen:
            problems.add(hsds.filename(resource), message(seen[value]), number)
        else:
            seen[value] = number


def _check_unique(problems: Problems, rows: dict[str, list[Row]]) -> None:
    for resource, resource_rows in rows.items():
        if any(spec.name == "id" for spec in hsds.RESOURCES[resource]):
            _unique(
                problems,
                resource,
                resource_rows,
                lambda v: v.get("id") or None,
                lambda first: _("The same id is already in row %(row)d.", row=first),
            )
    pairs = [
        ("organization", lambda v: v.get("x_code")),
        ("taxonomy_term", lambda v: v.get("code")),
        ("address", lambda v: v.get("location_id")),
        ("service_at_location", lambda v: (v.get("service_id"), v.get("location_id"))),
        ("service_translation", lambda v: (v.get("service_id"), v.get("locale"))),
    ]
    for resource, key in pairs:
        _unique(
            problems,
            resource,
            rows[resource],
            key,
            lambda first: _("This repeats row %(row)d.", row=first),
        )


def _check_organisations(problems: Problems, plan: Plan) -> None:
    by_uuid, by_code = {}, {}
    for org in db.session.scalars(select(Organisation)):
        by_uuid[org.uuid] = org.id
        by_code[org.code] = org.id
    plan.org_ids = dict(by_uuid)
    claimed: dict[int, int] = {}
    for number, values in plan.rows["organization"]:
        if "id" not in values:
            continue
        match = by_uuid.get(values["id"]) or by_code.get(values.get("x_code") or "")
        if match is None:
            for column in ("x_code", "x_country"):
                if not values.get(column):
                    problems.add(
                        "organization.csv", _("A new organisation needs this."), number, column
                    )
        elif match in claimed:
            problems.add(
                "organization.csv",
                _("This is the same organisation as row %(row)d.", row=claimed[match]),
                number,
            )
        else:
            claimed[match] = number
        plan.org_ids[values["id"]] = match


def _unknown(problems, resource, number, column, kind: str, value) -> None:
    messages = {
        "organisation": _(
            "Unknown organisation %(id)s: it is neither in organization.csv nor in Pathways.",
            id=value,
        ),
        "service": _(
            "Unknown service %(id)s: it is neither in service.csv nor in Pathways.", id=value
        ),
        "location": _(
            "Unknown location %(id)s: it is neither in location.csv nor in Pathways.", id=value
        ),
        "category": _(
            "Unknown category %(code)s: it is neither in taxonomy_term.csv nor in Pathways.",
            code=value,
        ),
    }
    problems.add(hsds.filename(resource), messages[kind], number, column)


def _check_terms(problems: Problems, plan: Plan) -> None:
    for code in db.session.scalars(select(NeedCategory.code)):
        plan.term_codes[code] = code
        plan.term_codes[hsds.term_id(code)] = code
    for number, values in plan.rows["taxonomy_term"]:
        if code := values.get("code"):
            plan.term_codes[code] = code
            plan.term_codes[hsds.term_id(code)] = code
            if values.get("id"):
                plan.term_codes[values["id"]] = code
        for locale in hsds.TEXT_LOCALES:
            if values.get(f"x_description_{locale}") and not values.get(f"x_name_{locale}"):
                problems.add(
                    "taxonomy_term.csv",
                    _("Give a name with the description."),
                    number,
                    f"x_name_{locale}",
                )


def _owners(plan: Plan, resource: str, model, org_of) -> dict[str, int | str | None]:
    """Map each id of `resource` (file or database) to its organisation's file or own id."""
    owners: dict = dict(db.session.execute(select(model.id, model.organisation_id)).all())
    for _number, values in plan.rows[resource]:
        if "id" in values:
            owners[values["id"]] = org_of(values.get("organization_id"))
    return owners


def _check_references(problems: Problems, plan: Plan) -> None:
    rows = plan.rows

    def org_of(file_id):
        found = plan.org_ids.get(file_id, "missing")
        return ("new", file_id) if found is None else found

    for resource in ("service", "location"):
        for number, values in rows[resource]:
            if values.get("organization_id") and values["organization_id"] not in plan.org_ids:
                _unknown(
                    problems,
                    resource,
                    number,
                    "organization_id",
                    "organisation",
                    values["organization_id"],
                )
    services = _owners(plan, "service", Service, org_of)
    locations = _owners(plan, "location", Location, org_of)
    countries = {v.get("location_id") for _n, v in rows["address"] if v.get("country")}
    existing_locations = set(db.session.scalars(select(Location.id)))
    for number, values in rows["location"]:
        new = values.get("id") not in existing_locations
        if new and not values.get("x_country") and values.get("id") not in countries:
            problems.add(
                "location.csv", _("A new location needs its country."), number, "x_country"
            )
    for resource, column in (
        ("schedule", "service_id"),
        ("language", "service_id"),
        ("service_area", "service_id"),
        ("service_translation", "service_id"),
        ("attribute", "link_id"),
        ("phone", "service_id"),
        ("service_at_location", "service_id"),
    ):
        for number, values in rows[resource]:
            if values.get(column) and values[column] not in services:
                _unknown(problems, resource, number, column, "service", values[column])
    for resource in ("address", "service_at_location"):
        for number, values in rows[resource]:
            if values.get("location_id") and values["location_id"] not in locations:
                _unknown(
                    problems, resource, number, "location_id", "location", values["location_id"]
                )
    for number, values in rows["service_at_location"]:
        service, location = values.get("service_id"), values.get("location_id")
        if (
            service in services
            and location in locations
            and services[service] != locations[location]
        ):
            problems.add(
                "service_at_location.csv",
                _("The service and the location belong to different organisations."),
                number,
            )
    for number, values in rows["phone"]:
        if not values.get("service_id") and not values.get("organization_id"):
            problems.add("phone.csv", _("Give a service_id or an organization_id."), number)
        elif values.get("organization_id") and values["organization_id"] not in plan.org_ids:
            _unknown(
                problems,
                "phone",
                number,
                "organization_id",
                "organisation",
                values["organization_id"],
            )


def _check_services(problems: Problems, plan: Plan) -> None:
    for number, values in plan.rows["schedule"]:
        all_week = (values.get("description") or "").strip().casefold() == hsds.OPEN_24_7
        # A blank time is None; one that could not be read is absent and already reported.
        if not all_week and None in (values.get("opens_at", 0), values.get("closes_at", 0)):
            problems.add(
                "schedule.csv",
                _("Give opens_at and closes_at, or 24/7 as the description."),
                number,
            )
    for number, values in plan.rows["attribute"]:
        ref = values.get("taxonomy_term_id")
        if ref and values.get("link_entity", "service") in ("", "service"):
            if ref not in plan.term_codes:
                _unknown(problems, "attribute", number, "taxonomy_term_id", "category", ref)
            elif values.get("link_id"):
                key = values["link_id"]
                plan.category_count[key] = plan.category_count.get(key, 0) + 1
    if "attribute" not in plan.present:
        categorised = set(db.session.scalars(select(ServiceCategory.service_id).distinct()))
        plan.category_count = {sid: 1 for sid in categorised}
    for number, values in plan.rows["service"]:
        if values.get("id") and not plan.category_count.get(values["id"]):
            problems.add(
                "service.csv",
                _("Give the service at least one category (a row in attribute.csv)."),
                number,
            )
        low, high = values.get("minimum_age"), values.get("maximum_age")
        if low is not None and high is not None and low > high:
            problems.add(
                "service.csv", _("The minimum age is above the maximum age."), number, "maximum_age"
            )
        total, free = values.get("x_beds_total"), values.get("x_beds_available")
        if total is not None and free is not None and free > total:
            problems.add(
                "service.csv",
                _("More beds available than beds in total."),
                number,
                "x_beds_available",
            )


def read_package(files: dict[str, bytes]) -> Plan:
    """Read and check a whole package; raise ImportRejected listing every problem."""
    present = {name for name in hsds.RESOURCES if hsds.filename(name) in files}
    if not present:
        raise reject(
            _("package"),
            _("No HSDS files found: expected service.csv, organization.csv and the others."),
        )
    problems = Problems()
    rows = {
        name: _parse(name, files[hsds.filename(name)], problems) if name in present else []
        for name in hsds.RESOURCES
    }
    plan = Plan(present, rows)
    _check_unique(problems, rows)
    _check_organisations(problems, plan)
    _check_terms(problems, plan)
    _check_references(problems, plan)
    _check_services(problems, plan)
    if problems:
        raise ImportRejected(problems)
    return plan
