"""Reading a search from a query string: the same rules for the page and the API."""

import math
from dataclasses import dataclass, field

from flask_babel import lazy_gettext as _l

from app.directory.models import EXPLOITATION_FORMS, GENDERS
from app.directory.taxonomy import active_codes
from app.geo.places import PlaceMatch, place_index
from app.search.engine import MAX_PER_PAGE, SearchQuery

# What a search reads; the API documents the same (app/search/openapi.py).
SEARCH_PARAMETERS = (
    "q", "lat", "lon", "radius_km", "place", "place_id", "category", "language", "age", "gender",
    "exploitation", "open_now", "open_24_7", "self_referral",
)  # fmt: skip
PAGING = ("page", "per_page")

DEFAULT_RADIUS_KM = 50.0
MAX_RADIUS_KM = 2000.0
TRUE_WORDS = {"1", "true", "yes", "on", "y"}
FALSE_WORDS = {"", "0", "false", "no", "off", "n"}


@dataclass
class ParsedSearch:
    query: SearchQuery
    errors: dict[str, str] = field(default_factory=dict)
    place: PlaceMatch | None = None
    place_choices: list[PlaceMatch] = field(default_factory=list)  # when a name is ambiguous
    place_text: str = ""


def _first(given: dict[str, list[str]], name: str) -> str:
    values = given.get(name)
    return values[0] if values else ""


def _number(given, name, errors, kind=float, low=None, high=None):
    raw = _first(given, name).strip()
    if raw == "":
        return None
    try:
        value = kind(raw)
    except ValueError:
        errors[name] = str(_l("%(name)s must be a number.", name=name))
        return None
    if kind is float and not math.isfinite(value):
        errors[name] = str(_l("%(name)s must be a number.", name=name))
        return None
    if (low is not None and value < low) or (high is not None and value > high):
        errors[name] = str(_l("%(name)s must be between %(low)s and %(high)s.", name=name,
                              low=low, high=high))  # fmt: skip
        return None
    return value


def _flag(given, name, errors) -> bool:
    raw = _first(given, name).strip().lower()
    if raw in TRUE_WORDS:
        return True
    if raw not in FALSE_WORDS:
        errors[name] = str(_l("%(name)s must be true or false.", name=name))
    return False


def _choice(given, name, allowed, errors) -> str | None:
    raw = _first(given, name).strip()
    if not raw:
        return None
    if raw not in allowed:
        errors[name] = str(_l("%(name)s has an unknown value.", name=name))
        return None
    return raw


def parse_search(args, max_per_page: int = MAX_PER_PAGE) -> ParsedSearch:
    """Check every parameter; unknown or malformed values are named in `errors`."""
    errors: dict[str, str] = {}
    # Read once into a plain dict: a MultiDict's `get` raises and catches an exception for
    # each parameter not given, which is most of them in most searches.
    given = args.to_dict(flat=False)
    # No search needs a NUL character, and neither SQLite's full-text queries nor PostgreSQL
    # can take one: the parameter is named and read as if it had not been given.
    for name in (*SEARCH_PARAMETERS, *PAGING):
        if any("\x00" in value for value in given.get(name, ())):
            errors[name] = str(_l("%(name)s contains a character that is not allowed.",
                                  name=name))  # fmt: skip
            del given[name]
    query = SearchQuery()
    query.q = _first(given, "q").strip()[:200]
    lat = _number(given, "lat", errors, float, -90, 90)
    lon = _number(given, "lon", errors, float, -180, 180)
    if (lat is None) != (lon is None) and "lat" not in errors and "lon" not in errors:
        errors["lat" if lat is None else "lon"] = str(_l("Give both lat and lon, or neither."))
    radius = _number(given, "radius_km", errors, float, 0.1, MAX_RADIUS_KM)
    query.radius_km = radius if radius is not None else DEFAULT_RADIUS_KM
    codes = [c for c in given.get("category", ()) if c]
    if codes:
        unknown = set(codes) - active_codes()
        if unknown:
            errors["category"] = str(_l("Unknown category: %(codes)s",
                                        codes=", ".join(sorted(unknown))))  # fmt: skip
        query.categories = sorted(set(codes))
    language = _first(given, "language").strip().lower()
    if language:
        if not (language.isalpha() and 2 <= len(language) <= 3):
            errors["language"] = str(_l("language must be an ISO 639 code such as th."))
        query.language = language
    age = _number(given, "age", errors, int, 0, 120)
    query.age = age
    query.gender = _choice(given, "gender", GENDERS, errors)
    query.exploitation = _choice(given, "exploitation", EXPLOITATION_FORMS, errors)
    query.open_now = _flag(given, "open_now", errors)
    query.open_24_7 = _flag(given, "open_24_7", errors)
    query.self_referral = _flag(given, "self_referral", errors)
    page = _number(given, "page", errors, int, 1, 100000)
    query.page = page or 1
    per_page = _number(given, "per_page", errors, int, 1, max_per_page)
    query.per_page = per_page or 20
    parsed = ParsedSearch(query, errors)
    place_text = _first(given, "place").strip()[:120]
    parsed.place_text = place_text
    if lat is not None and lon is not None:
        query.lat, query.lon = lat, lon
    elif place_text:
        matches = place_index().lookup(place_text)
        if not matches:
            errors["place"] = str(_l("We could not find the place %(place)s.", place=place_text))
        else:
            chosen = _pick(matches, _first(given, "place_id"))
            if chosen is None:
                parsed.place_choices = matches
                chosen = matches[0]
            parsed.place = chosen
            query.lat, query.lon = chosen.latitude, chosen.longitude
            query.province_code = chosen.province_code
    return parsed


def _pick(matches: list[PlaceMatch], place_id: str | None) -> PlaceMatch | None:
    """The chosen place: the one picked from suggestions, or a clear winner."""
    if place_id and place_id.isdigit():
        for match in matches:
            if match.id == int(place_id):
                return match
    best = matches[0]
    rivals = [m for m in matches[1:] if m.score == best.score]
    # An exact name shared by places of similar size is ambiguous; a big city beats villages.
    if not rivals or best.population >= 10 * max(r.population for r in rivals):
        return best
    return None
