"""The directory goes out as HSDS 3.0 and a spreadsheet, and comes back in whole or not at all."""

import csv
import io
import json
import shutil
import uuid
import zipfile
from datetime import UTC, datetime, time
from types import SimpleNamespace

import pytest
from flask_babel import force_locale
from openpyxl import Workbook, load_workbook
from openpyxl.utils import get_column_letter
from sqlalchemy import create_engine, func, select, text
from sqlalchemy.engine import make_url

from app.audit.models import AuditEvent
from app.directory.models import (
    Location,
    NeedCategory,
    NeedCategoryText,
    Service,
    ServiceArea,
    ServiceAtLocation,
    ServiceCategory,
    ServiceSchedule,
    ServiceText,
    join_codes,
)
from app.extensions import db
from app.interchange.hsds_export import package_files, zip_bytes
from app.interchange.xlsx_columns import SERVICE_COLUMNS
from app.orgs.models import Organisation
from tests.conftest import PG_ADMIN_URL, TEMPLATE_DB, _app_for, csrf_token

HSDS_FILES = [
    "organization.csv",
    "service.csv",
    "location.csv",
    "address.csv",
    "service_at_location.csv",
    "phone.csv",
    "schedule.csv",
    "language.csv",
    "taxonomy.csv",
    "taxonomy_term.csv",
    "attribute.csv",
    "service_area.csv",
    "service_translation.csv",
]
# The safe house's street, postcode and coordinates, also rounded as a map would show them.
SAFE_HOUSE_SECRETS = ["99 Hidden Lane", "18.8123", "98.9611", "18.812", "98.961"]
SAFE_HOUSE_POSTCODE = "50399"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


# --- a small directory -------------------------------------------------------------------


def _category(code, stages, english, thai, position):
    category = NeedCategory(code=code, stages=join_codes(stages), position=position, active=True)
    category.texts = [
        NeedCategoryText(locale="en", name=english, description=f"{english}, explained."),
        NeedCategoryText(locale="th", name=thai, description=""),
    ]
    db.session.add(category)
    return category


def _location(organisation, name, street, city, province_code, postcode, country, lat, lon, **kw):
    location = Location(
        organisation_id=organisation.id, name=name, address_line=street, city=city,
        province=city, province_code=province_code, postal_code=postcode, country=country,
        latitude=lat, longitude=lon, **kw,
    )  # fmt: skip
    db.session.add(location)
    return location


@pytest.fixture
def directory(org, other_org):
    """Three categories, two organisations, a public, a confidential and a far location."""
    needs = {
        "hotline": _category("hotline", ["identification"], "Hotline", "สายด่วน", 1),
        "shelter": _category("shelter", ["protection"], "Emergency shelter", "ที่พักพิง", 2),
        "legal": _category("legal", ["protection", "reintegration"], "Legal aid", "กฎหมาย", 3),
    }
    org.description = "Hotline and shelters in the north."
    org.website = "https://hope.example"
    org.phone = "+66 2 123 4567"
    db.session.flush()
    public = _location(org, "Drop-in centre", "12 Nimman Road", "Chiang Mai", "TH-50",
                       "50200", "TH", 18.7883, 98.9853)  # fmt: skip
    safe = _location(org, "Safe house", "99 Hidden Lane", "Chiang Mai", "TH-50", "50399", "TH",
                     18.8123, 98.9611, confidential=True)  # fmt: skip
    far = _location(other_org, "Liaison office", "1 Market Street", "San Francisco", "US-CA",
                    "94105", "US", 37.7936, -122.3958)  # fmt: skip
    hotline = Service(
        organisation_id=org.id, name="Hope hotline", description="Call any time.",
        open_24_7=True, languages=join_codes(["th", "en"]), phone="+66 2 123 4567",
        hotline="1300", nationwide=True, genders=join_codes(["female", "male"]),
        exploitation_forms=join_codes(["sexual", "forced_labour"]),
        last_verified_at=datetime(2025, 3, 4, 5, 6, 7, 891011, tzinfo=UTC),
    )  # fmt: skip
    hotline.category_links = [ServiceCategory(category_id=needs["hotline"].id)]
    hotline.areas = [ServiceArea(country="TH")]
    hotline.texts = [ServiceText(locale="th", name="สายด่วนโฮป", description="โทรได้ตลอดเวลา")]
    hotline.location_links = [ServiceAtLocation(location=public)]
    shelter = Service(
        organisation_id=org.id, name="Safe shelter", description="Beds for women and girls.",
        min_age=12, max_age=60, beds_total=20, beds_available=5, self_referral=False,
        capacity_updated_at=datetime(2025, 5, 6, 7, 8, 9, tzinfo=UTC), interpretation=True,
        application_process="A referral from the police or an NGO.", languages=",th,",
        documents_required="None needed.", eligibility_requirements="Women and girls.",
    )  # fmt: skip
    shelter.category_links = [
        ServiceCategory(category_id=needs["shelter"].id),
        ServiceCategory(category_id=needs["legal"].id),
    ]
    shelter.schedules = [
        ServiceSchedule(weekday=day, opens_at=time(9), closes_at=time(17)) for day in range(5)
    ] + [ServiceSchedule(weekday=5, opens_at=time(10), closes_at=time(12))]
    shelter.areas = [ServiceArea(country="TH", province_code="TH-50"),
                     ServiceArea(country="TH", province_code="TH-57")]  # fmt: skip
    shelter.texts = [ServiceText(locale="vi", name="Nhà tạm lánh", description="Chỗ ở an toàn.")]
    shelter.location_links = [ServiceAtLocation(location=safe)]
    legal = Service(
        organisation_id=other_org.id, name="Legal aid", status="temporarily_closed",
        alert_text="Closed for the holidays.", website="https://legal.example",
        email="help@legal.example", cost_text="A small fee for documents.", free=False,
    )  # fmt: skip
    legal.category_links = [ServiceCategory(category_id=needs["legal"].id)]
    legal.schedules = [ServiceSchedule(weekday=1, opens_at=time(13), closes_at=time(16, 30))]
    legal.location_links = [ServiceAtLocation(location=far)]
    db.session.add_all([hotline, shelter, legal])
    db.session.commit()
    legal.description = "Free legal advice."  # a second version, which a round trip keeps
    db.session.commit()
    return SimpleNamespace(needs=needs, hotline=hotline, shelter=shelter, legal=legal,
                           public=public, safe=safe, far=far)  # fmt: skip


