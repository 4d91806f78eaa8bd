"""Read a filled-in spreadsheet template and check every row before anything is written."""

import io
from dataclasses import dataclass, field
from datetime import date, datetime, time

from flask_babel import gettext as _
from openpyxl import load_workbook
from openpyxl.utils import get_column_letter
from sqlalchemy import select

from app.admin.forms import TYPE_LABELS
from app.directory.models import (
    EXPLOITATION_FORMS,
    GENDERS,
    Location,
    NeedCategory,
    NeedCategoryText,
    Service,
)
from app.extensions import db
from app.interchange import cells
from app.interchange.validation import (
    MAX_CELL,
    MAX_ROWS,
    ImportRejected,
    Problems,
    open_zip,
    reject,
)
from app.interchange.writing import load
from app.interchange.xlsx_columns import (
    NO,
    ORGANISATION_COLUMNS,
    ORGANISATIONS,
    SERVICE_COLUMNS,
    SERVICES,
    STATUS_LABELS,
    YES,
    header_map,
    in_every_language,
    normalise,
)
from app.orgs.models import Organisation
from app.orgs.services import CODE_PATTERN

MAX_COLUMNS = 200
CATEGORY_KEYS = ("category_1", "category_2", "category_3")
TEXT_KEYS = (
    "name",
    "description",
    "application_process",
    "documents_required",
    "cost_text",
    "eligibility_requirements",
    "hours_note",
    "phone",
    "hotline",
    "email",
    "website",
    "contact_name",
    "accessibility",
)
Row = tuple[int, dict]


def _cell_text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime | date | time):
        return value.isoformat()
    return str(value).strip()


class Words:
    """What a cell may say for a yes/no, a status, a type or a category, in any language."""

    def __init__(self):
        self.yes_no = in_every_language({True: YES, False: NO})
        self.yes_no.update({word: True for word in cells.TRUE_WORDS})
        self.yes_no.update({word: False for word in cells.FALSE_WORDS})
        self.status = in_every_language(STATUS_LABELS)
        self.status.update({code: code for code in STATUS_LABELS})
        self.status["temporarily closed"] = "temporarily_closed"  # as HSDS spells it
        self.types = in_every_language(TYPE_LABELS)
        self.types.update({code: code for code in TYPE_LABELS})
        self.categories = {}
        for category_id, name in db.session.execute(
            select(NeedCategoryText.category_id, NeedCategoryText.name)
        ):
            self.categories.setdefault(normalise(name), category_id)
        for category in db.session.scalars(select(NeedCategory)):
            self.categories[normalise(category.code)] = category.id

    def lookup(self, table: dict, text: str, message: str):
        if not text:
            return None
        found = table.get(normalise(cells.unneutralise(text)))
        if found is None:
            raise cells.CellError(message)
        return found

    def category_ids(self, text: str) -> list[int]:
        found = []
        for part in text.split(","):
            if part.strip():
                found.append(
                    self.lookup(
                        self.categories,
                        part,
                        _(
                            "Unknown category %(code)s; choose one "
                            "from the list (the Categories sheet explains each).",
                            code=part.strip()[:64],
                        ),
                    )
                )
        return found

    def reader(self, column):
        """Return a function that reads one cell of `column` from its text."""
        kind, limit = column.kind, column.limit
        readers = {
            "id": lambda t: cells.read_uuid(t) if t else None,
            "org": lambda t: cells.unneutralise(t).strip().upper() or None,
            "status": lambda t: self.lookup(self.status, t, _("Choose a status from the list.")),
            "yesno": lambda t: self.lookup(self.yes_no, t, _("Write yes or no.")),
            "org_type": lambda t: self.lookup(self.types, t, _("Choose a type from the list.")),
            "category": self.category_ids,
            "age": lambda t: cells.read_int(t, 0, 130),
            "beds": lambda t: cells.read_int(t, 0, 100000),
            "genders": lambda t: cells.read_codes(t, GENDERS),
            "exploitation": lambda t: cells.read_codes(t, EXPLOITATION_FORMS),
            "languages": cells.read_languages,
            "email": lambda t: cells.read_email(t, limit),
            "url": lambda t: cells.read_url(t, limit),
            "country": lambda t: cells.read_country(t) if t else None,
            "latitude": cells.read_latitude,
            "longitude": cells.read_longitude,
        }
        return readers.get(kind) or (lambda t: cells.read_text(t, limit))


