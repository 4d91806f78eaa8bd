"""Find help: search the directory by place and need, as a list, on a map and through an API."""

import click
from flask import Flask
from flask.cli import AppGroup

search_cli = AppGroup("search", help="Look after the search's own indexes.")


@search_cli.command("reindex")
def reindex_command() -> None:
    """Write the full-text index, the search points and the search's other copies again.

    Only needed when rows were changed around the app (by hand in SQL, or a SQLite VACUUM,
    which may renumber the rowids the full-text index and the copies refer to).
    """
    from app.extensions import db
    from app.search.points import rebuild
    from app.search.text import rebuild_text_indexes

    connection = db.session.connection()
    if connection.dialect.name == "sqlite":
        rebuild_text_indexes(connection)
    rebuild(connection)
    db.session.commit()
    click.echo("The search indexes were written again.")


def init_app(app: Flask) -> None:
    from app.search import points, text  # noqa: F401  (keep search text and points current)
    from app.search.views import bp

    app.register_blueprint(bp)
    from app.search.api import bp as api_bp

    app.register_blueprint(api_bp)
    app.cli.add_command(search_cli)
