"""Administration: organisations, users, roles, disabling accounts."""

from flask import Blueprint, abort, redirect, request, url_for
from flask_babel import gettext as _
from flask_login import current_user
from sqlalchemy import or_, select
from wtforms.fields.choices import SelectChoice

from app.admin.forms import (
    ROLE_LABELS,
    TYPE_LABELS,
    OrganisationForm,
    RolesForm,
    UserForm,
)
from app.audit import record_event
from app.auth import roles_required
from app.auth.models import User
from app.auth.services import AccountError, change_roles, create_user, set_active
from app.extensions import db
from app.forms import EmptyForm
from app.i18n import country_choices
from app.orgs.models import Organisation
from app.orgs.services import OrganisationError, create_organisation
from app.rendering import redirect_to, render

bp = Blueprint("admin", __name__, url_prefix="/admin")


@bp.before_request
@roles_required("admin")
def require_admin():
    """Every page here is for administrators only."""


@bp.app_context_processor
def admin_labels():
    return {"role_labels": ROLE_LABELS, "type_labels": TYPE_LABELS}


def _organisation_choices():
    rows = db.session.scalars(select(Organisation).order_by(Organisation.name))
    return [SelectChoice(org.id, f"{org.name} ({org.code})") for org in rows]


@bp.route("/")
def index():
    return redirect(url_for("admin.list_users"))


@bp.route("/organisations", methods=["GET", "POST"])
def list_organisations():
    """List organisations and create a new one."""
    form = OrganisationForm()
    form.country.choices = [SelectChoice("", _("Choose…")), *country_choices()]
    status = 200
    if form.validate_on_submit():
        try:
            organisation = create_organisation(
                form.code.data,
                form.name.data,
                form.country.data,
                form.type.data,
                actor=current_user,
            )
        except OrganisationError as exc:
            db.session.rollback()
            form.code.errors = [*form.code.errors, str(exc)]
        else:
            db.session.commit()
            return redirect_to(url_for("admin.list_organisations", created=organisation.code))
    if form.errors:
        status = 422
    organisations = db.session.scalars(select(Organisation).order_by(Organisation.name)).all()
    return render(
        "admin/organisations.html",
        block="organisation_form" if form.errors else None,
        form=form,
        organisations=organisations,
        created=request.args.get("created"),
    ), status


@bp.route("/users")
def list_users():
    """List users, filtered as the admin types."""
    query = (request.args.get("q") or "").strip()[:100]
    statement = select(User).join(User.organisation).order_by(User.email)
    if query:
        pattern = f"%{query.lower()}%"
        statement = statement.where(
            or_(
                User.email.like(pattern),
                User.name.ilike(pattern),
                Organisation.code.ilike(pattern),
                Organisation.name.ilike(pattern),
            )
        )
    users = db.session.scalars(statement.limit(500)).unique().all()
    return render("admin/users.html", block="user_rows", users=users, q=query)


@bp.route("/users/new", methods=["GET", "POST"])
def create_user_view():
    """Create a user with an organisation, roles and a first password."""
    form = UserForm()
    form.organisation.choices = _organisation_choices()
    if form.validate_on_submit():
        organisation = db.session.get(Organisation, form.organisation.data)
        try:
            user = create_user(
                form.email.data,
                form.password.data,
                organisation,
                form.roles.data,
                name=form.name.data or "",
                actor=current_user,
            )
        except AccountError as exc:
            db.session.rollback()
            form.email.errors = [*form.email.errors, str(exc)]
        else:
            db.session.commit()
            return redirect_to(url_for("admin.show_user", user_id=user.id, created=1))
    status = 422 if form.errors else 200
    return render("admin/user_new.html", block="user_form", form=form), status


def _user_or_404(user_id: int) -> User:
    user = db.session.get(User, user_id)
    if user is None:
        abort(404)
    return user


def _scope_choices(form: RolesForm) -> RolesForm:
    """The countries of the network's organisations, for a coordinator's scope."""
    countries = set(db.session.scalars(select(Organisation.country).distinct()))
    form.scope.choices = [c for c in country_choices() if c.value in countries]
    return form


@bp.route("/users/<int:user_id>")
def show_user(user_id: int):
    """Show one user, with their roles and whether they may sign in."""
    user = _user_or_404(user_id)
    roles_form = _scope_choices(RolesForm(roles=sorted(user.roles), scope=user.scope))
    record_event("admin:user:viewed", "user", user.id)
    db.session.commit()
    return render(
        "admin/user.html",
        user=user,
        roles_form=roles_form,
        active_form=EmptyForm(),
        created=request.args.get("created") == "1",
    )


@bp.route("/users/<int:user_id>/roles", methods=["POST"])
def update_roles(user_id: int):
    """Change a user's roles; answers the roles block to HTMX."""
    user = _user_or_404(user_id)
    roles_form = _scope_choices(RolesForm())
    saved = False
    status = 200
    if roles_form.validate_on_submit():
        try:
            change_roles(user, roles_form.roles.data, current_user, roles_form.scope.data or [])
        except AccountError as exc:
            db.session.rollback()
            roles_form.roles.errors = [str(exc)]
            status = 422
        else:
            db.session.commit()
            saved = True
    else:
        status = 422
    response = render(
        "admin/user.html",
        block="roles",
        user=user,
        roles_form=roles_form,
        active_form=EmptyForm(),
        saved=saved,
    )
    if not request.headers.get("HX-Request") and saved:
        return redirect(url_for("admin.show_user", user_id=user.id))
    return response, status


@bp.route("/users/<int:user_id>/active", methods=["POST"])
def update_active(user_id: int):
    """Disable or re-enable an account; disabling signs it out everywhere at once."""
    user = _user_or_404(user_id)
    form = EmptyForm()
    if not form.validate_on_submit():
        abort(400)
    try:
        set_active(user, request.form.get("active") == "1", current_user)
    except AccountError:
        db.session.rollback()
        abort(400)
    db.session.commit()
    return redirect(url_for("admin.show_user", user_id=user.id))
