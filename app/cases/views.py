"""Case pages for caseworkers of the owning organisation; everyone else gets a 404."""

from urllib.parse import urlencode

import pycountry
from flask import Blueprint, flash, request, url_for
from flask_babel import get_locale
from flask_babel import gettext as _
from flask_login import current_user, login_required
from wtforms.fields.choices import SelectChoice

from app.audit import record_event
from app.auth import roles_required
from app.cases import services
from app.cases.crypto import DataKeyError
from app.cases.forms import CaseForm, NeedForm, NeedStatusForm, StageForm
from app.cases.labels import (
    CLOSED_REASON_LABELS,
    IDENTIFICATION_LABELS,
    NEED_STATUS_LABELS,
    SEX_LABELS,
    STAGE_LABELS,
)
from app.cases.models import STAGES
from app.cases.services import CaseData, CaseError
from app.cases.timeline import timeline
from app.consent import services as consent_services
from app.directory import services as directory
from app.directory.forms import language_choices
from app.extensions import db
from app.i18n import country_choices, province_name
from app.referrals import services as referral_services
from app.rendering import redirect_to, render

bp = Blueprint("cases", __name__)
caseworker_required = roles_required("caseworker")


@bp.app_context_processor
def case_labels():
    return {
        "province_name": province_name,
        "stage_labels": STAGE_LABELS,
        "closed_reason_labels": CLOSED_REASON_LABELS,
        "need_status_labels": NEED_STATUS_LABELS,
        "sex_labels": SEX_LABELS,
        "identification_labels": IDENTIFICATION_LABELS,
    }


def _province_choices(country: str):
    provinces = sorted(
        (s for s in pycountry.subdivisions.get(country_code=country) or [] if not s.parent_code),
        key=lambda s: s.name,
    )
    return [SelectChoice("", _("Not known")), *(SelectChoice(s.code, s.name) for s in provinces)]


def _prepare(form: CaseForm, country: str) -> CaseForm:
    locale = str(get_locale())
    countries = country_choices()
    form.nationality.choices = [SelectChoice("", _("Not known")), *countries]
    form.identified_country.choices = [SelectChoice("", _("Not known")), *countries]
    form.identified_province.choices = _province_choices(country)
    form.languages.choices = language_choices()
    form.needs.choices = [SelectChoice(c.id, c.name(locale)) for c in directory.categories()]
    return form


def _data(form: CaseForm) -> CaseData:
    return CaseData(
        **{
            name: (form[name].data or "").strip()
            for name in (
                "name",
                "contact",
                "guardian_name",
                "guardian_organisation",
                "best_interests_by",
                "best_interests_outcome",
                "age_assessment_note",
            )
        },
        **{
            name: form[name].data
            for name in ("birth_date", "estimated_age", "presumed_child", "best_interests_on")
        },
        **{
            # A blank choice passes the form as "not known" (Optional): kept as "", not " ".
            name: (form[name].data or "").strip()
            for name in (
                "sex",
                "nationality",
                "identified_country",
                "identified_province",
                "identification_status",
            )
        },
        languages=form.languages.data or [],
        exploitation_forms=form.exploitation_forms.data or [],
    )


@bp.route("/cases")
@caseworker_required
def list_cases():
    """The organisation's cases, by code only."""
    stage = request.args.get("stage", "")
    query = (request.args.get("q") or "").strip()[:20]
    rows = services.cases_of(current_user, stage, query)
    return render(
        "cases/list.html",
        block="case_list",
        cases=rows,
        stage=stage,
        q=query,
        stages=STAGES,
        today=services.utcnow().date(),
    )


@bp.route("/cases/new", methods=["GET", "POST"])
@caseworker_required
def new_case():
    """Open a case: it gets its code; the name is optional and encrypted."""
    country = request.form.get("identified_country") or current_user.organisation.country
    form = _prepare(CaseForm(), country)
    if request.method == "GET":
        form.identified_country.data = current_user.organisation.country
    if form.validate_on_submit():
        try:
            case = services.open_case(current_user, _data(form), form.needs.data or [])
        except CaseError as error:
            form.form_errors.append(str(error))
        else:
            flash(_("Case %(code)s opened.", code=case.code))
            return redirect_to(url_for("cases.show_case", code=case.code))
    return render("cases/form.html", form=form, case=None), 422 if form.errors else 200


@bp.route("/cases/<code>")
@login_required
def show_case(code):
    """The case: details, child measures, stage, needs, consents, referrals and timeline."""
    case = services.case_or_404(code, current_user)
    db.session.commit()
    return _case_page(case)


