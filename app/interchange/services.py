"""Use cases of the interchange: export, import and the template, each audited."""

from collections import Counter
from collections.abc import Callable
from contextlib import AbstractContextManager, nullcontext

from flask import current_app
from flask_babel import gettext as _
from sqlalchemy.exc import SQLAlchemyError

from app.audit import record_event
from app.extensions import db
from app.interchange import hsds
from app.interchange.hsds_export import package_files
from app.interchange.hsds_import import Importer
from app.interchange.hsds_read import read_package
from app.interchange.validation import ImportRejected, reject, unpack_zip
from app.interchange.xlsx_import import apply_spreadsheet
from app.interchange.xlsx_read import read_spreadsheet
from app.interchange.xlsx_template import build_template
from app.orgs.services import OrganisationError

PACKAGE_FILES = {hsds.filename(name) for name in hsds.RESOURCES}
# Given the number of steps, returns a context manager whose value has `update(steps)`,
# as click.progressbar does.
Progress = Callable[[int], AbstractContextManager]


def export_package(include_confidential: bool = False, actor=None) -> dict[str, bytes]:
    """Return the HSDS package; confidential addresses only when asked, and audited either way."""
    files = package_files(include_confidential)
    action = (
        "directory:export:hsds_confidential" if include_confidential else "directory:export:hsds"
    )
    record_event(action, "directory", None, user=actor)
    db.session.commit()
    return files


def spreadsheet_template(filled: bool = False, actor=None) -> bytes:
    """Return the spreadsheet template, with today's services in it when `filled`."""
    data = build_template(filled)
    action = "directory:export:xlsx" if filled else "directory:export:xlsx_template"
    record_event(action, "directory", None, user=actor)
    db.session.commit()
    return data


class _NoBar:
    def update(self, steps: int) -> None:
        """Ignore progress: nobody is watching."""


def _bar(progress: Progress | None, steps: int):
    return progress(steps) if progress else nullcontext(_NoBar())


def _import(kind: str, write: Callable[[], Counter], actor) -> Counter:
    """Run `write` in one transaction: all of it is saved, or nothing and the reasons."""
    try:
        counts = write()
        record_event(f"directory:import:{kind}", "directory", None, user=actor)
        db.session.commit()
        return counts
    except ImportRejected:
        db.session.rollback()
        _record_refusal(kind, actor)
        raise
    except (SQLAlchemyError, OrganisationError):
        # Checks come first, so this is a race with another writer or a rule missed there.
        current_app.logger.exception("Directory import failed while writing")
        db.session.rollback()
        _record_refusal(kind, actor)
        raise reject(
            _("import"), _("The database refused the import, so nothing was changed.")
        ) from None


def _record_refusal(kind: str, actor) -> None:
    record_event("directory:import:rejected", "format", kind, user=actor)
    db.session.commit()


def import_package(files: dict[str, bytes], progress: Progress | None = None, actor=None):
    """Check a whole HSDS package, then create or update what it describes."""

    def write():
        plan = read_package(files)
        with _bar(progress, plan.size()) as bar:
            return Importer(plan, bar.update).run()

    return _import("hsds", write, actor)


def import_zip(data: bytes, name: str, actor=None) -> Counter:
    """Import an HSDS package uploaded as a zip."""

    def write():
        plan = read_package(unpack_zip(data, name, PACKAGE_FILES))
        return Importer(plan).run()

    return _import("hsds", write, actor)


def import_spreadsheet(
    data: bytes, name: str, locale: str, progress: Progress | None = None, actor=None
) -> Counter:
    """Check a filled-in template, then create or update its services."""

    def write():
        plan = read_spreadsheet(data, name)
        with _bar(progress, plan.size()) as bar:
            return apply_spreadsheet(plan, locale, actor, bar.update)

    return _import("xlsx", write, actor)


def summary(counts: Counter) -> str:
    """Say in words what an import did."""
    return _(
        "Services: %(created)d added, %(updated)d changed. Locations: %(locations)d added, "
        "%(locations_changed)d changed. Organisations: %(orgs)d added, %(orgs_changed)d "
        "changed. Categories: %(categories)d added.",
        created=counts["services_created"],
        updated=counts["services_updated"],
        locations=counts["locations_created"],
        locations_changed=counts["locations_updated"],
        orgs=counts["organisations_created"],
        orgs_changed=counts["organisations_updated"],
        categories=counts["categories_created"],
    )
