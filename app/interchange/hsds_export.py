"""Write the directory as an HSDS 3.0 tabular data package: CSV files and datapackage.json."""

import csv
import io
import json
import zipfile
from pathlib import Path

from babel import Locale
from sqlalchemy import select

from app.directory.models import Location, NeedCategory, Service, split_codes
from app.extensions import db
from app.interchange import hsds
from app.interchange.cells import format_cell
from app.orgs.models import Organisation

ZIP_DATE = (1980, 1, 1, 0, 0, 0)  # a fixed date keeps two zips of the same data identical


def _sorted_codes(stored: str) -> str:
    return ",".join(sorted(split_codes(stored)))


def _organisations(tables: dict[str, list[dict]]) -> dict[int, str]:
    uuids = {}
    for org in sorted(db.session.scalars(select(Organisation)), key=lambda o: o.uuid):
        uuids[org.id] = org.uuid
        tables["organization"].append(
            {
                "id": org.uuid,
                "name": org.name,
                "description": org.description,
                "email": org.email,
                "website": org.website,
                "x_code": org.code,
                "x_country": org.country,
                "x_type": org.type,
            }
        )
        if org.phone:
            tables["phone"].append(
                {
                    "id": hsds.stable_id("organization", org.uuid, "phone"),
                    "organization_id": org.uuid,
                    "number": org.phone,
                    "type": "voice",
                }
            )
    return uuids


def _taxonomy(tables: dict[str, list[dict]]) -> dict[int, str]:
    tables["taxonomy"].append(
        {
            "id": hsds.TAXONOMY_ID,
            "name": hsds.TAXONOMY_NAME,
            "description": "Pathways need categories for services to victims of trafficking",
        }
    )
    codes = {}
    for category in sorted(db.session.scalars(select(NeedCategory)), key=lambda c: c.code):
        codes[category.id] = category.code
        texts = {text.locale: text for text in category.texts}
        english = texts.get("en")
        row = {
            "id": hsds.term_id(category.code),
            "code": category.code,
            "name": english.name if english else category.code,
            "description": english.description if english else "",
            "taxonomy_id": hsds.TAXONOMY_ID,
            "x_stages": _sorted_codes(category.stages),
            "x_position": category.position,
            "x_active": category.active,
        }
        for locale in hsds.TEXT_LOCALES:
            text = texts.get(locale)
            row[f"x_name_{locale}"] = text.name if text else ""
            row[f"x_description_{locale}"] = text.description if text else ""
        tables["taxonomy_term"].append(row)
    return codes


def _locations(tables: dict[str, list[dict]], orgs: dict[int, str], confidential: bool):
    for location in sorted(db.session.scalars(select(Location)), key=lambda loc: loc.id):
        # Without the explicit choice, a safe house keeps only its city and province.
        withheld = location.confidential and not confidential
        tables["location"].append(
            {
                "id": location.id,
                "organization_id": orgs[location.organisation_id],
                "name": location.name,
                "location_type": "physical",
                "latitude": None if withheld else location.latitude,
                "longitude": None if withheld else location.longitude,
                "confidential": location.confidential,
                "x_city": location.city,
                "x_province": location.province,
                "x_province_code": location.province_code,
                "x_country": location.country,
            }
        )
        if withheld:
            continue
        tables["address"].append(
            {
                "id": hsds.stable_id("address", location.id),
                "location_id": location.id,
                "address_1": location.address_line,
                "city": location.city,
                "state_province": location.province,
                "postal_code": location.postal_code,
                "country": location.country,
                "address_type": "physical",
                "x_province_code": location.province_code,
            }
        )


def _service_row(service: Service, org_uuid: str) -> dict:
    verified = service.last_verified_at
    return {
        "id": service.id,
        "organization_id": org_uuid,
        "name": service.name,
        "description": service.description,
        "url": service.website,
        "email": service.email,
        "status": hsds.STATUS_TO_HSDS.get(service.status, service.status),
        "interpretation_services": service.interpretation,
        "application_process": service.application_process,
        "fees_description": service.cost_text,
        "eligibility_description": service.eligibility_requirements,
        "minimum_age": service.min_age,
        "maximum_age": service.max_age,
        "alert": service.alert_text,
        "last_modified": service.updated_at,
        "assured_date": verified.date() if verified else None,
        "x_self_referral": service.self_referral,
        "x_free": service.free,
        "x_genders": _sorted_codes(service.genders),
        "x_exploitation_forms": _sorted_codes(service.exploitation_forms),
        "x_documents_required": service.documents_required,
        "x_open_24_7": service.open_24_7,
        "x_hours_note": service.hours_note,
        "x_hotline": service.hotline,
        "x_contact_name": service.contact_name,
        "x_beds_total": service.beds_total,
        "x_beds_available": service.beds_available,
        "x_capacity_updated_at": service.capacity_updated_at,
        "x_accessibility": service.accessibility,
        "x_nationwide": service.nationwide,
        "x_original_locale": service.original_locale,
        "x_version": service.version,
        "x_last_verified_at": verified,
    }


