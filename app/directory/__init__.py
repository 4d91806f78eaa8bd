"""Directory of services: listings kept true by their own organisations."""

from flask import Flask


def init_app(app: Flask) -> None:
    from app.directory import editor, freshness, public  # noqa: F401  (routes)
    from app.directory.blueprint import bp

    app.register_blueprint(bp)
