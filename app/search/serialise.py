"""Directory records as the public API shows them: HSDS 3.0 names, safe houses left unplaced."""

import math
from dataclasses import dataclass, field
from datetime import datetime

from app.directory.models import Location, NeedCategory, Service
from app.directory.taxonomy import Category
from app.i18n import babel_locale
from app.interchange import hsds
from app.orgs.models import Organisation


@dataclass
class Context:
    """What every record of one response is written with: its language and the taxonomy."""

    locale: str
    terms: dict[str, Category] = field(default_factory=dict)  # active categories by code

    def __post_init__(self):
        names = babel_locale(self.locale)  # parsed once per process: 25 µs a response
        self.language_names = names.languages
        self.country_names = names.territories


def page(contents: list, total: int, number: int, size: int) -> dict:
    """Wrap one page of items in HSDS's page fields."""
    pages = math.ceil(total / size)
    return {
        "total_items": total,
        "total_pages": pages,
        "page_number": number,
        "size": size,
        "first_page": number == 1,
        "last_page": number >= pages,
        "empty": not contents,
        "contents": contents,
    }


def _timestamp(value: datetime | None) -> str | None:
    return value.isoformat(timespec="seconds") if value else None


def _time(value) -> str:
    # As strftime("%H:%M") writes it, at a tenth of the cost: a page of twenty services has
    # some 250 opening and closing times (0.17 ms by strftime).
    return f"{value.hour:02d}:{value.minute:02d}"


def service(item: Service, ctx: Context, periods: list[tuple] | None = None) -> dict:
    """Return a public service in the reader's language, without any of its locations.

    `periods`: its opening hours as (weekday, opens at, closes at), when already read.
    """
    name, description = item.localized(ctx.locale)
    verified = item.last_verified_at
    return {
        "id": item.id,
        "organization_id": item.organisation.uuid,
        "name": name,
        "description": description,
        "url": item.website or None,
        "email": item.email or None,
        "status": hsds.STATUS_TO_HSDS.get(item.status, item.status),
        "interpretation_services": item.interpretation,
        "application_process": item.application_process or None,
        "fees_description": item.cost_text or None,
        "eligibility_description": item.eligibility_requirements or None,
        "minimum_age": item.min_age,
        "maximum_age": item.max_age,
        "alert": item.alert_text or None,
        "assured_date": verified.date().isoformat() if verified else None,
        "last_modified": _timestamp(item.updated_at),
        "languages": [
            {"code": code, "name": ctx.language_names.get(code, code)}
            for code in sorted(item.language_list)
        ],
        "phones": _phones(item),
        "schedules": _schedules(item, periods),
        "service_areas": [
            {
                "name": f"{ctx.country_names.get(area.country, area.country)} "
                f"{area.province_code or ''}".strip(),
                "extent_type": "text",
                "x_country": area.country,
                "x_province_code": area.province_code or None,
            }
            for area in sorted(item.areas, key=lambda a: (a.country, a.province_code or ""))
        ],
        "attributes": [
            {"taxonomy_term": {"id": term.code, "name": term.name(ctx.locale)}}
            for term in sorted(
                (ctx.terms[code] for code in item.category_code_list if code in ctx.terms),
                key=lambda t: (t.position, t.code),
            )
        ],
        "x_self_referral": item.self_referral,
        "x_free": item.free,
        "x_open_24_7": item.open_24_7,
        "x_hours_note": item.hours_note or None,
        "x_documents_required": item.documents_required or None,
        "x_accessibility": item.accessibility or None,
        "x_genders": sorted(item.gender_list),
        "x_exploitation_forms": sorted(item.exploitation_list),
        "x_beds_total": item.beds_total,
        "x_beds_available": item.beds_available,
        "x_capacity_updated_at": _timestamp(item.capacity_updated_at),
    }


def _phones(item: Service) -> list[dict]:
    phones = []
    if item.phone:
        phones.append({"number": item.phone, "type": "voice", "description": None})
    if item.hotline:
        phones.append({"number": item.hotline, "type": "voice", "description": hsds.HOTLINE})
    return phones


def _schedules(item: Service, periods: list[tuple] | None) -> list[dict]:
    if item.open_24_7:
        return [{"freq": "WEEKLY", "byday": hsds.ALL_WEEK, "opens_at": None, "closes_at": None,
                 "description": hsds.OPEN_24_7}]  # fmt: skip
    if periods is None:
        periods = sorted((s.weekday, s.opens_at, s.closes_at) for s in item.schedules)
    return [
        {"freq": "WEEKLY", "byday": hsds.BYDAY[day], "opens_at": _time(opens),
         "closes_at": _time(closes), "description": None}
        for day, opens, closes in periods
    ]  # fmt: skip


def location(place: Location, distance_km: float | None = None) -> dict:
    """Return a location; a safe house keeps only its town: no name, address, point or distance."""
    hidden = place.confidential
    data = {
        "id": place.id,
        "name": None if hidden else place.name or None,
        "latitude": None if hidden else place.latitude,
        "longitude": None if hidden else place.longitude,
        "address": None if hidden else _address(place),
        "confidential": hidden,
        "x_city": place.city or None,
        "x_province": place.province or None,
        "x_province_code": place.province_code or None,
        "x_country": place.country,
    }
    if distance_km is not None and not hidden:
        data["distance_km"] = distance_km
    return data


def _address(place: Location) -> dict:
    return {
        "address_1": place.address_line or None,
        "city": place.city or None,
        "state_province": place.province or None,
        "postal_code": place.postal_code or None,
        "country": place.country,
        "address_type": "physical",
    }


def service_at_location(
    item: Service,
    place: Location | None,
    distance_km: float | None,
    ctx: Context,
    link_id: str | None,
    periods: list[tuple] | None = None,
) -> dict:
    """Return a service at one of its locations (none for a service with no fixed place)."""
    return {
        "id": link_id if place else None,
        "service": service(item, ctx, periods),
        "location": location(place, distance_km) if place else None,
    }


def service_detail(item: Service, ctx: Context) -> dict:
    """Return one service with every place it is offered at, safe houses unplaced."""
    data = service(item, ctx)
    data["service_at_locations"] = [
        {"id": link.id, "location": location(link.location)}
        for link in sorted(item.location_links, key=lambda k: k.location_id)
    ]
    return data


def taxonomy_term(term: NeedCategory, locale: str) -> dict:
    """Return a need category in the reader's language, with its names in every language."""
    text = term.text(locale)
    texts = sorted(term.texts, key=lambda t: t.locale)
    return {
        "id": term.code,
        "code": term.code,
        "name": term.name(locale),
        "description": text.description if text else "",
        "parent_id": None,
        "taxonomy": hsds.TAXONOMY_NAME,
        "taxonomy_id": hsds.TAXONOMY_ID,
        "x_stages": term.stage_list,
        "x_names": {t.locale: t.name for t in texts},
        "x_descriptions": {t.locale: t.description for t in texts},
    }


def organization(org: Organisation) -> dict:
    return {
        "id": org.uuid,
        "name": org.name,
        "description": org.description or None,
        "email": org.email or None,
        "website": org.website or None,
        "x_code": org.code,
        "x_country": org.country,
        "x_type": org.type,
    }