def _case_page(case, status: int = 200, stage_form=None, need_form=None):
    locale = str(get_locale())
    if status != 200:  # a refused change still shows the case: that is a read
        record_event("cases:case:read", "case", case.code)
        db.session.commit()
    try:
        protected, key_error = services.protected_fields(case), None
    except DataKeyError:
        protected, key_error = {}, True
    consents = consent_services.consents_of(case)
    referrals = referral_services.referrals_of(case)
    if stage_form is None:
        ahead = STAGES[min(STAGES.index(case.stage) + 1, len(STAGES) - 1)]
        stage_form = StageForm(data={"version": case.version, "stage": ahead})
    need_form = need_form or NeedForm()
    held = {n.category_id for n in case.needs}
    need_form.category.choices = [
        SelectChoice(c.id, c.name(locale)) for c in directory.categories() if c.id not in held
    ]
    today = services.utcnow().date()
    return render(
        "cases/case.html",
        block="needs" if request.headers.get("HX-Target") == "needs" else None,
        case=case,
        protected=protected,
        key_error=key_error,
        is_child=case.is_child(today),
        age=case.age(today),
        consents=consents,
        referrals=referrals,
        entries=timeline(case, consents, referrals),
        stage_form=stage_form,
        need_form=need_form,
        status_form=NeedStatusForm(),
        locale=locale,
        now=services.utcnow(),
        search_url=lambda need: _search_url(case, need, locale),
        is_overdue=referral_services.is_overdue,
    ), status


def _search_url(case, need, locale) -> str:
    """The directory search for this need near where the person is."""
    params = [("category", need.category.code), ("case", case.code), ("need", need.category.code)]
    if case.identified_province:
        subdivision = pycountry.subdivisions.get(code=case.identified_province)
        if subdivision is not None:
            params.insert(0, ("place", subdivision.name))
    return url_for("search.find") + "?" + urlencode(params)


@bp.route("/cases/<code>/edit", methods=["GET", "POST"])
@login_required
def edit_case(code):
    """Edit a case's details; a stale form is refused, never a lost update."""
    case = services.case_or_404(code, current_user, "open_edit" if request.method == "GET" else "")
    country = (
        request.form.get("identified_country")
        or case.identified_country
        or (current_user.organisation.country)
    )
    if request.method == "GET":
        db.session.commit()
        data = {name: getattr(case, name) for name in services.PLAIN_FIELDS}
        try:
            data.update(services.protected_fields(case))
        except DataKeyError:
            flash(
                _(
                    "The name and contact cannot be read with this server's data key. "
                    "Saving would replace them."
                )
            )
        data.update(
            languages=case.language_list,
            exploitation_forms=case.exploitation_list,
            version=case.version,
        )
        form = _prepare(CaseForm(data=data), country)
    else:
        form = _prepare(CaseForm(), country)
    if form.validate_on_submit():
        try:
            services.update_case(case, current_user, _data(form), form.version.data)
        except CaseError as error:
            db.session.rollback()
            form.form_errors.append(str(error))
        else:
            flash(_("Saved."))
            return redirect_to(url_for("cases.show_case", code=case.code))
    return render("cases/form.html", form=form, case=case), 422 if form.errors else 200


@bp.route("/cases/<code>/stage", methods=["POST"])
@login_required
def change_stage(code):
    """Move the case to another stage; stepping back needs a note."""
    case = services.case_or_404(code, current_user, "")
    form = StageForm()
    if form.validate_on_submit():
        try:
            services.change_stage(
                case,
                current_user,
                form.stage.data,
                form.note.data,
                form.closed_reason.data or "",
                form.version.data,
            )
        except CaseError as error:
            db.session.rollback()
            form.form_errors.append(str(error))
        else:
            flash(_("The case is now in the stage: %(stage)s.", stage=STAGE_LABELS[case.stage]))
            return redirect_to(url_for("cases.show_case", code=case.code))
    db.session.rollback()
    return _case_page(case, 422, stage_form=form)


def _after_need_change(case):
    """HTMX gets the needs list back in place; a plain form goes back to the case."""
    if request.headers.get("HX-Target") == "needs":
        return _case_page(case)
    return redirect_to(url_for("cases.show_case", code=case.code) + "#needs")


@bp.route("/cases/<code>/needs", methods=["POST"])
@login_required
def add_need(code):
    """Add a need to the case."""
    case = services.case_or_404(code, current_user, "")
    form = NeedForm()
    form.category.choices = [SelectChoice(c.id, c.code) for c in directory.categories()]
    if form.validate_on_submit():
        try:
            services.add_need(case, current_user, form.category.data)
        except CaseError as error:
            db.session.rollback()
            form.category.errors = [str(error)]
        else:
            return _after_need_change(case)
    db.session.rollback()
    return _case_page(case, 422, need_form=form)


@bp.route("/cases/<code>/needs/<int:need_id>", methods=["POST"])
@login_required
def set_need_status(code, need_id):
    """Say where one need stands."""
    case = services.case_or_404(code, current_user, "")
    form = NeedStatusForm()
    if form.validate_on_submit():
        services.set_need_status(case, current_user, need_id, form.status.data)
        return _after_need_change(case)
    db.session.rollback()
    flash(_("Choose one of the listed statuses."))
    return _case_page(case, 422)