def _service_children(tables, service: Service, codes: dict[int, str]) -> None:
    sid = service.id
    for number, kind in ((service.phone, "phone"), (service.hotline, hsds.HOTLINE)):
        if number:
            tables["phone"].append(
                {
                    "id": hsds.stable_id("service", sid, kind),
                    "service_id": sid,
                    "number": number,
                    "type": "voice",
                    "description": hsds.HOTLINE if kind == hsds.HOTLINE else "",
                }
            )
    periods = sorted((s.weekday, s.opens_at, s.closes_at) for s in service.schedules)
    for index, (weekday, opens, closes) in enumerate(periods):
        tables["schedule"].append(
            {
                "id": hsds.stable_id("schedule", sid, index),
                "service_id": sid,
                "freq": "WEEKLY",
                "byday": hsds.BYDAY[weekday],
                "opens_at": opens,
                "closes_at": closes,
            }
        )
    if service.open_24_7:
        tables["schedule"].append(
            {
                "id": hsds.stable_id("schedule", sid, hsds.OPEN_24_7),
                "service_id": sid,
                "freq": "WEEKLY",
                "byday": hsds.ALL_WEEK,
                "description": hsds.OPEN_24_7,
            }
        )
    english = Locale("en").languages
    for code in sorted(service.language_list):
        tables["language"].append(
            {
                "id": hsds.stable_id("language", sid, code),
                "service_id": sid,
                "name": english.get(code, code),
                "code": code,
            }
        )
    for code in sorted(codes[link.category_id] for link in service.category_links):
        tables["attribute"].append(
            {
                "id": hsds.stable_id("attribute", sid, code),
                "link_id": sid,
                "link_type": "service",
                "link_entity": "service",
                "taxonomy_term_id": hsds.term_id(code),
            }
        )
    areas = sorted((area.country, area.province_code or "") for area in service.areas)
    countries = Locale("en").territories
    for index, (country, province) in enumerate(areas):
        name = countries.get(country, country)
        tables["service_area"].append(
            {
                "id": hsds.stable_id("service_area", sid, index),
                "service_id": sid,
                "name": f"{name} {province}".strip(),
                "extent_type": "text",
                "x_country": country,
                "x_province_code": province,
            }
        )
    for text in sorted(service.texts, key=lambda t: t.locale):
        tables["service_translation"].append(
            {
                "service_id": sid,
                "locale": text.locale,
                "name": text.name,
                "description": text.description,
            }
        )
    for link in sorted(service.location_links, key=lambda link: link.location_id):
        tables["service_at_location"].append(
            {"id": link.id, "service_id": sid, "location_id": link.location_id}
        )


def collect(include_confidential: bool = False) -> dict[str, list[dict]]:
    """Return every HSDS table as rows of values, in a fixed order."""
    tables: dict[str, list[dict]] = {name: [] for name in hsds.RESOURCES}
    orgs = _organisations(tables)
    codes = _taxonomy(tables)
    _locations(tables, orgs, include_confidential)
    for service in sorted(db.session.scalars(select(Service)), key=lambda s: s.id):
        tables["service"].append(_service_row(service, orgs[service.organisation_id]))
        _service_children(tables, service, codes)
    return tables


def render_csv(resource: str, rows: list[dict]) -> bytes:
    """Return one table as UTF-8 CSV; text cells that look like formulas are neutralised."""
    fields = hsds.RESOURCES[resource]
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow([field.name for field in fields])
    for row in rows:
        writer.writerow([format_cell(row.get(field.name), field.type) for field in fields])
    return buffer.getvalue().encode("utf-8")


def package_files(include_confidential: bool = False) -> dict[str, bytes]:
    """Return the package as file name → bytes: datapackage.json then one CSV per table."""
    descriptor = hsds.descriptor(include_confidential)
    files = {
        "datapackage.json": (json.dumps(descriptor, indent=2, ensure_ascii=False) + "\n").encode(
            "utf-8"
        )
    }
    for resource, rows in collect(include_confidential).items():
        files[hsds.filename(resource)] = render_csv(resource, rows)
    return files


def write_folder(folder: Path, files: dict[str, bytes]) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for name, data in files.items():
        (folder / name).write_bytes(data)


def zip_bytes(files: dict[str, bytes]) -> bytes:
    """Return `files` as a zip whose bytes depend only on their contents."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in files.items():
            info = zipfile.ZipInfo(name, date_time=ZIP_DATE)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, data)
    return buffer.getvalue()
