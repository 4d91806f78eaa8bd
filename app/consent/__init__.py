"""Consent: separate records per kind, enforced on the server before any referral is sent."""

from flask import Flask


def init_app(app: Flask) -> None:
    from app.consent import views

    app.register_blueprint(views.bp)
