"""Audit trail: append-only, hash-chained records of who did what, never personal values."""

import click
from flask import Flask
from flask.cli import AppGroup

from app.audit.services import record_event, verify_chain

__all__ = ["init_app", "record_event"]

audit_cli = AppGroup("audit", help="Inspect the audit trail.")


@audit_cli.command("verify")
def verify_command() -> None:
    """Check the hash chain and name the first broken row."""
    report = verify_chain()
    if report.ok:
        click.echo(f"Audit chain intact: {report.checked} rows checked.")
        return
    click.echo(
        f"Audit chain BROKEN at row seq={report.broken_seq}: {report.reason} "
        f"({report.checked} rows before it are intact).",
        err=True,
    )
    raise SystemExit(1)


def init_app(app: Flask) -> None:
    app.cli.add_command(audit_cli)