# --- helpers -------------------------------------------------------------------------------


def count(model, *where):
    return db.session.scalar(select(func.count()).select_from(model).where(*where))


def audited(action):
    return count(AuditEvent, AuditEvent.action == action)


def export(app, folder, *flags):
    result = app.test_cli_runner().invoke(args=["directory", "export", str(folder), *flags])
    assert result.exit_code == 0, result.output
    return {path.name: path.read_bytes() for path in sorted(folder.iterdir())}


def import_folder(app, files, folder):
    folder.mkdir(exist_ok=True)
    for name, data in files.items():
        (folder / name).write_bytes(data)
    return app.test_cli_runner().invoke(args=["directory", "import", str(folder)])


def table(files, name) -> list[dict]:
    return list(csv.DictReader(io.StringIO(files[name].decode("utf-8"), newline="")))


def with_rows(files, name, rows, header=None) -> dict:
    buffer = io.StringIO(newline="")
    writer = csv.DictWriter(buffer, fieldnames=header or list(rows[0]), lineterminator="\r\n")
    writer.writeheader()
    writer.writerows(rows)
    return {**files, name: buffer.getvalue().encode("utf-8")}


def edit(files, file, row_index, /, **changes) -> dict:
    rows = table(files, file)
    rows[row_index].update(changes)
    return with_rows(files, file, rows)


def snapshot() -> dict[str, bytes]:
    """Everything the directory holds, to prove that a refused import changed nothing."""
    db.session.expire_all()
    return package_files(include_confidential=True)


@pytest.fixture
def admin(web, admin_user):
    web.login(admin_user.email)
    return web


