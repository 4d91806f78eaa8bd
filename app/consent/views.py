"""Recording and withdrawing consent, from the case page."""

from flask import Blueprint, flash, request, url_for
from flask_babel import get_locale, ngettext
from flask_babel import gettext as _
from flask_login import current_user, login_required
from sqlalchemy import select
from wtforms.fields.choices import SelectChoice

from app.cases.services import case_or_404
from app.consent import services
from app.consent.forms import ConsentForm, WithdrawForm
from app.consent.labels import (
    ASSENT_LABELS,
    BASIS_LABELS,
    DATA_LABELS,
    GIVER_LABELS,
    KIND_LABELS,
    METHOD_LABELS,
)
from app.consent.services import ConsentData, ConsentError
from app.directory import services as directory
from app.directory.forms import language_choices
from app.extensions import db
from app.orgs.models import Organisation
from app.rendering import redirect_to, render

bp = Blueprint("consent", __name__)


@bp.app_context_processor
def consent_labels():
    return {
        "consent_kind_labels": KIND_LABELS,
        "consent_giver_labels": GIVER_LABELS,
        "consent_basis_labels": BASIS_LABELS,
        "consent_data_labels": DATA_LABELS,
        "consent_method_labels": METHOD_LABELS,
        "consent_assent_labels": ASSENT_LABELS,
    }


def _prepare(form: ConsentForm) -> ConsentForm:
    locale = str(get_locale())
    organisations = db.session.scalars(select(Organisation).order_by(Organisation.name))
    form.organisations.choices = [SelectChoice(o.id, o.name) for o in organisations]
    form.purposes.choices = [SelectChoice(c.id, c.name(locale)) for c in directory.categories()]
    form.language.choices = language_choices()
    return form


@bp.route("/cases/<code>/consents/new", methods=["GET", "POST"])
@login_required
def new_consent(code):
    """Record one consent: what for, by whom, for which organisations, needs and data."""
    case = case_or_404(code, current_user, "read" if request.method == "GET" else "")
    form = _prepare(ConsentForm())
    if request.method == "GET":
        db.session.commit()
        form.language.data = str(get_locale())
        wanted = request.args.get("organisation", "")
        if wanted.isdigit():
            form.organisations.data = [int(wanted)]
        form.purposes.data = [n.category_id for n in case.needs if n.status in ("open", "referred")]
    if form.validate_on_submit():
        data = ConsentData(
            kind=form.kind.data,
            given_by=form.given_by.data,
            legal_basis=form.legal_basis.data,
            organisation_ids=form.organisations.data or [],
            purpose_ids=form.purposes.data or [],
            data_categories=form.data_categories.data or [],
            language=form.language.data,
            interpreter=form.interpreter.data,
            method=form.method.data,
            child_assent=form.child_assent.data or None,
            expires_on=form.expires_on.data,
            note=form.note.data or "",
        )
        try:
            services.record_consent(case, current_user, data)
        except ConsentError as error:
            db.session.rollback()
            form.form_errors.append(str(error))
        else:
            flash(_("Consent recorded."))
            back = request.args.get("next", "")
            if back.startswith("/referrals/") and "//" not in back:
                return redirect_to(back)
            return redirect_to(url_for("cases.show_case", code=case.code) + "#consents")
    return render("consent/new.html", form=form, case=case), 422 if form.errors else 200


@bp.route("/cases/<code>/consents/<int:consent_id>/withdraw", methods=["GET", "POST"])
@login_required
def withdraw(code, consent_id):
    """Withdraw a consent at once; open referrals under it are withdrawn too."""
    case = case_or_404(code, current_user, "read" if request.method == "GET" else "")
    consent = services.consent_or_404(case, consent_id)
    form = WithdrawForm()
    if request.method == "GET":
        db.session.commit()
    if form.validate_on_submit():
        try:
            withdrawn = services.withdraw_consent(consent, current_user, form.reason.data)
        except ConsentError as error:
            db.session.rollback()
            form.form_errors.append(str(error))
        else:
            message = _("Consent withdrawn.")
            if withdrawn:
                message += " " + ngettext(
                    "%(num)d open referral was withdrawn and the receiving organisation "
                    "no longer sees the person's data.",
                    "%(num)d open referrals were withdrawn and the receiving organisations "
                    "no longer see the person's data.",
                    len(withdrawn),
                )
            flash(message)
            return redirect_to(url_for("cases.show_case", code=case.code) + "#consents")
    return render("consent/withdraw.html", form=form, case=case, consent=consent), (
        422 if form.errors else 200
    )
