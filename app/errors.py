"""Friendly error pages in the user's language, never a stack trace."""

from flask import Flask, abort, request
from flask_babel import lazy_gettext as _l
from flask_wtf.csrf import CSRFError
from werkzeug.exceptions import HTTPException, InternalServerError

from app.extensions import db

MESSAGES = {
    400: (
        _l("Something in that request was not right"),
        _l("Please go back, check what you entered and try again."),
    ),
    403: (
        _l("You cannot open this page"),
        _l("Your account does not have permission for this page."),
    ),
    404: (_l("Page not found"), _l("This page does not exist or you cannot see it.")),
    405: (
        _l("That action is not possible here"),
        _l("Please go back and use the buttons on the page."),
    ),
    413: (
        _l("That was too large"),
        _l("The information or file you sent is larger than Pathways accepts."),
    ),
    429: (_l("Too many attempts"), _l("Please wait a minute before trying again.")),
    500: (
        _l("Something went wrong on our side"),
        _l("Nothing was saved. Please try again in a moment."),
    ),
}
CSRF_MESSAGE = (
    _l("This form has expired"),
    _l("Please reload the page and submit the form again."),
)


def _page(code: int, title, message):
    from flask import render_template

    return render_template("errors/error.html", code=code, title=title, message=message), code


# These read their parameters themselves and name one that holds a NUL character (the search
# page in the reader's language, the API as JSON).
NAMES_ITS_OWN_PARAMETERS = {"search", "api"}


def _holds_nul(values) -> bool:
    return any("\x00" in value for _key, value in values.items(multi=True))


def init_app(app: Flask) -> None:
    @app.before_request
    def refuse_nul_characters():
        """No page needs a NUL character, and PostgreSQL can neither store nor compare one:
        a request that holds one in its address, parameters or form is refused (400, the
        friendly page) before any view reads it, and nothing is saved."""
        if request.blueprint in NAMES_ITS_OWN_PARAMETERS:
            return
        form = request.form if request.method in ("POST", "PUT", "PATCH") else None
        if "\x00" in request.path or _holds_nul(request.args) or (form and _holds_nul(form)):
            abort(400)

    @app.errorhandler(CSRFError)
    def csrf_error(_error):
        return _page(400, *CSRF_MESSAGE)

    @app.errorhandler(HTTPException)
    def http_error(error: HTTPException):
        if error.code is None or error.code < 400:
            return error
        if error.code == 403:
            from app.audit import record_event

            db.session.rollback()
            record_event("http:access:refused", "endpoint", request.endpoint)
            db.session.commit()
        title, message = MESSAGES.get(error.code, MESSAGES[400])
        return _page(error.code, title, message)

    @app.errorhandler(Exception)
    def unexpected_error(error: Exception):
        app.logger.exception("Unhandled error", exc_info=error)
        db.session.rollback()
        return _page(500, *MESSAGES[500])

    @app.errorhandler(InternalServerError)
    def server_error(_error):
        db.session.rollback()
        return _page(500, *MESSAGES[500])