@pytest.fixture
def empty_app(template_database, tmp_path):
    """A second application on its own database with only the migrations applied."""
    if PG_ADMIN_URL:
        name = f"t_{uuid.uuid4().hex[:16]}"
        engine = create_engine(PG_ADMIN_URL, isolation_level="AUTOCOMMIT")
        with engine.connect() as conn:
            conn.execute(text(f"CREATE DATABASE {name} TEMPLATE {TEMPLATE_DB}"))
        url = make_url(PG_ADMIN_URL).set(database=name).render_as_string(False)
    else:
        target = tmp_path / "empty.db"
        shutil.copyfile(make_url(template_database).database, target)
        url = f"sqlite:///{target}"
    second = _app_for(url)
    yield second
    with second.app_context():
        db.session.remove()
        db.engine.dispose()
    if PG_ADMIN_URL:
        with engine.connect() as conn:
            conn.execute(text(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
        engine.dispose()


# --- export ------------------------------------------------------------------------------


def test_export_writes_every_hsds_file_with_its_field_names(app, directory, tmp_path):
    files = export(app, tmp_path / "out")
    assert sorted(files) == sorted([*HSDS_FILES, "datapackage.json"])
    descriptor = json.loads(files["datapackage.json"])
    assert descriptor["profile"] == "tabular-data-package"
    for resource in descriptor["resources"]:
        header = next(csv.reader(io.StringIO(files[resource["path"]].decode())))
        assert header == [field["name"] for field in resource["schema"]["fields"]]
    header = table(files, "service.csv")[0].keys()
    assert {"id", "organization_id", "name", "status", "fees_description", "assured_date",
            "eligibility_description", "minimum_age", "maximum_age", "last_modified",
            "interpretation_services", "x_beds_available", "x_version"} <= set(header)  # fmt: skip
    services = {row["name"]: row for row in table(files, "service.csv")}
    assert services["Legal aid"]["status"] == "temporarily closed"  # as HSDS spells it
    assert services["Legal aid"]["x_version"] == "2"
    assert services["Hope hotline"]["assured_date"] == "2025-03-04"
    assert services["Safe shelter"]["minimum_age"] == "12"
    schedules = [
        (r["byday"], r["opens_at"], r["closes_at"], r["freq"], r["description"])
        for r in table(files, "schedule.csv")
    ]
    assert ("MO", "09:00:00", "17:00:00", "WEEKLY", "") in schedules
    assert ("MO,TU,WE,TH,FR,SA,SU", "", "", "WEEKLY", "24/7") in schedules
    phones = table(files, "phone.csv")
    assert any(r["number"] == "1300" and r["description"] == "hotline" for r in phones)
    assert any(r["organization_id"] and not r["service_id"] for r in phones)
    terms = {row["code"]: row for row in table(files, "taxonomy_term.csv")}
    assert terms["legal"]["x_name_th"] == "กฎหมาย" and terms["legal"]["x_stages"] == (
        "protection,reintegration"
    )
    assert len(table(files, "attribute.csv")) == 4
    assert {r["locale"] for r in table(files, "service_translation.csv")} == {"th", "vi"}
    assert audited("directory:export:hsds") == 1


def test_default_export_leaves_out_safe_house_address_and_coordinates(app, directory, tmp_path):
    files = export(app, tmp_path / "public")
    for name, data in files.items():
        for secret in SAFE_HOUSE_SECRETS:
            assert secret not in data.decode("utf-8"), (name, secret)
        if name.endswith(".csv"):  # digits alone could turn up inside an id, so match cells
            assert SAFE_HOUSE_POSTCODE not in {c for r in table(files, name) for c in r.values()}
    safe = next(r for r in table(files, "location.csv") if r["id"] == directory.safe.id)
    assert safe["confidential"] == "true" and safe["latitude"] == safe["longitude"] == ""
    assert safe["x_city"] == "Chiang Mai" and safe["x_province_code"] == "TH-50"
    assert directory.safe.id not in {r["location_id"] for r in table(files, "address.csv")}
    assert "12 Nimman Road" in files["address.csv"].decode()  # public places stay public

    everything = export(app, tmp_path / "all", "--include-confidential")
    joined = "".join(data.decode("utf-8") for data in everything.values())
    for secret in [*SAFE_HOUSE_SECRETS, SAFE_HOUSE_POSTCODE]:
        assert secret in joined
    assert audited("directory:export:hsds") == 1
    assert audited("directory:export:hsds_confidential") == 1


def test_two_exports_of_the_same_data_are_identical(app, directory, tmp_path):
    assert export(app, tmp_path / "a") == export(app, tmp_path / "b")


def test_formula_text_is_neutralised_but_numbers_stay_numbers(app, directory, tmp_path):
    directory.legal.name = '=HYPERLINK("http://evil.example","Click")'
    directory.legal.hotline = "+1 555 0100"
    db.session.commit()
    files = export(app, tmp_path / "out")
    service = next(r for r in table(files, "service.csv") if r["id"] == directory.legal.id)
    assert service["name"] == '\'=HYPERLINK("http://evil.example","Click")'
    assert service["x_hotline"] == "'+1 555 0100"
    far = next(r for r in table(files, "location.csv") if r["id"] == directory.far.id)
    assert far["longitude"] == "-122.3958"
    # Reading the file back gives the name as it was, without the protective apostrophe.
    assert import_folder(app, files, tmp_path / "back").exit_code == 0
    db.session.expire_all()
    assert directory.legal.name == '=HYPERLINK("http://evil.example","Click")'


# --- import ------------------------------------------------------------------------------


@pytest.mark.parametrize("flags", [[], ["--include-confidential"]], ids=["public", "everything"])
def test_round_trip_into_an_empty_database_gives_identical_files(
    app, directory, empty_app, tmp_path, flags
):
    first = export(app, tmp_path / "first", *flags)
    with empty_app.app_context():
        assert count(Service) == 0 and count(NeedCategory) == 0
        result = import_folder(empty_app, first, tmp_path / "in")
        assert result.exit_code == 0, result.output
        assert "Services: 3 added" in result.output
        second = export(empty_app, tmp_path / "second", *flags)
        assert audited("directory:import:hsds") == 1
    for name in first:
        assert first[name] == second[name], name


def test_import_updates_by_id_without_duplicates(app, directory, tmp_path):
    files = export(app, tmp_path / "out", "--include-confidential")
    rows = table(files, "service.csv")
    index = next(i for i, r in enumerate(rows) if r["id"] == directory.hotline.id)
    changed = edit(files, "service.csv", index, name="Hope hotline 24h")
    before = count(Service)
    result = import_folder(app, changed, tmp_path / "in")
    assert result.exit_code == 0, result.output
    assert "0 added, 1 changed" in result.output
    db.session.expire_all()
    assert directory.hotline.name == "Hope hotline 24h" and count(Service) == before
    assert directory.hotline.version == 2
    assert audited("directory:import:hsds") == 1


def test_organisations_match_by_code_when_the_id_differs(app, directory, tmp_path):
    files = export(app, tmp_path / "out")
    rows = table(files, "organization.csv")
    index = next(i for i, r in enumerate(rows) if r["x_code"] == "TEST-ORG")
    old_id = rows[index]["id"]
    files = edit(files, "organization.csv", index, id=str(uuid.uuid4()), name="Hope renamed")
    new_id = table(files, "organization.csv")[index]["id"]
    for name in ("service.csv", "location.csv", "phone.csv"):
        files[name] = files[name].replace(old_id.encode(), new_id.encode())
    before = count(Organisation)
    result = import_folder(app, files, tmp_path / "in")
    assert result.exit_code == 0, result.output
    assert count(Organisation) == before
    assert db.session.scalar(select(Organisation.name).where(Organisation.code == "TEST-ORG")) == (
        "Hope renamed"
    )


def test_a_public_export_imported_back_keeps_the_safe_house_address(app, directory, tmp_path):
    files = export(app, tmp_path / "out")
    assert import_folder(app, files, tmp_path / "in").exit_code == 0
    db.session.expire_all()
    assert directory.safe.address_line == "99 Hidden Lane" and directory.safe.latitude == 18.8123


def test_a_utf8_bom_is_accepted(app, directory, tmp_path):
    files = export(app, tmp_path / "out")
    files = edit(files, "service.csv", 0, name="With a BOM")
    files["service.csv"] = b"\xef\xbb\xbf" + files["service.csv"]
    result = import_folder(app, files, tmp_path / "in")
    assert result.exit_code == 0, result.output
    assert count(Service, Service.name == "With a BOM") == 1


def test_text_with_control_characters_is_imported_as_it_reads(app, directory, tmp_path):
    files = export(app, tmp_path / "out")
    pasted = "Open late\x0bBring ID\x01\x1b[31m\tif you can\x7f"
    files = edit(files, "service.csv", _at(files, directory.hotline), description=pasted)
    result = import_folder(app, files, tmp_path / "in")
    assert result.exit_code == 0, result.output
    db.session.expire_all()
    assert directory.hotline.description == "Open late\nBring ID[31m\tif you can"


def _at(files, service) -> int:
    """Return the index of `service`'s row in service.csv."""
    return next(i for i, r in enumerate(table(files, "service.csv")) if r["id"] == service.id)


def _timed_schedule(files) -> int:
    """Return the index of a schedule row with opening hours (not a 24/7 one)."""
    return next(i for i, r in enumerate(table(files, "schedule.csv")) if r["opens_at"])


def _without_categories_of(files, service):
    rows = [r for r in table(files, "attribute.csv") if r["link_id"] != service.id]
    return with_rows(files, "attribute.csv", rows)


def _many_languages(files, service):
    row = f"{uuid.uuid4()},{service.id},Thai,th\r\n".encode()
    return {**files, "language.csv": files["language.csv"] + row * 50_001}


# Each case: how to spoil a good package (given its files and the directory), and the message.
BAD_PACKAGES = {
    "not-utf8": (lambda f, d: {**f, "service.csv": f["service.csv"].replace(
        b"Call any time.", "Appelez à tout moment.".encode("latin-1"))}, "is not UTF-8 text"),
    "nul-byte": (lambda f, d: {**f, "location.csv": f["location.csv"] + b"x\x00y\r\n"},
                 "holds a NUL byte"),
    "huge-cell": (lambda f, d: edit(f, "service.csv", _at(f, d.hotline), description="x" * 10_001),
                  "longer than 10000 characters"),
    "too-many-rows": (lambda f, d: _many_languages(f, d.hotline), "More than 50000 rows"),
    "duplicate-id": (lambda f, d: with_rows(f, "service.csv", [*table(f, "service.csv"),
                     table(f, "service.csv")[0]]), "The same id is already in row 2"),
    "unknown-category": (lambda f, d: edit(f, "attribute.csv", 0, taxonomy_term_id="no-such-need"),
                         "Unknown category no-such-need"),
    "unknown-organisation": (lambda f, d: edit(f, "service.csv", _at(f, d.hotline),
                             organization_id=str(uuid.uuid4())), "Unknown organisation"),
    "latitude-out-of-range": (lambda f, d: edit(f, "location.csv", 0, latitude="123.5"),
                              "column latitude: Write a number from -90 to 90"),
    "longitude-not-a-number": (lambda f, d: edit(f, "location.csv", 0, longitude="east"),
                               "column longitude: Write a number"),
    "age-not-whole": (lambda f, d: edit(f, "service.csv", _at(f, d.shelter), minimum_age="12.5"),
                      "column minimum_age: Write a whole number"),
    "min-above-max": (lambda f, d: edit(f, "service.csv", _at(f, d.shelter), minimum_age="70"),
                      "The minimum age is above the maximum age"),
    "unknown-status": (lambda f, d: edit(f, "service.csv", _at(f, d.hotline), status="closed-ish"),
                       "Unknown status closed-ish"),
    "no-name": (lambda f, d: edit(f, "service.csv", _at(f, d.hotline), name=""),
                "column name: This cannot be blank"),
    "no-organisation": (lambda f, d: edit(f, "service.csv", _at(f, d.hotline), organization_id=""),
                        "column organization_id: This cannot be blank"),
    "no-category": (lambda f, d: _without_categories_of(f, d.legal),
                    "Give the service at least one category"),
    "schedule-without-times": (lambda f, d: edit(f, "schedule.csv", _timed_schedule(f),
                                                 opens_at=""),
                               "Give opens_at and closes_at"),
    "bad-url": (lambda f, d: edit(f, "service.csv", _at(f, d.hotline), url="javascript:alert(1)"),
                "starting with https://"),
    "missing-column": (lambda f, d: {**f, "service.csv": b"id,name\r\nabc,X\r\n"},
                       "The column organization_id is missing"),
}  # fmt: skip


@pytest.mark.parametrize("case", BAD_PACKAGES)
def test_a_bad_package_is_explained_and_changes_nothing(app, directory, tmp_path, case):
    good = export(app, tmp_path / "out", "--include-confidential")
    # One good change rides along: it must not be saved either.
    good = edit(good, "service.csv", _at(good, directory.legal), name="Renamed")
    spoil, message = BAD_PACKAGES[case]
    spoiled = spoil(good, directory)
    before = snapshot()
    result = import_folder(app, spoiled, tmp_path / "in")
    assert result.exit_code == 1
    assert message in result.output and "Nothing was imported." in result.output
    assert "Traceback" not in result.output
    assert snapshot() == before
    assert audited("directory:import:rejected") == 1 and audited("directory:import:hsds") == 0


# --- the web page --------------------------------------------------------------------------


def upload(admin, action, data: bytes, name: str):
    return admin.submit("/admin/interchange", action, data={"file": (io.BytesIO(data), name)})


def test_admin_downloads_the_package_with_or_without_safe_house_details(admin, directory):
    page = admin.get("/admin/interchange")
    assert page.status_code == 200 and "Directory interchange" in page.get_data(as_text=True)
    response = admin.submit("/admin/interchange", "/admin/interchange/export")
    assert response.status_code == 200 and response.mimetype == "application/zip"
    public = zipfile.ZipFile(io.BytesIO(response.data))
    assert sorted(public.namelist()) == sorted([*HSDS_FILES, "datapackage.json"])
    assert b"99 Hidden Lane" not in public.read("address.csv")
    response = admin.submit(
        "/admin/interchange", "/admin/interchange/export", data={"include_confidential": "y"}
    )
    assert b"99 Hidden Lane" in zipfile.ZipFile(io.BytesIO(response.data)).read("address.csv")
    assert audited("directory:export:hsds") == 1
    assert audited("directory:export:hsds_confidential") == 1


def test_admin_uploads_a_package(admin, directory):
    files = package_files(include_confidential=True)
    files = edit(files, "service.csv", _at(files, directory.legal), name="Law clinic")
    response = upload(admin, "/admin/interchange/import", zip_bytes(files), "directory.zip")
    assert response.status_code == 302
    page = admin.get(response.location).get_data(as_text=True)
    assert "Services: 0 added, 1 changed." in page
    db.session.expire_all()
    assert directory.legal.name == "Law clinic"
    assert audited("directory:import:hsds") == 1


def _zip(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


@pytest.mark.parametrize(
    "data, message",
    [
        (b"this is not a zip at all", "This is not a zip file, or it is damaged."),
        ("truncated", "This is not a zip file, or it is damaged."),
        ("bomb", "unpacks to more than 50 MB"),
        ("traversal", "unsafe name: ../service.csv"),
        ("empty", "No HSDS files found"),
    ],
    ids=["not-a-zip", "truncated", "zip-bomb", "path-traversal", "no-hsds-files"],
)
def test_a_bad_zip_is_refused_and_changes_nothing(admin, directory, data, message):
    good = zip_bytes(package_files(include_confidential=True))
    data = {
        "truncated": good[: len(good) // 2],
        "bomb": _zip({"service.csv": b"0" * (51 * 1024 * 1024)}),
        "traversal": _zip({"../service.csv": b"id\r\n"}),
        "empty": _zip({"readme.txt": b"hello"}),
    }.get(data, data)
    assert len(data) < 2 * 1024 * 1024
    before = snapshot()
    response = upload(admin, "/admin/interchange/import", data, "directory.zip")
    body = response.get_data(as_text=True)
    assert response.status_code == 422
    assert message in body and "Nothing was imported" in body
    assert snapshot() == before
    assert audited("directory:import:rejected") == 1


@pytest.mark.parametrize(
    "action, data, message",
    [
        ("/admin/interchange/import", {}, "Choose a .zip file."),
        ("/admin/interchange/import", {"file": (io.BytesIO(b"a,b"), "x.csv")}, "Choose a .zip"),
        (
            "/admin/interchange/import-xlsx",
            {"file": (io.BytesIO(b"x"), "x.xls")},
            "Choose an .xlsx",
        ),
    ],
)
def test_the_upload_forms_ask_for_the_right_file(admin, action, data, message):
    response = admin.submit("/admin/interchange", action, data=data)
    assert response.status_code == 422 and message in response.get_data(as_text=True)
    assert audited("directory:import:rejected") == 0


def test_an_upload_over_the_size_limit_is_refused_in_words(admin, directory):
    response = upload(admin, "/admin/interchange/import", b"0" * (3 * 1024 * 1024), "big.zip")
    assert response.status_code == 413
    assert "larger than 2 MB" in response.get_data(as_text=True)


@pytest.mark.parametrize(
    "method, path",
    [
        ("GET", "/admin/interchange"),
        ("POST", "/admin/interchange/export"),
        ("GET", "/admin/interchange/template.xlsx"),
        ("POST", "/admin/interchange/import"),
        ("POST", "/admin/interchange/import-xlsx"),
    ],
)
def test_only_admins_may_use_the_interchange(client, login_as, org, directory, method, path):
    login_as(["caseworker", "directory_editor", "coordinator"], org)
    token = csrf_token(client.get("/").get_data(as_text=True))
    response = client.open(path, method=method, data={"csrf_token": token})
    assert response.status_code == 403
    assert audited("http:access:refused") == 1
    assert audited("directory:export:hsds") == audited("directory:export:xlsx_template") == 0


def test_signed_out_visitors_are_sent_to_sign_in(client):
    response = client.get("/admin/interchange/template.xlsx")
    assert response.status_code == 302 and "/auth/login" in response.location


# --- the spreadsheet -----------------------------------------------------------------------


def workbook(response):
    assert response.status_code == 200 and response.mimetype == XLSX
    return load_workbook(io.BytesIO(response.data))


def headers(sheet) -> list[str]:
    return [cell.value for cell in sheet[1] if cell.value]


def labels(locale: str = "en") -> dict[str, str]:
    """Return the Services sheet's headings in `locale`, by column key."""
    with force_locale(locale):
        return {column.key: str(column.label) for column in SERVICE_COLUMNS}


def column(sheet, key: str, locale: str = "en") -> int:
    return headers(sheet).index(labels(locale)[key]) + 1


def save(book) -> bytes:
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def test_template_has_drop_downs_a_hidden_list_and_instructions(admin, directory):
    book = workbook(admin.get("/admin/interchange/template.xlsx"))
    assert {"Services", "Organisations", "Categories", "Instructions", "Lists"} <= set(
        book.sheetnames
    )
    assert book["Lists"].sheet_state == "hidden"
    services = book["Services"]
    assert book.active.title == "Services" and services.max_row == 1  # blank: no services
    assert {"Service name", "Organisation code", "Category 1", "Category 3", "Status", "Latitude",
            "Confidential location, a safe house (yes/no)"} <= set(headers(services))  # fmt: skip
    drop_downs = {
        str(cells).split(":")[0].rstrip("0123456789"): validation.formula1
        for validation in services.data_validations.dataValidation
        for cells in validation.sqref.ranges
    }

    def drop_down(key):
        return drop_downs[get_column_letter(column(services, key))]

    assert drop_down("status") == "'Lists'!$B$1:$B$4"
    assert [c.value for c in book["Lists"]["B"] if c.value] == [
        "Open", "Temporarily closed", "Inactive", "Closed for good"
    ]  # fmt: skip
    for key in ("free", "self_referral", "interpretation", "open_24_7", "confidential"):
        assert drop_down(key) == "'Lists'!$C$1:$C$2"
    for key in ("category_1", "category_2", "category_3"):
        assert drop_down(key) == "'Lists'!$A$1:$A$3"
    assert [c.value for c in book["Lists"]["A"] if c.value] == ["hotline", "shelter", "legal"]
    assert drop_down("organisation_code").startswith("'Organisations'!$A$2")
    org_types = book["Organisations"].data_validations.dataValidation[0].formula1
    assert org_types == "'Lists'!$D$1:$D$8"
    assert [c.value for c in book["Organisations"]["A"]] == [
        "Organisation code", "OTHER-ORG", "TEST-ORG"
    ]  # fmt: skip
    assert [c.value for c in book["Categories"][2]] == ["hotline", "Hotline", "Hotline, explained."]
    instructions = " ".join(str(c.value) for c in book["Instructions"]["A"])
    assert "never published" in instructions and "at least one category" in instructions
    assert audited("directory:export:xlsx_template") == 1


def test_template_speaks_thai_when_the_interface_does(admin, directory):
    admin.submit("/", "/language", data={"locale": "th"})
    book = workbook(admin.get("/admin/interchange/template.xlsx"))
    heads = headers(book.active)
    assert {"อีเมล", "สถานะ", "ประเทศ"} <= set(heads) and "Email" not in heads
    assert heads == list(labels("th").values())
    categories = next(s for s in book.worksheets if s["A2"].value == "hotline")
    assert categories["B2"].value == "สายด่วน"


def _fill(book, values: dict, row: int = 2, locale: str = "en") -> bytes:
    """Type `values` (by column key) into a row of the Services sheet, as a person would."""
    for key, value in values.items():
        cell = book.active.cell(row=row, column=column(book.active, key, locale), value=value)
        if isinstance(value, str) and value.startswith("="):
            cell.data_type = "s"  # typed as text, as Excel does after a leading apostrophe
    return save(book)


NEW_SERVICE = {
    "organisation_code": "TEST-ORG",
    "name": "Night drop-in",
    "description": "=1+1 is not a formula here",
    "status": "Open",
    "category_1": "shelter",
    "category_2": "Legal aid",  # a category's name works as well as its code
    "free": "yes",
    "min_age": 18,
    "languages": "th, my",
    "location_name": "Night centre",
    "address_line": "5 Moon Road",
    "city": "Chiang Rai",
    "province_code": "TH-57",
    "country": "TH",
    "latitude": 19.91,
    "longitude": 99.84,
    "confidential": "no",
}


def test_a_filled_in_template_imports(admin, directory):
    data = _fill(workbook(admin.get("/admin/interchange/template.xlsx")), NEW_SERVICE)
    response = upload(admin, "/admin/interchange/import-xlsx", data, "filled.xlsx")
    assert response.status_code == 302, response.get_data(as_text=True)
    assert "Services: 1 added" in admin.get(response.location).get_data(as_text=True)
    service = db.session.scalar(select(Service).where(Service.name == "Night drop-in"))
    assert service.description == "=1+1 is not a formula here"
    assert service.free and service.min_age == 18 and service.language_list == ["my", "th"]
    assert set(service.category_ids) == {directory.needs["shelter"].id, directory.needs["legal"].id}
    [location] = service.locations
    assert (location.address_line, location.latitude, location.confidential) == (
        "5 Moon Road", 19.91, False
    )  # fmt: skip
    assert audited("directory:import:xlsx") == 1


def test_headings_in_any_language_are_understood(admin, directory):
    admin.submit("/", "/language", data={"locale": "th"})
    book = workbook(admin.get("/admin/interchange/template.xlsx"))
    admin.submit("/", "/language", data={"locale": "en"})
    row = {"organisation_code": "TEST-ORG", "name": "Thai row", "category_1": "hotline",
           "status": "inactive"}  # fmt: skip
    response = upload(
        admin, "/admin/interchange/import-xlsx", _fill(book, row, locale="th"), "th.xlsx"
    )
    assert response.status_code == 302, response.get_data(as_text=True)
    assert db.session.scalar(select(Service.status).where(Service.name == "Thai row")) == "inactive"


def test_the_current_services_come_out_and_go_back_in_by_id(admin, directory):
    book = workbook(admin.get("/admin/interchange/template.xlsx?filled=1"))
    sheet = book.active
    names = {sheet.cell(row=r, column=column(sheet, "name")).value: r
             for r in range(2, sheet.max_row + 1)}  # fmt: skip
    assert set(names) == {"Hope hotline", "Safe shelter", "Legal aid"}
    row = names["Safe shelter"]
    for key in ("address_line", "postal_code", "latitude", "longitude"):
        # A safe house's address never goes into a spreadsheet.
        assert sheet.cell(row=row, column=column(sheet, key)).value is None
    assert sheet.cell(row=row, column=column(sheet, "city")).value == "Chiang Mai"
    data = _fill(book, {"name": "Safe shelter north"}, row=row)
    before = count(Service)
    response = upload(admin, "/admin/interchange/import-xlsx", data, "edit.xlsx")
    assert response.status_code == 302, response.get_data(as_text=True)
    assert "Services: 0 added, 1 changed." in admin.get(response.location).get_data(as_text=True)
    db.session.expire_all()
    assert count(Service) == before and directory.shelter.name == "Safe shelter north"
    # Blank in the sheet, kept in Pathways.
    assert (directory.safe.address_line, directory.safe.latitude) == ("99 Hidden Lane", 18.8123)
    assert audited("directory:export:xlsx") == 1


def test_filled_template_neutralises_formula_text(admin, directory):
    directory.hotline.name = "=cmd|' /C calc'!A0"
    db.session.commit()
    sheet = workbook(admin.get("/admin/interchange/template.xlsx?filled=1")).active
    values = list(sheet.iter_cols(values_only=True))
    assert "'=cmd|' /C calc'!A0" in values[column(sheet, "name") - 1]
    assert -122.3958 in values[column(sheet, "longitude") - 1]  # a number, no apostrophe


def test_filled_template_leaves_out_control_characters_a_sheet_cannot_hold(admin, directory):
    directory.hotline.name = "Hotline\x01 for\x1b everyone"
    db.session.commit()
    response = admin.get("/admin/interchange/template.xlsx?filled=1")
    assert response.status_code == 200
    sheet = workbook(response).active
    names = list(sheet.iter_cols(values_only=True))[column(sheet, "name") - 1]
    assert "Hotline for everyone" in names


@pytest.mark.parametrize(
    "change, message",
    [
        ({"category_1": "no-such-need", "category_2": None}, "Unknown category no-such-need"),
        ({"name": None}, "Services, row 2, column C (Service name): This cannot be blank"),
        ({"organisation_code": "NOPE"}, "Unknown organisation NOPE"),
        ({"min_age": "twelve"}, "Write a whole number"),
        ({"min_age": 70, "max_age": 20}, "The minimum age is above the maximum age"),
        ({"latitude": 95}, "Write a number from -90 to 90"),
        ({"longitude": "east"}, "Write a number, with a point for decimals"),
        ({"status": "maybe"}, "Choose a status from the list"),
        ({"free": "perhaps"}, "Write yes or no"),
        ({"category_1": None, "category_2": None}, "Give the service at least one category"),
        ({"description": "x" * 10_001}, "longer than 10000 characters"),
        ({"service_id": str(uuid.uuid4())}, "No service has this ID"),
    ],
)
def test_a_bad_spreadsheet_is_explained_and_changes_nothing(admin, directory, change, message):
    book = workbook(admin.get("/admin/interchange/template.xlsx"))
    _fill(book, {**NEW_SERVICE, "name": "A good row"}, row=3)
    data = _fill(book, {**NEW_SERVICE, **change})
    before = snapshot()
    response = upload(admin, "/admin/interchange/import-xlsx", data, "bad.xlsx")
    body = response.get_data(as_text=True)
    assert response.status_code == 422
    assert message in body and "Nothing was imported" in body
    assert snapshot() == before
    assert audited("directory:import:rejected") == 1


@pytest.mark.parametrize("data", [b"PK\x03\x04 not really", "zip-of-text"])
def test_a_corrupt_workbook_is_refused(admin, directory, data):
    if data == "zip-of-text":
        data = _zip({"hello.txt": b"hello"})
    response = upload(admin, "/admin/interchange/import-xlsx", data, "broken.xlsx")
    assert response.status_code == 422
    assert "This is not an .xlsx workbook, or it is damaged." in response.get_data(as_text=True)


def test_the_shell_imports_a_spreadsheet_and_caps_its_rows(app, admin, directory, tmp_path):
    good = tmp_path / "services.xlsx"
    good.write_bytes(_fill(workbook(admin.get("/admin/interchange/template.xlsx")), NEW_SERVICE))
    result = app.test_cli_runner().invoke(args=["directory", "import-xlsx", str(good)])
    assert result.exit_code == 0, result.output
    assert count(Service, Service.name == "Night drop-in") == 1

    book = Workbook(write_only=True)
    sheet = book.create_sheet("Services")
    names = labels()
    sheet.append([names["organisation_code"], names["name"], names["category_1"]])
    for number in range(50_001):
        sheet.append(["TEST-ORG", f"Service {number}", "legal"])
    big = tmp_path / "big.xlsx"
    book.save(big)
    before = count(Service)
    result = app.test_cli_runner().invoke(args=["directory", "import-xlsx", str(big)])
    assert result.exit_code == 1 and "More than 50000 rows" in result.output
    assert "Nothing was imported." in result.output and count(Service) == before


def test_web_upload_needs_a_csrf_token(admin, directory):
    response = admin.client.post(
        "/admin/interchange/import", data={"file": (io.BytesIO(b"x"), "x.zip")}
    )
    assert response.status_code == 400
