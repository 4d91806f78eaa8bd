"""Cases: persons assisted, under pseudonymous codes, through identification, protection and
reintegration."""

from flask import Flask


def init_app(app: Flask) -> None:
    from app.cases import views

    app.register_blueprint(views.bp)
