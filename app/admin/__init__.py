"""Administration pages for organisations and user accounts."""

from flask import Flask


def init_app(app: Flask) -> None:
    from app.admin.views import bp

    app.register_blueprint(bp)
