"""Organisations of the network and `flask orgs ...`."""

import click
from flask import Flask
from flask.cli import AppGroup

from app.extensions import db
from app.orgs.models import ORGANISATION_TYPES
from app.orgs.services import OrganisationError, create_organisation

orgs_cli = AppGroup("orgs", help="Manage organisations.")


@orgs_cli.command("create")
@click.argument("code")
@click.argument("name")
@click.option("--country", required=True, help="ISO 3166 two-letter country code, e.g. TH.")
@click.option("--type", "type_", default="ngo", type=click.Choice(ORGANISATION_TYPES))
def create_command(code: str, name: str, country: str, type_: str) -> None:
    """Create an organisation."""
    try:
        organisation = create_organisation(code, name, country, type_)
    except OrganisationError as exc:
        db.session.rollback()
        raise click.ClickException(str(exc)) from exc
    db.session.commit()
    click.echo(f"Created organisation {organisation.code} ({organisation.country}).")


def init_app(app: Flask) -> None:
    app.cli.add_command(orgs_cli)
