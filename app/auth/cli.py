"""`flask users ...`: bootstrap accounts from the shell."""

import sys

import click
from flask.cli import AppGroup
from sqlalchemy import select

from app.auth.models import ROLES
from app.auth.services import AccountError, create_user
from app.extensions import db
from app.orgs.models import Organisation

users_cli = AppGroup("users", help="Manage user accounts.")


def read_new_password() -> str:
    """Ask for a password twice: at a prompt on a terminal, or as two lines on stdin."""
    if sys.stdin.isatty():
        return click.prompt("Password", hide_input=True, confirmation_prompt=True)
    first = sys.stdin.readline().rstrip("\r\n")
    second = sys.stdin.readline().rstrip("\r\n")
    if first != second:
        raise click.ClickException("The two passwords differ.")
    return first


@users_cli.command("create")
@click.argument("email")
@click.option("--org", "org_code", required=True, help="Code of the user's organisation.")
@click.option(
    "--role",
    "roles",
    multiple=True,
    required=True,
    type=click.Choice(ROLES),
    help="A role to grant; repeat for several.",
)
@click.option("--name", default="", help="The user's display name.")
def create_command(email: str, org_code: str, roles: tuple[str, ...], name: str) -> None:
    """Create a user; the password is read twice, never from the command line."""
    organisation = db.session.scalar(
        select(Organisation).where(Organisation.code == org_code.strip().upper())
    )
    if organisation is None:
        raise click.ClickException(f"No organisation with code {org_code!r}.")
    password = read_new_password()
    try:
        user = create_user(email, password, organisation, roles, name=name)
    except AccountError as exc:
        db.session.rollback()
        raise click.ClickException(str(exc)) from exc
    db.session.commit()
    click.echo(f"Created user {user.email} in {organisation.code} with roles {', '.join(roles)}.")
