"""Referrals: a closed loop from a case to a service of another organisation and back."""

from flask import Flask


def init_app(app: Flask) -> None:
    from app.referrals import views

    app.register_blueprint(views.bp)
