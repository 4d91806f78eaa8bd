"""Directory of services: listings kept true by their own organisations."""

from flask import Flask


def init_app(app: Flask) -> None:
    from app.directory import models  # noqa: F401
