"""Interface language: choosing it, remembering it, and switching it from any page."""

from functools import lru_cache

from babel import Locale
from flask import (
    Blueprint,
    Flask,
    current_app,
    has_request_context,
    redirect,
    request,
    session,
    url_for,
)
from flask_babel import get_translations
from flask_login import current_user

bp = Blueprint("i18n", __name__)


def select_locale() -> Locale:
    """Pick the language: the user's choice, then this browser's choice, then its headers.

    Given as Babel's locale, parsed once per process (Flask-Babel would parse the code again
    for every request)."""
    return babel_locale(_chosen_language())


def _chosen_language() -> str:
    languages = current_app.config["LANGUAGES"]
    if not has_request_context():  # shell commands speak the default language
        return current_app.config["BABEL_DEFAULT_LOCALE"]
    if current_user and current_user.is_authenticated and current_user.locale in languages:
        return current_user.locale
    if session.get("locale") in languages:
        return session["locale"]
    return request.accept_languages.best_match(list(languages)) or "en"


def country_name(code: str) -> str:
    """Return a country's name in the interface language."""
    from flask_babel import get_locale

    return babel_locale(str(get_locale())).territories.get(code, code)


@lru_cache(maxsize=16)
def babel_locale(locale: str) -> Locale:
    """Babel's data for a locale, parsed once per process (names, number symbols)."""
    return Locale.parse(locale)


def country_choices(codes=None):
    """Every country (or those of `codes`), by its name in the interface language."""
    from flask_babel import get_locale
    from wtforms.fields.choices import SelectChoice

    from app.orgs.services import COUNTRY_CODES

    names = babel_locale(str(get_locale())).territories
    pairs = sorted(
        (names.get(code, code), code) for code in (COUNTRY_CODES if codes is None else codes)
    )
    return [SelectChoice(code, name) for name, code in pairs]


def format_km(value: float, locale: str | None = None) -> str:
    """A distance to one decimal in the interface language (or `locale`), as Babel's
    format_decimal writes `round(value, 1)` ("1,234.5", "12" in English; "1.234,5" in
    Vietnamese), at a tenth of its cost: a results page writes twenty of them."""
    from flask_babel import get_locale

    group, decimal = _number_symbols(locale or str(get_locale()))
    text = f"{round(value, 1):,.1f}"
    if text.endswith(".0"):
        text = text[:-2]
    return text.translate({ord(","): group, ord("."): decimal})


@lru_cache(maxsize=16)
def _number_symbols(locale: str) -> tuple[str, str]:
    from babel.numbers import get_decimal_symbol, get_group_symbol

    return get_group_symbol(locale), get_decimal_symbol(locale)


@lru_cache(maxsize=4096)
def province_name(code: str) -> str:
    """The name of an ISO 3166-2 province, or the code itself when unknown."""
    import pycountry

    subdivision = pycountry.subdivisions.get(code=code) if code else None
    return subdivision.name if subdivision is not None else code


def select_timezone() -> str:
    return current_app.config["BABEL_DEFAULT_TIMEZONE"]


@bp.route("/language", methods=["POST"])
def set_language():
    """Switch the interface language; it sticks for this browser and for the signed-in user."""
    from app.auth.services import set_locale
    from app.auth.views import safe_next

    locale = request.form.get("locale", "")
    if locale in current_app.config["LANGUAGES"]:
        session["locale"] = locale
        if current_user.is_authenticated:
            set_locale(current_user._get_current_object(), locale)
    return redirect(safe_next(request.form.get("next")) or url_for("home.index"))


def _translations(context):
    """The request's translations, looked up once per page and kept in its template context.

    Flask-Babel finds them again for every string (about 10 µs each, through the request's
    globals); a results page has some sixty strings. Macros imported without the page's context
    fall back to the lookup.
    """
    found = context.get(TRANSLATIONS)
    return found if found is not None else get_translations()


def _install_gettext(app: Flask) -> None:
    """Jinja's newstyle gettext (autoescaped, always %-formatted) over `_translations`, as one
    call per string: Jinja's own wraps the function twice more (`_` calls `gettext`, which
    calls the translation), and the three calls were a quarter of a results page's writing."""
    from jinja2 import pass_context
    from markupsafe import Markup

    def finish(context, text, variables):
        if context.eval_ctx.autoescape:
            # The catalogues' text is ours, as in Jinja's own gettext; what fills it is escaped.
            text = Markup(text)  # noqa: S704
        if not variables and "%" not in text:
            return text  # what `%` would give, without its cost: most strings have nothing to fill
        return text % variables

    @pass_context
    def gettext(context, string, **variables):
        return finish(context, _translations(context).ugettext(string), variables)

    @pass_context
    def ngettext(context, singular, plural, num, **variables):
        variables.setdefault("num", num)
        text = _translations(context).ungettext(singular, plural, num)
        return finish(context, text, variables)

    @pass_context
    def pgettext(context, message_context, string, **variables):
        variables.setdefault("context", message_context)
        text = _translations(context).upgettext(message_context, string)
        return finish(context, text, variables)

    @pass_context
    def npgettext(context, message_context, singular, plural, num, **variables):
        variables.setdefault("context", message_context)
        variables.setdefault("num", num)
        text = _translations(context).unpgettext(message_context, singular, plural, num)
        return finish(context, text, variables)

    # Registers the callables and makes `{% trans %}` compile to newstyle calls; then the
    # finished functions replace Jinja's wrappers.
    app.jinja_env.install_gettext_callables(
        gettext, ngettext, newstyle=True, pgettext=pgettext, npgettext=npgettext
    )
    app.jinja_env.globals.update(
        _=gettext, gettext=gettext, ngettext=ngettext, pgettext=pgettext, npgettext=npgettext
    )


TRANSLATIONS = "_request_translations"


def init_app(app: Flask) -> None:
    app.register_blueprint(bp)
    _install_gettext(app)

    @app.context_processor
    def languages():
        from flask_babel import get_locale, get_translations

        return {
            "languages": app.config["LANGUAGES"],
            "current_locale": str(get_locale()),
            "country_name": country_name,
            TRANSLATIONS: get_translations(),
        }
