"""Interface language: choosing it, remembering it, and switching it from any page."""

from functools import lru_cache

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
from flask_login import current_user

bp = Blueprint("i18n", __name__)


def select_locale() -> str:
    """Pick the language: the user's choice, then this browser's choice, then its headers."""
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

    return _territories(str(get_locale())).get(code, code)


@lru_cache(maxsize=16)
def _territories(locale: str) -> dict:
    from babel import Locale

    return Locale.parse(locale).territories


def country_choices(codes=None):
    """Every country (or those of `codes`), by its name in the interface language."""
    from flask_babel import get_locale
    from wtforms.fields.choices import SelectChoice

    from app.orgs.services import COUNTRY_CODES

    names = _territories(str(get_locale()))
    pairs = sorted(
        (names.get(code, code), code) for code in (COUNTRY_CODES if codes is None else codes)
    )
    return [SelectChoice(code, name) for name, code in pairs]


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


def init_app(app: Flask) -> None:
    app.register_blueprint(bp)

    @app.context_processor
    def languages():
        from flask_babel import get_locale

        return {
            "languages": app.config["LANGUAGES"],
            "current_locale": str(get_locale()),
            "country_name": country_name,
        }
