"""`flask directory export|import|import-xlsx`: the interchange from the shell."""

import sys
from pathlib import Path

import click
from flask.cli import with_appcontext

from app.interchange import services
from app.interchange.hsds_export import write_folder
from app.interchange.validation import ImportRejected, read_folder


def _fail(exc: ImportRejected) -> None:
    for line in exc.problems.lines():
        click.echo(line, file=sys.stderr)
    raise click.ClickException("Nothing was imported.")


def _bar(label: str):
    return lambda steps: click.progressbar(length=steps, label=label, file=sys.stderr)


@click.command("export")
@click.argument("folder", type=click.Path(file_okay=False, path_type=Path))
@click.option(
    "--include-confidential",
    is_flag=True,
    help="Also write confidential locations' street, postcode and coordinates.",
)
@with_appcontext
def export_command(folder: Path, include_confidential: bool) -> None:
    """Write the directory as an HSDS 3.0 data package (CSV files and datapackage.json)."""
    files = services.export_package(include_confidential)
    write_folder(folder, files)
    note = " including confidential addresses" if include_confidential else ""
    click.echo(f"Wrote {len(files)} files to {folder}{note}.")


@click.command("import")
@click.argument("folder", type=click.Path(exists=True, file_okay=False, path_type=Path))
@with_appcontext
def import_command(folder: Path) -> None:
    """Create or update the directory from an HSDS data package; all of it or nothing."""
    try:
        files = read_folder(folder, services.PACKAGE_FILES)
        counts = services.import_package(files, progress=_bar("Importing"))
    except ImportRejected as exc:
        _fail(exc)
    click.echo(services.summary(counts))


@click.command("import-xlsx")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--locale", default="en", show_default=True, help="Language the texts are in.")
@with_appcontext
def import_xlsx_command(file: Path, locale: str) -> None:
    """Create or update services from a filled-in spreadsheet template; all of it or nothing."""
    try:
        counts = services.import_spreadsheet(
            file.read_bytes(), file.name, locale, progress=_bar("Importing")
        )
    except ImportRejected as exc:
        _fail(exc)
    click.echo(services.summary(counts))


COMMANDS = (export_command, import_command, import_xlsx_command)
