"""The search page: one form, results that update as filters change, a URL that says it all."""

from functools import lru_cache
from urllib.parse import urlencode, urlsplit

from flask import Blueprint, current_app, get_template_attribute, redirect, request, url_for
from flask_babel import get_locale, get_translations
from flask_login import current_user
from markupsafe import Markup
from werkzeug.datastructures import MultiDict

from app.directory import taxonomy
from app.directory.forms import EXPLOITATION_LABELS, GENDER_LABELS, SPOKEN_LANGUAGES
from app.geo.places import place_index
from app.i18n import babel_locale, format_km
from app.rendering import render
from app.search.engine import search
from app.search.listing import describe
from app.search.params import parse_search
from app.security import CSP

bp = Blueprint("search", __name__)

RADII = (5, 10, 25, 50, 100, 250)
PAGE_SIZE = 20
SERVICE_ID = "service-id"  # stands in for a service's id in its URL


def _url(args: MultiDict, **changes) -> str:
    """This search's URL with some parameters changed (None removes one)."""
    kept = [(key, value) for key, value in args.items(multi=True) if key not in changes]
    for key, change in changes.items():
        kept.extend((key, value) for value in (change if isinstance(change, list) else [change]))
    pairs = [(key, value) for key, value in kept if value not in ("", None)]
    return url_for("search.find") + ("?" + urlencode(pairs) if pairs else "")


@lru_cache(maxsize=16)
def _choices(locale: str) -> dict[str, Markup]:
    """The form's fixed choices, named in one interface language and written once with none
    chosen: as loops, the 70 options and boxes were half the time the form took to write."""
    names = babel_locale(locale).languages
    options = get_template_attribute("search/_choices.html", "options")
    return {
        "radius": options([(r, f"{r} km") for r in RADII]),
        "language": options([(code, names.get(code, code)) for code in SPOKEN_LANGUAGES]),
        "gender": options([(value, str(label)) for value, label in GENDER_LABELS.items()]),
        "exploitation": options(
            [(value, str(label)) for value, label in EXPLOITATION_LABELS.items()]
        ),
    }


@lru_cache(maxsize=16)
def _need_checkboxes(needs: tuple[tuple[str, str], ...]) -> Markup:
    """The need boxes, none ticked, for the taxonomy as named in one language."""
    return get_template_attribute("search/_choices.html", "checkboxes")(needs, "category")


def _chosen(written: Markup, values, word: str) -> Markup:
    """Choices written by `_choices` with `values` marked `selected` or `checked`."""
    for value in values:
        if value is not None:
            unmarked = Markup('value="%s" >') % value
            written = written.replace(unmarked, Markup('value="%s" %s>') % (value, word), 1)
    return written


def _context(args) -> dict:
    """Run the search in `args` and gather what the list and the map both show."""
    parsed = parse_search(args, max_per_page=PAGE_SIZE)
    parsed.query.per_page = PAGE_SIZE
    staff = current_user.is_authenticated
    result = search(parsed.query, staff=staff, lean=True) if not parsed.errors else None
    # Built once: twenty url_for calls were a tenth of the time a results list takes to write.
    service_path = url_for("directory.show_service", service_id=SERVICE_ID)
    locale = str(get_locale())
    # (code, name) in the taxonomy's order, named once per request rather than per result.
    needs = taxonomy.named(locale)
    # The request's catalogue, found once: Flask-Babel's `gettext` finds it again for each
    # string (five here were a twentieth of what a page costs around its search).
    _ = get_translations().ugettext
    km_pattern = _("%(km)s km")

    def service_url(service_id: str) -> str:
        return service_path.replace(SERVICE_ID, service_id)

    def distance(km: float) -> str:
        # "12.5 km" in the reader's language: the pattern translated once per page.
        return km_pattern % {"km": format_km(km, locale)}

    here = _url(args)
    listed, nearby = [], []
    if result:
        listed = describe(result.hits, locale, service_url, distance, needs)
        nearby = describe(result.nearby_confidential, locale, service_url, distance, needs)
    # What a result may say about itself, translated once a page rather than once a result.
    said = {
        "open_24_7": _("Open 24 hours"),
        "temporarily_closed": _("Temporarily closed"),
        "self_referral": _("No referral needed"),
        "refer": _("Refer to this service"),
    }
    return {
        "parsed": parsed,
        "query": parsed.query,
        "result": result,
        "listed": listed,
        "nearby": nearby,
        "staff": staff,
        # Set here, not in the template: a `set` there made every translation in the list
        # copy the template's context (a sixth of the time a page of results took to write).
        "referring": staff and current_user.has_role("caseworker"),
        # The first value of each parameter, as a plain dict: a MultiDict's `get` raises and
        # catches an exception for each one not given.
        "args": args.to_dict(),
        "url": lambda **changes: _url(args, **changes),
        "list_url": here,
        "map_url": here.replace("/search", "/search/map", 1),
        "said": said,
        **_form(parsed.query, locale, needs),
    }


def _form(query, locale: str, needs: list[tuple[str, str]]) -> dict[str, Markup]:
    """The form's choices in `locale`, with this search's marked."""
    written = _choices(locale)
    radius = [r for r in RADII if r == query.radius_km]
    return {
        "radius_options": _chosen(written["radius"], radius, "selected"),
        "language_options": _chosen(written["language"], [query.language], "selected"),
        "gender_options": _chosen(written["gender"], [query.gender], "selected"),
        "exploitation_options": _chosen(written["exploitation"], [query.exploitation], "selected"),
        "need_checkboxes": _chosen(_need_checkboxes(tuple(needs)), query.categories, "checked"),
    }


@bp.route("/search")
def find():
    """Find services by place, need and who they serve."""
    return render(
        "search/find.html",
        # Filters swap the results only; choosing a suggested place reloads the whole form.
        block="results" if request.headers.get("HX-Target") == "results" else None,
        **_context(request.args),
    )


@bp.route("/search/map")
def show_map():
    """The same results on a map; a safe house never has a pin for the public."""
    context = _context(request.args)
    points = []
    if context["result"]:
        for hit, item in zip(context["result"].hits, context["listed"], strict=True):
            location = hit.location
            if location is None or location.latitude is None:
                continue
            if location.confidential and not context["staff"]:
                continue
            points.append({"lat": location.latitude, "lon": location.longitude,
                           "name": item.name, "url": item.url})  # fmt: skip
    tiles = current_app.config["MAP_TILE_URL"]
    attribution = current_app.config["MAP_TILE_ATTRIBUTION"]
    response = render(
        "search/map.html", points=points, tiles=tiles, attribution=attribution, **context
    )
    tile_origin = "{0.scheme}://{0.netloc}".format(urlsplit(tiles.replace("{s}", "a")))
    response.headers["Content-Security-Policy"] = CSP.replace(
        "img-src 'self' data:", f"img-src 'self' data: {tile_origin}"
    )
    return response


@bp.route("/search/places")
def suggest_places():
    """Places matching what is typed so far, each a link that runs the search there."""
    args = request.args
    text = (args.get("place") or "").strip()[:120]
    matches = place_index().lookup(text, limit=6) if len(text) >= 2 else []
    return render(
        "search/_places.html",
        matches=matches,
        url=lambda **changes: _url(args, **changes),
    )


@bp.route("/directory")
def browse():
    """The directory's old address: the search page now."""
    return redirect(_url(request.args), code=301)
