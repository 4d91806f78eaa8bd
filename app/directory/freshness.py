"""Coordinators and admins see stale listings by organisation, and nudge their editors."""

from flask import abort, flash, url_for
from flask_babel import gettext as _
from flask_login import current_user

from app.auth import roles_required
from app.directory import services
from app.directory.blueprint import bp
from app.directory.services import DirectoryError
from app.extensions import db
from app.forms import EmptyForm
from app.orgs.models import Organisation
from app.rendering import redirect_to, render


@bp.route("/directory/freshness")
@roles_required("coordinator", "admin")
def freshness():
    """Listings not verified for a year (configurable), by organisation."""
    return render(
        "directory/freshness.html", rows=services.freshness_by_organisation(), form=EmptyForm()
    )


@bp.route("/directory/freshness/<int:organisation_id>/nudge", methods=["POST"])
@roles_required("coordinator", "admin")
def nudge(organisation_id: int):
    """Ask an organisation's editors to re-check their stale listings."""
    organisation = db.session.get(Organisation, organisation_id)
    if organisation is None:
        abort(404)
    if not EmptyForm().validate_on_submit():
        abort(400)
    try:
        item = services.nudge(organisation, current_user)
    except DirectoryError as exc:
        db.session.rollback()
        flash(str(exc))
    else:
        flash(_("%(org)s has been asked to re-check %(n)d listings.", org=organisation.name,
                n=item.stale_count))  # fmt: skip
    return redirect_to(url_for("directory.freshness"))
