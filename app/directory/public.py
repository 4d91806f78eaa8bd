"""What anyone can read without signing in: listings, victims' rights, the printable directory."""

from itertools import groupby

from flask import render_template, request, url_for
from flask_babel import get_locale
from flask_login import current_user
from sqlalchemy import select
from sqlalchemy.orm import selectinload

from app.database import utcnow
from app.directory import services
from app.directory.blueprint import bp
from app.directory.forms import EXPLOITATION_LABELS, GENDER_LABELS, WEEKDAY_LABELS, language_name
from app.directory.models import NeedCategory, Service
from app.directory.services import PUBLIC_STATUSES
from app.extensions import db
from app.i18n import country_name

PAGE_SIZE = 25


@bp.app_context_processor
def directory_helpers():
    return {
        "language_name": language_name,
        "gender_labels": GENDER_LABELS,
        "exploitation_labels": EXPLOITATION_LABELS,
        "weekday_labels": WEEKDAY_LABELS,
        "partner_view": current_user.is_authenticated,
    }


def _category_map() -> dict[int, NeedCategory]:
    return {c.id: c for c in services.categories()}


@bp.route("/services/<service_id>")
def show_service(service_id: str):
    """One listing in plain language, in the reader's language."""
    service = services.visible_service_or_404(service_id, current_user)
    name, description = service.localized(str(get_locale()))
    return render_template(
        "directory/service.html",
        service=service,
        name=name,
        description=description,
        category_map=_category_map(),
        locale=str(get_locale()),
        stale=services.is_stale(service),
    )


@bp.route("/rights")
def rights():
    """Victims' rights and how to get help, in plain language."""
    locale = str(get_locale())
    return render_template(
        "directory/rights.html",
        rights_template=f"directory/rights/{locale}.html",
        directory_url=url_for("search.find"),
        print_url=url_for("directory.print_directory"),
    )


@bp.route("/directory/print")
def print_directory():
    """A printable directory, by need or by province, in the chosen language."""
    by = "province" if request.args.get("by") == "province" else "category"
    country = (request.args.get("country") or "").upper()[:2]
    locale = str(get_locale())
    category_map = _category_map()
    statement = (
        select(Service)
        .where(Service.status.in_(PUBLIC_STATUSES))
        .options(selectinload(Service.location_links))
        .order_by(Service.name)
    )
    rows = db.session.scalars(statement).all()
    if country:
        rows = [s for s in rows if s.organisation.country == country]
    groups = []
    if by == "category":
        for category in category_map.values():
            members = [s for s in rows if category.id in s.category_ids]
            if members:
                groups.append((category.name(locale), category.text(locale), members))
    else:

        def place(service):
            location = service.locations[0] if service.locations else None
            if location is None:
                return (service.organisation.country, "")
            return (location.country, location.province or location.city)

        for (country_code, province), members in groupby(sorted(rows, key=place), key=place):
            title = (
                f"{country_name(country_code)} — {province}"
                if province
                else country_name(country_code)
            )
            groups.append((title, None, sorted(members, key=lambda s: s.name)))
    countries = sorted({s.organisation.country for s in rows} | ({country} if country else set()))
    return render_template(
        "directory/print.html",
        groups=groups,
        by=by,
        country=country,
        locale=locale,
        countries=countries,
        category_map=category_map,
        today=utcnow(),
    )


@bp.app_template_filter("weekly_hours")
def weekly_hours(schedules) -> list[tuple[str, str]]:
    """Group opening hours into runs of days with the same times, e.g. Monday–Friday."""
    by_day: dict[int, list[str]] = {}
    for row in sorted(schedules, key=lambda r: (r.weekday, r.opens_at)):
        span = f"{row.opens_at.strftime('%H:%M')}–{row.closes_at.strftime('%H:%M')}"
        by_day.setdefault(row.weekday, []).append(span)
    runs: list[tuple[int, int, str]] = []
    for day in sorted(by_day):
        times = ", ".join(by_day[day])
        if runs and runs[-1][1] == day - 1 and runs[-1][2] == times:
            runs[-1] = (runs[-1][0], day, times)
        else:
            runs.append((day, day, times))
    return [
        (str(WEEKDAY_LABELS[first]) if first == last
         else f"{WEEKDAY_LABELS[first]}–{WEEKDAY_LABELS[last]}", times)
        for first, last, times in runs
    ]  # fmt: skip
