"""The coordinators' network dashboard, an organisation's own view, and their tables as CSV."""

import csv
import io
from urllib.parse import urlencode

from flask import Blueprint, Response, abort, request, url_for
from flask_babel import get_locale
from flask_login import current_user
from sqlalchemy import select

from app.audit import record_event
from app.auth import roles_required
from app.dashboard import filters as dashboard_filters
from app.dashboard import queries, report
from app.directory import services as directory
from app.extensions import db
from app.i18n import country_choices
from app.orgs.models import Organisation
from app.referrals.labels import URGENCY_LABELS
from app.rendering import render

bp = Blueprint("dashboard", __name__)
coordinator_required = roles_required("coordinator", "admin")
caseworker_required = roles_required("caseworker")

# The long tables on the page (needs by place, freshness by organisation) keep their first
# rows: most unmet needs, least verified listings. Their CSVs have them all.
ROWS_ON_PAGE = 40

# A spreadsheet runs a cell that starts with one of these as a formula.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _context(scope_org: int | None, endpoint: str, limit: int | None = None) -> dict:
    categories = directory.categories()
    # A coordinator may be limited to some countries; admins and organisation views are not.
    scope = [] if scope_org or current_user.has_role("admin") else current_user.scope
    chosen = dashboard_filters.parse(request.args, queries.now().date(), categories, scope)
    built = report.build(chosen, scope_org, limit)
    args = chosen.args()
    locale = str(get_locale())
    organisations = db.session.execute(
        select(
            Organisation.id, Organisation.code, Organisation.name, Organisation.country
        ).order_by(Organisation.name)
    ).all()
    # The countries worth choosing: those the network's organisations work in.
    countries = {o.country for o in organisations if not scope or o.country in scope}
    return {
        **built,
        "filters": chosen,
        "endpoint": endpoint,
        "scope_org": scope_org,
        "csv_url": lambda key: (
            url_for(f"{endpoint}_csv", table=key) + ("?" + urlencode(args) if args else "")
        ),
        "countries": country_choices(countries | ({chosen.country} if chosen.country else set())),
        "organisations": organisations,
        "categories": [(c.code, c.name(locale)) for c in categories],
        "urgency_labels": URGENCY_LABELS,
    }


def _page(scope_org: int | None, endpoint: str):
    context = _context(scope_org, endpoint, ROWS_ON_PAGE)
    page = render(
        "dashboard/dashboard.html",
        block="figures" if request.headers.get("HX-Target") == "figures" else None,
        **context,
    )
    # Recorded once the page is made (and before it is sent), so the page reads the signed-in
    # user as loaded, not again after the commit.
    record_event("dashboard:page:read", "organisation" if scope_org else None, scope_org)
    db.session.commit()
    return page


def _csv(scope_org: int | None, endpoint: str, table: str):
    context = _context(scope_org, endpoint)
    chosen = next((t for t in context["tables"] if t.key == table), None)
    if chosen is None:
        abort(404)
    record_event("dashboard:csv:export", "table", table)
    db.session.commit()
    k = context["threshold"]
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow([_neutral(h) for h in chosen.headers])
    for row in chosen.rows:
        writer.writerow(
            [_neutral(v) for v in (row.label, *(c.text(k) for c in row.cells), *row.extra)]
        )
    response = Response("\ufeff" + buffer.getvalue(), mimetype="text/csv")
    response.headers["Content-Disposition"] = f'attachment; filename="pathways-{table}.csv"'
    return response


def _neutral(value) -> str:
    """A cell a spreadsheet shows as text, never runs."""
    text = str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


@bp.route("/dashboard")
@coordinator_required
def network():
    """The whole network's referrals, delays and gaps (small numbers hidden)."""
    return _page(None, "dashboard.network")


@bp.route("/dashboard/<table>.csv")
@coordinator_required
def network_csv(table):
    """One table of the network dashboard as CSV, in the reader's language."""
    return _csv(None, "dashboard.network", table)


@bp.route("/dashboard/organisation")
@caseworker_required
def organisation():
    """The same measures for the caseworker's own organisation's referrals."""
    return _page(current_user.organisation_id, "dashboard.organisation")


@bp.route("/dashboard/organisation/<table>.csv")
@caseworker_required
def organisation_csv(table):
    """One table of the organisation's view as CSV."""
    return _csv(current_user.organisation_id, "dashboard.organisation", table)
