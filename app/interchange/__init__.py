"""Directory interchange: HSDS 3.0 tabular data packages and the spreadsheet template."""

import click
from flask import Flask
from flask.cli import AppGroup


def init_app(app: Flask) -> None:
    """Register the interchange commands and admin pages."""
    from app.interchange.cli import COMMANDS
    from app.interchange.views import bp

    app.register_blueprint(bp)
    # `flask directory ...` may already be a group of the directory feature: join it.
    group = app.cli.commands.get("directory")
    if not isinstance(group, click.Group):
        group = AppGroup("directory", help="Manage the directory of services.")
        app.cli.add_command(group)
    for command in COMMANDS:
        group.add_command(command)
