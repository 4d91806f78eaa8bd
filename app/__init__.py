"""Pathways: a directory of services and a referral tracker for anti-trafficking networks."""

from pathlib import Path

from flask import Flask
from werkzeug.middleware.proxy_fix import ProxyFix

from app.cases.crypto import check_key, data_key
from app.config import ROOT, load_config, secret_key
from app.extensions import babel, csrf, db, htmx, limiter, login_manager, migrate

LANGUAGES = {
    "en": "English",
    "vi": "Tiếng Việt",
    "ms": "Bahasa Melayu",
    "id": "Bahasa Indonesia",
    "th": "ไทย",
}


def create_app(config: dict | None = None) -> Flask:
    """Build a Pathways application; `config` overrides the environment."""
    app = Flask(
        __name__,
        instance_path=str(ROOT / "instance"),
        template_folder=str(ROOT / "templates"),
        static_folder=str(Path(__file__).parent / "static"),
    )
    app.config.update(load_config(Path(app.instance_path)))
    app.config.update(config or {})
    if not app.config.get("SECRET_KEY"):
        app.config["SECRET_KEY"] = secret_key(
            Path(app.instance_path), app.config["PATHWAYS_ENV"] == "production"
        )
    if not app.config.get("DATA_KEY"):
        app.config["DATA_KEY"] = data_key(
            Path(app.instance_path), app.config["PATHWAYS_ENV"] == "production"
        )
    app.extensions["pathways_cipher"] = check_key(app.config["DATA_KEY"])
    app.config["LANGUAGES"] = LANGUAGES
    if app.config["TRUST_PROXY"]:
        hops = app.config["TRUST_PROXY"]
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=hops, x_proto=hops, x_host=hops)

    from app import database, i18n, rendering, security

    db.init_app(app)
    database.init_app(app)
    migrate.init_app(
        app,
        db,
        directory=str(ROOT / "migrations"),
        include_name=database.include_name,
        render_as_batch=True,
        compare_type=True,
    )
    babel.init_app(app, locale_selector=i18n.select_locale, timezone_selector=i18n.select_timezone)
    csrf.init_app(app)
    htmx.init_app(app)
    limiter.init_app(app)
    login_manager.init_app(app)
    security.init_app(app)
    i18n.init_app(app)
    rendering.init_app(app)

    from app import (
        admin,
        audit,
        auth,
        bench,
        cases,
        consent,
        dashboard,
        demo,
        directory,
        errors,
        home,
        interchange,
        orgs,
        referrals,
        search,
    )

    features = (home, auth, audit, orgs, admin, directory, search, interchange,
                cases, consent, referrals, dashboard, demo, bench)  # fmt: skip
    for module in features:
        module.init_app(app)
    errors.init_app(app)
    return app
