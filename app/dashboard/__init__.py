"""Dashboards: the network's referral flows, delays and service gaps, with small numbers hidden."""

from flask import Flask


def init_app(app: Flask) -> None:
    from app.dashboard import facts, views  # noqa: F401 - facts keeps the counts on every flush

    app.register_blueprint(views.bp)
