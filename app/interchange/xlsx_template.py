"""Build the spreadsheet template a network fills in, in the interface language."""

import io

from flask_babel import gettext as _
from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter, quote_sheetname
from openpyxl.worksheet.datavalidation import DataValidation
from sqlalchemy import select

from app.admin.forms import TYPE_LABELS
from app.directory.models import EXPLOITATION_FORMS, NeedCategory, Service
from app.extensions import db
from app.interchange.cells import neutralise
from app.interchange.xlsx_columns import (
    CATEGORIES,
    INSTRUCTIONS,
    LISTS,
    NO,
    ORGANISATION_COLUMNS,
    ORGANISATIONS,
    SERVICE_COLUMNS,
    SERVICES,
    STATUS_LABELS,
    YES,
    current_locale,
    sheet_title,
)
from app.orgs.models import ORGANISATION_TYPES, Organisation

SPARE_ROWS = 1000  # empty rows that get the drop-down lists, below any filled-in ones
HEADER_FILL = PatternFill("solid", start_color="DDE7F0")


def _cell(value):
    """Return what to put in a cell: numbers stay numbers, text is made formula-safe and
    loses the control characters a worksheet cannot hold (a listing saved with one made the
    whole download fail)."""
    if value is None or isinstance(value, bool | int | float):
        return value
    return neutralise(ILLEGAL_CHARACTERS_RE.sub("", str(value)))


def _yes_no(value: bool | None) -> str | None:
    if value is None:
        return None
    return str(YES) if value else str(NO)


def _write_table(sheet, columns, rows: list[dict]) -> None:
    sheet.append([str(column.label) for column in columns])
    for index, column in enumerate(columns, start=1):
        sheet.cell(row=1, column=index).font = Font(bold=True)
        sheet.cell(row=1, column=index).fill = HEADER_FILL
        sheet.cell(row=1, column=index).alignment = Alignment(wrap_text=True, vertical="top")
        sheet.column_dimensions[get_column_letter(index)].width = column.width
    for row in rows:
        sheet.append([_cell(row.get(column.key)) for column in columns])
    sheet.freeze_panes = "A2"


def _drop_down(sheet, columns, keys, formula: str, last_row: int, strict: bool = True) -> None:
    validation = DataValidation(type="list", formula1=formula, allow_blank=True)
    validation.showErrorMessage = True
    validation.errorStyle = "stop" if strict else "warning"
    validation.errorTitle = _("Not in the list")
    validation.error = _("Choose a value from the drop-down list.")
    for index, column in enumerate(columns, start=1):
        if column.key in keys:
            letter = get_column_letter(index)
            validation.add(f"{letter}2:{letter}{last_row}")
    sheet.add_data_validation(validation)


def _list_column(sheet, letter: str, values: list[str]) -> str:
    for row, value in enumerate(values, start=1):
        sheet[f"{letter}{row}"] = _cell(value)
    return f"{quote_sheetname(LISTS)}!${letter}$1:${letter}${max(len(values), 1)}"


def _service_rows(services, codes: dict[int, str], positions: dict[int, tuple]) -> list[dict]:
    rows = []
    for service in services:
        ordered = sorted(service.category_ids, key=lambda cid: positions[cid])
        chosen = [codes[cid] for cid in ordered]
        row = {
            "service_id": service.id,
            "organisation_code": service.organisation.code,
            "status": str(STATUS_LABELS.get(service.status, service.status)),
            "category_1": chosen[0] if chosen else None,
            "category_2": chosen[1] if len(chosen) > 1 else None,
            "category_3": ", ".join(chosen[2:]) or None,
            "genders": ", ".join(service.gender_list),
            "exploitation_forms": ", ".join(service.exploitation_list),
            "languages": ", ".join(service.language_list),
        }
        for key in ("self_referral", "free", "interpretation", "open_24_7"):
            row[key] = _yes_no(getattr(service, key))
        for key in (
            "name",
            "description",
            "application_process",
            "documents_required",
            "cost_text",
            "min_age",
            "max_age",
            "eligibility_requirements",
            "hours_note",
            "phone",
            "hotline",
            "email",
            "website",
            "contact_name",
            "beds_total",
            "beds_available",
            "accessibility",
        ):
            row[key] = getattr(service, key)
        locations = sorted(service.locations, key=lambda loc: loc.id)
        if locations:
            location = locations[0]
            row.update(
                location_id=location.id,
                location_name=location.name,
                city=location.city,
                province_code=location.province_code,
                country=location.country,
                confidential=_yes_no(location.confidential),
            )
            # A spreadsheet travels by email: a safe house's address never goes in one.
            if not location.confidential:
                row.update(
                    address_line=location.address_line,
                    postal_code=location.postal_code,
                    latitude=location.latitude,
                    longitude=location.longitude,
                )
        rows.append(row)
    return rows


