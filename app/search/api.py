"""The public JSON API of the directory, HSDS 3.0-shaped: anyone may read it, no one signs in.

Every caller is treated as the public, even with a partner's session cookie: the API never
places, addresses or measures the distance to a confidential location (a safe house).
"""

import json
from functools import wraps

from flask import Blueprint, abort, current_app, request
from flask_babel import force_locale
from flask_babel import gettext as _
from sqlalchemy import exists, func, select
from werkzeug.datastructures import MultiDict

from app.directory.models import NeedCategory, Service
from app.directory.services import PUBLIC_STATUSES, categories
from app.directory.taxonomy import active_codes
from app.extensions import db, limiter
from app.orgs.models import Organisation
from app.search import openapi, serialise
from app.search.engine import MAX_PER_PAGE, SearchQuery, SearchResult, search
from app.search.params import parse_search

bp = Blueprint("api", __name__, url_prefix="/api/v1")

DEFAULT_RATE_LIMIT = "300 per minute"
MAX_ID_LENGTH = 36  # ids are String(36) columns; anything longer cannot name a record


class InvalidParameter(Exception):
    """A query parameter the API cannot use; the message is for the caller, in plain words."""

    def __init__(self, parameter: str, message: str):
        super().__init__(parameter, message)
        self.parameter = parameter
        self.message = message


def _rate_limit() -> str:
    return current_app.config.get("API_RATE_LIMIT", DEFAULT_RATE_LIMIT)


# One budget per address for the whole API.
limiter.shared_limit(_rate_limit, scope="api")(bp)


def _locale() -> str:
    """The language of names and messages: `locale`, else Accept-Language, else English."""
    languages = current_app.config["LANGUAGES"]
    asked = (request.args.get("locale") or "").strip()
    if asked in languages:
        return asked
    return request.accept_languages.best_match(list(languages)) or "en"


def _json(data, status: int = 200):
    # The records are trees built here, never cyclic: the check for cycles was an eighth of
    # writing a page of twenty (0.42 → 0.37 ms for 56 KB).
    body = json.dumps(data, ensure_ascii=False, separators=(",", ":"), check_circular=False)
    return current_app.response_class(body, status=status, mimetype="application/json")


def _endpoint(view):
    """Answer in the caller's language with compact JSON; a bad `locale` is a 400."""

    @wraps(view)
    def answer(*args, **kwargs):
        with force_locale(_locale()):
            asked = (request.args.get("locale") or "").strip()
            if asked and asked not in current_app.config["LANGUAGES"]:
                raise InvalidParameter("locale", _("locale has an unknown value."))
            return _json(view(*args, **kwargs))

    return answer


def _paging(args) -> tuple[int, int]:
    """Read page and per_page by the same rules as a search."""
    subset = MultiDict([(name, args[name]) for name in ("page", "per_page") if name in args])
    parsed = parse_search(subset, max_per_page=MAX_PER_PAGE)
    _raise_first(parsed.errors)
    return parsed.query.page, parsed.query.per_page


def _raise_first(errors: dict[str, str]) -> None:
    for parameter, message in errors.items():
        raise InvalidParameter(parameter, message)


def _search(args) -> tuple[SearchQuery, SearchResult]:
    """Run the search the parameters ask for, as the public sees it."""
    parsed = parse_search(args, max_per_page=MAX_PER_PAGE)
    _raise_first(parsed.errors)
    query = parsed.query
    # The API lists no safe house near a place, not even by its province.
    query.province_code = None
    return query, search(query, staff=False)


def _context() -> serialise.Context:
    return serialise.Context(_locale(), {term.code: term for term in categories()})


@bp.get("/services")
@_endpoint
def list_services():
    """List public services matching the search parameters, nearest first given a point."""
    query, result = _search(request.args)
    ctx = _context()
    contents = [serialise.service(hit.service, ctx, hit.periods) for hit in result.hits]
    return serialise.page(contents, result.total, query.page, query.per_page)


@bp.get("/services/<service_id>")
@_endpoint
def show_service(service_id: str):
    """Show one public service with the places it is offered at."""
    service = None
    if len(service_id) <= MAX_ID_LENGTH and "\x00" not in service_id:
        service = db.session.get(Service, service_id)
    if service is None or service.status not in PUBLIC_STATUSES:
        abort(404)
    return serialise.service_detail(service, _context())


@bp.get("/service_at_locations")
@_endpoint
def list_service_at_locations():
    """List each matching service at one location: the nearest public one given a point."""
    query, result = _search(request.args)
    ctx = _context()
    contents = [
        serialise.service_at_location(
            hit.service, hit.location, hit.distance_km, ctx, hit.link_id, hit.periods
        )
        for hit in result.hits
    ]
    return serialise.page(contents, result.total, query.page, query.per_page)


@bp.get("/taxonomy_terms")
@_endpoint
def list_taxonomy_terms():
    """List the need categories in the caller's language."""
    number, size = _paging(request.args)
    active = select(NeedCategory).where(NeedCategory.active)
    total = db.session.scalar(select(func.count()).select_from(active.subquery()))
    terms = db.session.scalars(
        active.order_by(NeedCategory.position, NeedCategory.code)
        .limit(size)
        .offset((number - 1) * size)
    ).all()
    locale = _locale()
    return serialise.page([serialise.taxonomy_term(t, locale) for t in terms], total, number, size)


@bp.get("/organizations")
@_endpoint
def list_organizations():
    """List the organisations that offer at least one public service."""
    number, size = _paging(request.args)
    listed = exists().where(
        Service.organisation_id == Organisation.id, Service.status.in_(PUBLIC_STATUSES)
    )
    total = db.session.scalar(select(func.count(Organisation.id)).where(listed))
    orgs = db.session.scalars(
        select(Organisation)
        .where(listed)
        .order_by(Organisation.name, Organisation.id)
        .limit(size)
        .offset((number - 1) * size)
    ).all()
    return serialise.page([serialise.organization(o) for o in orgs], total, number, size)


@bp.get("/openapi.json")
@_endpoint
def openapi_document():
    """Describe this API as an OpenAPI 3.1 document."""
    return openapi.document(sorted(active_codes()), list(current_app.config["LANGUAGES"]))


@bp.get("/<path:unknown>")
def unknown_address(unknown: str):
    abort(404)


def _error(status: int, error: str, message: str, parameter: str | None = None):
    body = {"error": error, "message": message}
    if parameter:
        body["parameter"] = parameter
    return _json(body, status)


@bp.errorhandler(InvalidParameter)
def invalid_parameter(error: InvalidParameter):
    return _error(400, "invalid_parameter", error.message, error.parameter)


@bp.errorhandler(404)
def not_found(_error_):
    with force_locale(_locale()):
        return _error(404, "not_found", _("There is no such record in the public directory."))


@bp.errorhandler(429)
def too_many_requests(_error_):
    with force_locale(_locale()):
        return _error(429, "rate_limited", _("Too many requests. Please wait a minute."))


@bp.after_request
def public_headers(response):
    """Public data: any site may read it, and shared caches may keep it for a minute."""
    response.headers["Access-Control-Allow-Origin"] = "*"
    cacheable = response.status_code in (200, 400, 404)
    response.headers["Cache-Control"] = "public, max-age=60" if cacheable else "no-store"
    response.vary.add("Accept-Language")
    return response