def _find_sheet(book, label, *, first_if_missing: bool):
    names = in_every_language({"wanted": label})
    for sheet in book.worksheets:
        if normalise(sheet.title) in names:
            return sheet
    return book.worksheets[0] if first_if_missing and book.worksheets else None


def _read_sheet(sheet, columns, required: tuple[str, ...], problems: Problems, words: Words):
    """Return the sheet's column keys, its non-blank rows as values, and each column's place."""
    where = sheet.title
    header = next(sheet.iter_rows(max_row=1, max_col=MAX_COLUMNS, values_only=True), None)
    keys = header_map(columns)
    labels = {column.key: str(column.label) for column in columns}
    index: dict[str, int] = {}
    for position, text in enumerate(header or ()):
        key = keys.get(normalise(_cell_text(text)))
        if key in index:
            problems.add(
                where, _("Two columns have the heading %(column)s.", column=labels[key]), 1
            )
        elif key:
            index[key] = position
    missing = [labels[key] for key in required if key not in index]
    if missing:
        problems.add(where, _("The column %(column)s is missing.", column=missing[0]), 1)
        return set(), [], {}
    readers = {key: words.reader(c) for c in columns if (key := c.key) in index}
    place = {key: f"{get_column_letter(i + 1)} ({labels[key]})" for key, i in index.items()}
    width = max(index.values()) + 1
    rows: list[Row] = []
    for number, row in enumerate(
        sheet.iter_rows(min_row=2, max_col=width, values_only=True), start=2
    ):
        texts = {key: _cell_text(row[i]) if i < len(row) else "" for key, i in index.items()}
        if not any(texts.values()):
            continue  # formatted but empty rows are common in spreadsheets, and harmless
        if len(rows) >= MAX_ROWS:
            problems.add(
                where,
                _(
                    "More than %(limit)d rows: split the sheet and import each part.",
                    limit=MAX_ROWS,
                ),
            )
            break
        values = {}
        for key, text in texts.items():
            if len(text) > MAX_CELL:
                problems.add(
                    where,
                    _("A cell is longer than %(limit)d characters.", limit=MAX_CELL),
                    number,
                    place[key],
                )
                continue
            try:
                values[key] = readers[key](text)
            except cells.CellError as exc:
                problems.add(where, str(exc), number, place[key])
        rows.append((number, values))
    return set(index), rows, place


@dataclass
class SheetPlan:
    """A workbook whose every row passed its checks."""

    organisations: list[Row]
    services: list[Row]
    service_keys: set[str]
    organisation_keys: set[str]
    org_by_code: dict[str, Organisation] = field(default_factory=dict)

    def size(self) -> int:
        return len(self.organisations) + len(self.services)


def _open(data: bytes, where: str):
    damaged = _("This is not an .xlsx workbook, or it is damaged.")
    open_zip(data, where, damaged)  # an .xlsx is a zip: refuse bombs before openpyxl inflates it
    try:
        return load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception:  # openpyxl raises many kinds of error on a damaged file
        raise reject(where, damaged) from None


def _check_organisations(problems: Problems, plan: SheetPlan, where: str, place) -> None:
    seen: dict[str, int] = {}
    for number, values in plan.organisations:
        code = values.get("code")
        if not code:
            problems.add(where, _("This cannot be blank."), number, place.get("code"))
            continue
        if not CODE_PATTERN.match(code):
            problems.add(
                where,
                _("The code must be 2 to 32 letters, digits, hyphens or underscores."),
                number,
                place["code"],
            )
        if code in seen:
            problems.add(where, _("This repeats row %(row)d.", row=seen[code]), number)
        seen[code] = number
        for key in ("name", "country"):
            if key in plan.organisation_keys and not values.get(key):
                problems.add(where, _("This cannot be blank."), number, place.get(key))
        if code not in plan.org_by_code:
            for column in ORGANISATION_COLUMNS:
                if column.key in ("name", "country") and column.key not in plan.organisation_keys:
                    problems.add(
                        where,
                        _("A new organisation needs the column %(column)s.", column=column.label),
                        number,
                    )


