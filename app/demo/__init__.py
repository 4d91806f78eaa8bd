"""Fictional demo data, loaded on first start so a new install has something to show."""

import json
import os
import secrets
from pathlib import Path

import click
from flask import Flask, current_app
from flask.cli import AppGroup
from sqlalchemy import select

from app.auth.models import User
from app.auth.services import create_user
from app.config import ROOT
from app.extensions import db
from app.orgs.models import Organisation
from app.orgs.services import create_organisation

seed_cli = AppGroup("seed", help="Load seed and demo data.")
DEMO_FILE = ROOT / "seed" / "demo_accounts.json"


def _demo_password(instance_path: Path) -> str:
    """Return this installation's demo password, generated once into instance/."""
    path = instance_path / "demo-password"
    if not path.exists():
        instance_path.mkdir(parents=True, exist_ok=True)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w") as handle:
            handle.write("demo-" + secrets.token_urlsafe(9))
    return path.read_text().strip()


def load_demo(password: str) -> int:
    """Create the demo organisations and users that are missing; return how many were added."""
    data = json.loads(DEMO_FILE.read_text(encoding="utf-8"))
    added = 0
    for row in data["organisations"]:
        if db.session.scalar(select(Organisation).where(Organisation.code == row["code"])):
            continue
        create_organisation(row["code"], row["name"], row["country"], row["type"])
        added += 1
    for row in data["users"]:
        if db.session.scalar(select(User).where(User.email == row["email"])):
            continue
        organisation = db.session.scalar(
            select(Organisation).where(Organisation.code == row["org"])
        )
        create_user(row["email"], password, organisation, row["roles"], name=row["name"])
        added += 1
    db.session.commit()
    return added


@seed_cli.command("base")
def base_command() -> None:
    """Load the need taxonomy and the offline gazetteer (safe to run twice)."""
    _load_base()


def _load_base() -> None:
    from app.directory.seed import load_gazetteer, load_taxonomy

    click.echo(f"Taxonomy: {load_taxonomy()} need categories added.")
    click.echo(f"Gazetteer: {load_gazetteer()} places added.")


@seed_cli.command("demo")
def demo_command() -> None:
    """Load the fictional demo network (safe to run twice) and print its sign-ins."""
    from app.demo.cases import load_demo_cases
    from app.directory.seed import load_demo_directory

    _load_base()
    password = _demo_password(Path(current_app.instance_path))
    added = load_demo(password)
    click.echo(f"Demo data: {added} records added." if added else "Demo data already loaded.")
    click.echo(f"Demo directory: {load_demo_directory()} services added.")
    added_cases = load_demo_cases()
    if added_cases:
        from app.demo.activity import load_activity

        added_cases += load_activity()
    click.echo(f"Demo tracker: {added_cases} fictional cases added.")
    data = json.loads(DEMO_FILE.read_text(encoding="utf-8"))
    click.echo("Demo sign-ins (fictional accounts; password for all of them: " + password + "):")
    for row in data["users"]:
        click.echo(f"  {row['email']:<40} {', '.join(row['roles'])}")


def init_app(app: Flask) -> None:
    app.cli.add_command(seed_cli)