def _instructions(sheet) -> None:
    lines = [
        _("How to fill in this workbook"),
        _(
            "Each row of the Services sheet is one service. Leave the service ID blank to add a "
            "new service; keep the ID to update that service."
        ),
        _(
            "Required for every service: the organisation code, the service name and at least "
            "one category."
        ),
        _(
            "Organisation codes are listed on the Organisations sheet. To add an organisation, "
            "add a row there with its code, name, country (two letters, such as TH) and type."
        ),
        _(
            "Categories: choose a code from the drop-down list in each category column. The "
            "Categories sheet explains each code. For more than three categories, write several "
            "codes in one cell, separated by commas."
        ),
        _(
            "Yes/no columns take yes or no. A blank yes/no cell keeps the current value; for a "
            "new service, self-referral and free of charge mean yes, the others no."
        ),
        _(
            "Genders: female, male, other. Forms of exploitation: %(codes)s. Languages: ISO 639 "
            "codes such as th, vi, ms, id, en. Separate several with commas.",
            codes=", ".join(EXPLOITATION_FORMS),
        ),
        _("Ages are whole numbers of years; the minimum age cannot be above the maximum age."),
        _(
            "Location: fill in the location columns to add a place where the service is "
            "offered, or keep its location ID to update it. Latitude and longitude are decimal "
            "degrees, such as 18.7883 and 98.9853."
        ),
        _(
            "Confidential locations (safe houses): write yes in the last column. Their street "
            "address, postal code and coordinates are never published: the public sees only "
            "the city, the province and the service's public contact. A downloaded workbook "
            "never contains them, and leaving them blank keeps what Pathways has stored."
        ),
        _("Pathways keeps every cell as text or a number, never as a formula."),
        _(
            "Upload the workbook on the directory interchange page. Pathways checks every row "
            "first. If any row has a problem, nothing is imported and each problem is listed "
            "by sheet, row and column."
        ),
    ]
    sheet.column_dimensions["A"].width = 110
    for index, line in enumerate(lines, start=1):
        sheet.cell(row=index, column=1, value=_cell(line))
        sheet.cell(row=index, column=1).alignment = Alignment(wrap_text=True, vertical="top")
    sheet["A1"].font = Font(bold=True, size=14)


def _categories(sheet, categories: list[NeedCategory], locale: str) -> None:
    sheet.append([_("Code"), _("Name"), _("Description")])
    for category in categories:
        text = category.text(locale)
        description = text.description if text else ""
        sheet.append([_cell(category.code), _cell(category.name(locale)), _cell(description)])
    for letter, width in (("A", 28), ("B", 40), ("C", 80)):
        sheet[f"{letter}1"].font = Font(bold=True)
        sheet.column_dimensions[letter].width = width


def _organisation_rows(organisations) -> list[dict]:
    return [
        {
            "code": o.code,
            "name": o.name,
            "country": o.country,
            "type": str(TYPE_LABELS.get(o.type, o.type)),
            "website": o.website,
            "email": o.email,
            "phone": o.phone,
        }
        for o in organisations
    ]


def _drop_downs(book, services_sheet, organisations_sheet, categories, services, organisations):
    lists = book.create_sheet(LISTS)
    lists.sheet_state = "hidden"
    category_list = _list_column(lists, "A", [c.code for c in categories])
    status_list = _list_column(lists, "B", [str(label) for label in STATUS_LABELS.values()])
    yes_no_list = _list_column(lists, "C", [str(YES), str(NO)])
    type_list = _list_column(lists, "D", [str(TYPE_LABELS[t]) for t in ORGANISATION_TYPES])
    last = len(services) + 1 + SPARE_ROWS
    org_last = len(organisations) + 1 + SPARE_ROWS
    # The codes come from the Organisations sheet, so a row added there joins the list.
    org_codes = f"{quote_sheetname(organisations_sheet.title)}!$A$2:$A${org_last}"
    yes_no_keys = {c.key for c in SERVICE_COLUMNS if c.kind == "yesno"}
    _drop_down(services_sheet, SERVICE_COLUMNS, {"status"}, status_list, last)
    _drop_down(services_sheet, SERVICE_COLUMNS, yes_no_keys, yes_no_list, last)
    # Several codes may share a cell, so a category outside the list only warns.
    category_keys = {"category_1", "category_2", "category_3"}
    _drop_down(services_sheet, SERVICE_COLUMNS, category_keys, category_list, last, strict=False)
    _drop_down(services_sheet, SERVICE_COLUMNS, {"organisation_code"}, org_codes, last)
    _drop_down(organisations_sheet, ORGANISATION_COLUMNS, {"type"}, type_list, org_last)


def build_template(filled: bool = False) -> bytes:
    """Return the .xlsx template; `filled` puts in today's services to edit."""
    book = Workbook()
    instructions = book.active
    instructions.title = sheet_title(INSTRUCTIONS)
    services_sheet = book.create_sheet(sheet_title(SERVICES))
    organisations_sheet = book.create_sheet(sheet_title(ORGANISATIONS))
    categories_sheet = book.create_sheet(sheet_title(CATEGORIES))
    book.active = book.index(services_sheet)
    _instructions(instructions)

    categories = sorted(
        db.session.scalars(select(NeedCategory)), key=lambda c: (c.position, c.code)
    )
    codes = {c.id: c.code for c in categories}
    positions = {c.id: (c.position, c.code) for c in categories}
    active = [c for c in categories if c.active]
    _categories(categories_sheet, active, current_locale())
    # Organisations are always listed: the organisation code drop-down reads them.
    organisations = sorted(db.session.scalars(select(Organisation)), key=lambda o: o.code)
    services = []
    if filled:
        services = sorted(
            db.session.scalars(select(Service)), key=lambda s: (s.organisation.code, s.name, s.id)
        )
    _write_table(organisations_sheet, ORGANISATION_COLUMNS, _organisation_rows(organisations))
    _write_table(services_sheet, SERVICE_COLUMNS, _service_rows(services, codes, positions))
    _drop_downs(book, services_sheet, organisations_sheet, active, services, organisations)

    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