def _check_services(problems: Problems, plan: SheetPlan, where: str, place, known_codes) -> None:
    ids = [values["service_id"] for _n, values in plan.services if values.get("service_id")]
    existing = set(load(Service, ids))
    location_ids = [v["location_id"] for _n, v in plan.services if v.get("location_id")]
    locations = load(Location, location_ids)
    seen: dict[str, int] = {}
    for number, values in plan.services:
        service_id = values.get("service_id")
        if service_id and service_id not in existing:
            problems.add(
                where,
                _("No service has this ID. Leave it blank to add a new service."),
                number,
                place["service_id"],
            )
        if service_id and service_id in seen:
            problems.add(where, _("This repeats row %(row)d.", row=seen[service_id]), number)
        if service_id:
            seen[service_id] = number
        code = values.get("organisation_code")
        if not code:
            problems.add(where, _("This cannot be blank."), number, place["organisation_code"])
        elif code not in known_codes:
            problems.add(
                where,
                _(
                    "Unknown organisation %(code)s: use a code from the "
                    "Organisations sheet, or add it there.",
                    code=code,
                ),
                number,
                place["organisation_code"],
            )
        if "name" in values and not values["name"]:
            problems.add(where, _("This cannot be blank."), number, place["name"])
        if not any(values.get(key) for key in CATEGORY_KEYS):
            problems.add(
                where, _("Give the service at least one category."), number, place.get("category_1")
            )
        low, high = values.get("min_age"), values.get("max_age")
        if low is not None and high is not None and low > high:
            problems.add(
                where, _("The minimum age is above the maximum age."), number, place["max_age"]
            )
        total, free = values.get("beds_total"), values.get("beds_available")
        if total is not None and free is not None and free > total:
            problems.add(
                where, _("More beds available than beds in total."), number, place["beds_available"]
            )
        if (values.get("latitude") is None) != (values.get("longitude") is None):
            problems.add(where, _("Give both latitude and longitude, or neither."), number)
        location = locations.get(values.get("location_id"))
        owner = plan.org_by_code.get(code)
        if values.get("location_id") and location is None:
            problems.add(
                where,
                _("No location has this ID. Leave it blank to add a new location."),
                number,
                place["location_id"],
            )
        elif location is not None and owner and location.organisation_id != owner.id:
            problems.add(
                where,
                _("This location belongs to another organisation."),
                number,
                place["location_id"],
            )


def read_spreadsheet(data: bytes, where: str) -> SheetPlan:
    """Read and check a whole workbook; raise ImportRejected listing every problem."""
    book = _open(data, where)
    try:
        problems = Problems()
        words = Words()
        services_sheet = _find_sheet(book, SERVICES, first_if_missing=True)
        if services_sheet is None:
            raise reject(where, _("The workbook has no Services sheet."))
        service_keys, services, place = _read_sheet(
            services_sheet,
            SERVICE_COLUMNS,
            ("organisation_code", "name", "category_1"),
            problems,
            words,
        )
        org_sheet = _find_sheet(book, ORGANISATIONS, first_if_missing=False)
        org_keys, orgs, org_place = set(), [], {}
        if org_sheet is not None and org_sheet is not services_sheet:
            org_keys, orgs, org_place = _read_sheet(
                org_sheet, ORGANISATION_COLUMNS, ("code",), problems, words
            )
    except ImportRejected:
        raise
    except Exception:  # a damaged sheet can fail part-way through reading
        raise reject(where, _("This is not an .xlsx workbook, or it is damaged.")) from None
    finally:
        book.close()
    plan = SheetPlan(orgs, services, service_keys, org_keys)
    plan.org_by_code = {org.code: org for org in db.session.scalars(select(Organisation))}
    if org_sheet is not None:
        _check_organisations(problems, plan, org_sheet.title, org_place)
    known = set(plan.org_by_code) | {v.get("code") for _n, v in orgs if v.get("code")}
    _check_services(problems, plan, services_sheet.title, place, known)
    problems.check()
    return plan
