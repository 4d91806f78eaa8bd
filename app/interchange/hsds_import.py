"""Write a checked HSDS package into the directory: create or update by id, never delete."""

from collections import Counter, defaultdict
from collections.abc import Callable
from datetime import UTC, datetime, time

from sqlalchemy import select

from app.database import utcnow
from app.directory.models import (
    Location,
    NeedCategory,
    NeedCategoryText,
    Service,
    join_codes,
)
from app.extensions import db
from app.interchange import hsds
from app.interchange.hsds_read import Plan
from app.interchange.writing import (
    assign,
    keep_versions,
    load,
    location_values,
    sync_areas,
    sync_categories,
    sync_locations,
    sync_schedules,
    sync_texts,
)
from app.orgs.models import Organisation
from app.orgs.services import create_organisation

# service.csv column → Service attribute, for values copied as they are.
SERVICE_COLUMNS = {
    "name": "name",
    "description": "description",
    "url": "website",
    "email": "email",
    "status": "status",
    "interpretation_services": "interpretation",
    "application_process": "application_process",
    "fees_description": "cost_text",
    "eligibility_description": "eligibility_requirements",
    "minimum_age": "min_age",
    "maximum_age": "max_age",
    "alert": "alert_text",
    "x_self_referral": "self_referral",
    "x_free": "free",
    "x_documents_required": "documents_required",
    "x_open_24_7": "open_24_7",
    "x_hours_note": "hours_note",
    "x_hotline": "hotline",
    "x_contact_name": "contact_name",
    "x_beds_total": "beds_total",
    "x_beds_available": "beds_available",
    "x_capacity_updated_at": "capacity_updated_at",
    "x_accessibility": "accessibility",
    "x_nationwide": "nationwide",
    "x_original_locale": "original_locale",
}
# Columns that cannot be empty in the database: a blank cell leaves them as they are.
NOT_NULL = {
    "status",
    "interpretation",
    "self_referral",
    "free",
    "open_24_7",
    "nationwide",
    "original_locale",
}
LOCATION_COLUMNS = {
    "name": "name",
    "latitude": "latitude",
    "longitude": "longitude",
    "x_city": "city",
    "x_province": "province",
    "x_province_code": "province_code",
    "x_country": "country",
}
ORGANISATION_COLUMNS = {
    "name": "name",
    "description": "description",
    "email": "email",
    "website": "website",
    "x_country": "country",
    "x_type": "type",
}


