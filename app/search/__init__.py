"""Find help: search the directory by place and need, as a list, on a map and through an API."""

from flask import Flask


def init_app(app: Flask) -> None:
    from app.search import points, text  # noqa: F401  (keep search text and points current)
    from app.search.views import bp

    app.register_blueprint(bp)
    from app.search.api import bp as api_bp

    app.register_blueprint(api_bp)
