"""Accounts and sessions: argon2id passwords, server-side sessions, lockout, roles."""

from functools import wraps

from flask import Flask, abort, redirect, request, url_for
from flask_babel import lazy_gettext as _l
from flask_login import current_user

from app.extensions import login_manager


def roles_required(*roles: str):
    """Let a view through only for signed-in users holding one of `roles`."""

    def decorator(view):
        @wraps(view)
        def wrapped(*args, **kwargs):
            if not current_user.is_authenticated:
                return login_manager.unauthorized()
            if not current_user.has_role(*roles):
                abort(403)
            return view(*args, **kwargs)

        return wrapped

    return decorator


def init_app(app: Flask) -> None:
    from app.auth import cli, services, views

    login_manager.login_view = "auth.login"
    login_manager.login_message = _l("Please sign in to see this page.")
    login_manager.session_protection = "basic"
    login_manager.user_loader(services.load_session)

    @login_manager.unauthorized_handler
    def unauthorized():
        from app.audit import record_event
        from app.extensions import db

        record_event("auth:access:refused_unauthenticated")
        db.session.commit()
        if request.headers.get("HX-Request") == "true":
            response = app.response_class(status=401)
            response.headers["HX-Redirect"] = url_for("auth.login")
            return response
        return redirect(url_for("auth.login", next=request.full_path.rstrip("?")))

    app.register_blueprint(views.bp)
    app.cli.add_command(cli.users_cli)