class Importer:
    """One package being written, in one transaction that the caller commits."""

    def __init__(self, plan: Plan, progress: Callable[[int], None] | None = None):
        self.plan = plan
        self.rows = plan.rows
        self.progress = progress or (lambda _n: None)
        self.counts: Counter = Counter()
        self.organisations: dict[str, Organisation] = {}
        self.categories: dict[str, NeedCategory] = {}

    def run(self) -> Counter:
        """Write everything, taxonomy first and services last; return what was done."""
        self.write_terms()
        self.write_organisations()
        self.write_locations()
        self.write_services()
        db.session.flush()
        return self.counts

    def write_terms(self) -> None:
        """Create or update need categories by code, with their texts."""
        self.categories = {c.code: c for c in db.session.scalars(select(NeedCategory))}
        for _number, values in self.rows["taxonomy_term"]:
            code = values["code"]
            category = self.categories.get(code)
            if category is None:
                category = NeedCategory(code=code, stages="", position=0, active=True)
                db.session.add(category)
                self.categories[code] = category
                self.counts["categories_created"] += 1
            fields = {}
            if "x_stages" in values:
                fields["stages"] = join_codes(values["x_stages"])
            if values.get("x_position") is not None:
                fields["position"] = values["x_position"]
            if values.get("x_active") is not None:
                fields["active"] = values["x_active"]
            assign(category, fields)
            texts = {"en": (values["name"], values.get("description", ""))}
            for locale in hsds.TEXT_LOCALES:
                if f"x_name_{locale}" in values:
                    name = values[f"x_name_{locale}"]
                    texts[locale] = (name, values.get(f"x_description_{locale}", ""))
            self._term_texts(category, texts)
        db.session.flush()

    @staticmethod
    def _term_texts(category: NeedCategory, texts: dict[str, tuple[str, str]]) -> None:
        by_locale = {text.locale: text for text in category.texts}
        for locale, (name, description) in texts.items():
            text = by_locale.get(locale)
            if not name:
                if text is not None:
                    category.texts.remove(text)
            elif text is None:
                category.texts.append(
                    NeedCategoryText(locale=locale, name=name, description=description)
                )
            else:
                assign(text, {"name": name, "description": description})

    def organisation(self, file_id: str) -> Organisation:
        """Return our organisation for an organization id of the package."""
        if file_id not in self.organisations:
            self.organisations[file_id] = db.session.get(Organisation, self.plan.org_ids[file_id])
        return self.organisations[file_id]

    def write_organisations(self) -> None:
        """Create organisations new to Pathways and update the others, phone included."""
        phones = {
            values["organization_id"]: values.get("number", "")
            for _number, values in self.rows["phone"]
            if values.get("organization_id") and not values.get("service_id")
        }
        for _number, values in self.rows["organization"]:
            file_id = values["id"]
            if self.plan.org_ids[file_id] is None:
                org = create_organisation(
                    values["x_code"],
                    values["name"],
                    values["x_country"],
                    values.get("x_type") or "ngo",
                )
                org.uuid = file_id
                self.organisations[file_id] = org
                self.counts["organisations_created"] += 1
            else:
                org = self.organisation(file_id)
            fields = {
                attr: values[column]
                for column, attr in ORGANISATION_COLUMNS.items()
                if values.get(column) is not None
            }
            if "phone" in self.plan.present:
                fields["phone"] = phones.get(file_id, "")
            if assign(org, fields) and self.plan.org_ids[file_id] is not None:
                self.counts["organisations_updated"] += 1
            self.progress(1)
        listed = {values["id"] for _number, values in self.rows["organization"]}
        for file_id, number in phones.items():
            if file_id not in listed:
                assign(self.organisation(file_id), {"phone": number})

    def write_locations(self) -> None:
        """Create or update locations by id, with their addresses."""
        addresses = {values["location_id"]: values for _n, values in self.rows["address"]}
        listed = {values["id"]: values for _n, values in self.rows["location"]}
        existing = load(Location, set(listed) | set(addresses))
        for location_id in sorted(set(listed) | set(addresses)):
            values = listed.get(location_id, {})
            location = existing.get(location_id)
            if location is None:
                location = Location(id=location_id, confidential=False)
                db.session.add(location)
                self.counts["locations_created"] += 1
            fields = {attr: values[col] for col, attr in LOCATION_COLUMNS.items() if col in values}
            if not fields.get("country"):
                fields.pop("country", None)
            address = addresses.get(location_id)
            if address is not None:
                fields.update(_address_fields(address))
            confidential = values.get("confidential")
            if confidential is None:
                confidential = bool(location.confidential)
            fields = location_values(fields, withheld=confidential and address is None)
            fields["confidential"] = confidential
            if values.get("organization_id"):
                fields["organisation_id"] = self.organisation(values["organization_id"]).id
            if assign(location, fields) and location_id in existing:
                self.counts["locations_updated"] += 1
            self.progress(1)
        db.session.flush()

    def write_services(self) -> None:
        """Create or update services by id, with every child table the package holds."""
        children = _children(self.plan)
        listed = {values["id"]: values for _n, values in self.rows["service"]}
        touched = set(listed).union(*(set(group) for group in children.values()))
        existing = load(Service, touched)
        versions = {}
        # Flushing half-way would insert a new service and then update it, bumping its version.
        with db.session.no_autoflush:
            for service_id in sorted(touched):
                self._service(service_id, listed.get(service_id, {}), existing, children, versions)
                self.progress(1)
        keep_versions(versions)

    def _service(self, service_id: str, values: dict, existing: dict, children, versions) -> None:
        service = existing.get(service_id)
        created = service is None
        if created:
            service = Service(id=service_id)
            db.session.add(service)
            versions[service_id] = values.get("x_version") or 1
        changed = assign(service, self._service_fields(values))
        changed |= self._service_children(service, children)
        if created:
            service.updated_at = values.get("last_modified") or utcnow()
            self.counts["services_created"] += 1
        elif changed:
            service.updated_at = utcnow()
            self.counts["services_updated"] += 1

    def _service_fields(self, values: dict) -> dict:
        fields = {
            attr: values[column] for column, attr in SERVICE_COLUMNS.items() if column in values
        }
        fields = {k: v for k, v in fields.items() if v is not None or k not in NOT_NULL}
        for column, attr in (
            ("x_genders", "genders"),
            ("x_exploitation_forms", "exploitation_forms"),
        ):
            if column in values:
                fields[attr] = join_codes(values[column] or [])
        if values.get("organization_id"):
            fields["organisation_id"] = self.organisation(values["organization_id"]).id
        if "x_last_verified_at" in values or "assured_date" in values:
            day = values.get("assured_date")
            fields["last_verified_at"] = values.get("x_last_verified_at") or (
                datetime.combine(day, time(), UTC) if day else None
            )
        return fields

    def _service_children(self, service: Service, children: dict[str, dict]) -> bool:
        sid = service.id
        present = self.plan.present
        changed = False
        if "attribute" in present:
            codes = children["attribute"].get(sid, [])
            changed |= sync_categories(service, [self.categories[c].id for c in codes])
        if "schedule" in present:
            changed |= sync_schedules(service, children["schedule"].get(sid, []))
        if "language" in present:
            changed |= assign(service, {"languages": join_codes(children["language"].get(sid, []))})
        if "service_area" in present:
            changed |= sync_areas(service, children["service_area"].get(sid, []))
        if "service_translation" in present:
            changed |= sync_texts(service, dict(children["service_translation"].get(sid, [])))
        if "phone" in present:
            numbers = children["phone"].get(sid, [])
            changed |= assign(service, {"phone": numbers[0] if numbers else ""})
        if "service_at_location" in present:
            changed |= sync_locations(service, children["service_at_location"].get(sid, []))
        return changed


def _address_fields(address: dict) -> dict:
    names = {
        "address_1": "address_line",
        "city": "city",
        "state_province": "province",
        "postal_code": "postal_code",
        "x_province_code": "province_code",
    }
    fields = {attr: address[column] for column, attr in names.items() if column in address}
    if address.get("country"):
        fields["country"] = address["country"]
    return fields


def _children(plan: Plan) -> dict[str, dict[str, list]]:
    """Group the rows of each child file by the service they belong to."""
    groups: dict[str, dict[str, list]] = {
        name: defaultdict(list)
        for name in (
            "attribute",
            "schedule",
            "language",
            "service_area",
            "service_translation",
            "phone",
            "service_at_location",
        )
    }
    rows = plan.rows
    for _n, v in rows["attribute"]:
        if v.get("link_entity", "service") in ("", "service"):
            code = plan.term_codes[v["taxonomy_term_id"]]
            if code not in groups["attribute"][v["link_id"]]:
                groups["attribute"][v["link_id"]].append(code)
    for _n, v in rows["schedule"]:
        if (v.get("description") or "").strip().casefold() == hsds.OPEN_24_7:
            continue  # written from x_open_24_7, which is what an import reads
        if v.get("opens_at") and v.get("closes_at"):
            for day in v["byday"]:
                groups["schedule"][v["service_id"]].append((day, v["opens_at"], v["closes_at"]))
    for _n, v in rows["language"]:
        groups["language"][v["service_id"]].append(v["code"])
    for _n, v in rows["service_area"]:
        groups["service_area"][v["service_id"]].append((v["x_country"], v.get("x_province_code")))
    for _n, v in rows["service_translation"]:
        text = (v.get("name", ""), v.get("description", ""))
        if any(text):
            groups["service_translation"][v["service_id"]].append((v["locale"], text))
    for _n, v in rows["phone"]:
        if v.get("service_id") and (v.get("description") or "").strip().casefold() != hsds.HOTLINE:
            groups["phone"][v["service_id"]].append(v["number"])
    for _n, v in rows["service_at_location"]:
        groups["service_at_location"][v["service_id"]].append((v.get("id"), v["location_id"]))
    return groups
