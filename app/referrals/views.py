"""Referral pages: draft and send (sender), inbox and answers (receiver), notifications."""

from flask import Blueprint, abort, flash, request, url_for
from flask_babel import get_locale
from flask_babel import gettext as _
from flask_login import current_user, login_required
from wtforms.fields.choices import SelectChoice

from app.audit import record_event
from app.auth import roles_required
from app.cases import services as case_services
from app.cases.crypto import DataKeyError
from app.consent.services import referral_consent
from app.directory import services as directory
from app.extensions import db
from app.referrals import notify, services
from app.referrals.forms import ActionForm, ReferralForm, SendForm
from app.referrals.labels import (
    ACTION_LABELS,
    NOTE_LABELS,
    NOTICE_LABELS,
    STATUS_LABELS,
    URGENCY_LABELS,
)
from app.referrals.models import RECEIVER_ACTIONS, SENDER_ACTIONS, TRANSITIONS
from app.referrals.services import ReferralError
from app.rendering import redirect_to, render

bp = Blueprint("referrals", __name__)
caseworker_required = roles_required("caseworker")


@bp.app_context_processor
def referral_context():
    unread = 0
    if current_user.is_authenticated and current_user.has_role("caseworker"):
        unread = notify.unread_count(current_user)
    return {
        "unread_notices": unread,
        "referral_status_labels": STATUS_LABELS,
        "urgency_labels": URGENCY_LABELS,
    }


@bp.route("/referrals/new", methods=["GET", "POST"])
@caseworker_required
def new_referral():
    """Refer a case to a service: prefilled from the case's need and the search result."""
    service = services.referable_service_or_none(request.args.get("service", ""))
    if service is None:
        flash(_("This service is not taking referrals now. Choose another one."))
        return redirect_to(url_for("search.find"))
    locale = str(get_locale())
    cases = [c for c in case_services.cases_of(current_user) if c.stage != "closed"]
    form = ReferralForm()
    form.case.choices = [
        SelectChoice("", _("Choose…")),
        *(SelectChoice(c.code, c.code) for c in cases),
    ]
    form.categories.choices = [SelectChoice(c.id, c.name(locale)) for c in directory.categories()]
    if request.method == "GET":
        form.case.data = request.args.get("case", "")
        offered = set(service.category_code_list)
        need = request.args.get("need", "")
        chosen = [need] if need in offered else sorted(offered)[:1]
        form.categories.data = [c.id for c in directory.categories() if c.code in chosen]
    if form.validate_on_submit():
        case = case_services.case_or_404(form.case.data, current_user, "")
        try:
            referral = services.create_referral(
                case,
                current_user,
                service,
                form.categories.data or [],
                form.urgency.data,
                form.note.data,
            )
        except ReferralError as error:
            db.session.rollback()
            form.form_errors.extend(str(m) for m in error.messages)
        else:
            if request.form.get("send"):
                try:
                    services.send_referral(referral, current_user, referral.version)
                    flash(
                        _(
                            "Referral sent to %(organisation)s.",
                            organisation=referral.to_organisation.name,
                        )
                    )
                except ReferralError:
                    db.session.rollback()
                    flash(_("Saved as a draft: it cannot be sent yet. See what is missing below."))
            else:
                flash(_("Saved as a draft."))
            return redirect_to(url_for("referrals.show_referral", code=referral.code))
    return render("referrals/new.html", form=form, service=service, locale=locale), (
        422 if form.errors else 200
    )


def _page(referral, status: int = 200, errors=(), forms=None):
    who = services.side(referral, current_user)
    now = case_services.utcnow()
    consent, missing = None, []
    if who == "sender" and referral.status == "draft":
        consent, missing = referral_consent(
            referral.case, referral.to_organisation, referral.categories, now
        )
    shared, protected, key_error = [], {}, False
    if who == "receiver":
        shared = referral.shared_data(now)
        if shared:
            record_event("cases:case:shared_read", "case", referral.case.code)
        if {"identity", "contact"} & set(shared):
            try:
                protected = case_services.protected_fields(referral.case)
            except DataKeyError:
                key_error = True
    elif who == "sender":
        shared = referral.shared_data(now)
    db.session.commit()
    actions = [
        a
        for (s, a) in TRANSITIONS
        if s == referral.status and a in (SENDER_ACTIONS if who == "sender" else RECEIVER_ACTIONS)
    ]
    forms = forms or {}
    for action in actions:
        if action not in forms:
            form = SendForm() if action == "send" else ActionForm()
            form.version.data = referral.version
            forms[action] = form
    return render(
        "referrals/referral.html",
        referral=referral,
        side=who,
        consent=consent,
        missing=missing,
        shared=shared,
        protected=protected,
        key_error=key_error,
        actions=actions,
        forms=forms,
        errors=errors,
        action_labels=ACTION_LABELS,
        note_labels=NOTE_LABELS,
        overdue=services.is_overdue(referral, now),
        locale=str(get_locale()),
        today=now.date(),
    ), status


@bp.route("/referrals/<code>")
@login_required
def show_referral(code):
    """One referral as its sender or its receiver sees it."""
    referral = services.referral_or_404(code, current_user)
    return _page(referral)


@bp.route("/referrals/<code>/<action>", methods=["POST"])
@login_required
def act(code, action):
    """Send, cancel, accept, decline or report the outcome; refused changes say why."""
    if action not in (*SENDER_ACTIONS, *RECEIVER_ACTIONS):
        abort(404)
    referral = services.referral_or_404(code, current_user, "")
    form = SendForm() if action == "send" else ActionForm()
    if not form.validate_on_submit():
        db.session.rollback()
        return _page(referral, 422, [str(e) for errs in form.errors.values() for e in errs])
    try:
        if action == "send":
            services.send_referral(
                referral,
                current_user,
                form.version.data,
                form.override_reason.data or "",
                form.override_data.data or [],
            )
        else:
            services.act(referral, current_user, action, form.note.data or "", form.version.data)
    except ReferralError as error:
        db.session.rollback()
        db.session.refresh(referral)
        return _page(
            referral,
            409 if isinstance(error, services.ReferralConflict) else 422,
            [str(m) for m in error.messages],
            {action: form},
        )
    flash(_("The referral is now “%(status)s”.", status=STATUS_LABELS[referral.status]))
    return redirect_to(url_for("referrals.show_referral", code=referral.code))


@bp.route("/referrals")
@caseworker_required
def inbox():
    """Received referrals (new, overdue, in progress, closed) and the ones we sent."""
    now = case_services.utcnow()
    box = "sent" if request.args.get("box") == "sent" else "received"
    groups = {}
    if box == "received":
        rows = services.received(current_user)
        groups = {
            "overdue": [r for r in rows if services.is_overdue(r, now)],
            "new": [r for r in rows if r.status == "sent" and not services.is_overdue(r, now)],
            "in_progress": [r for r in rows if r.status == "accepted"],
            "closed": [r for r in rows if r.status not in ("sent", "accepted")],
        }
    else:
        groups = {"sent": services.sent_by(current_user)}
    record_event("referrals:inbox:read", "organisation", current_user.organisation_id)
    db.session.commit()
    return render(
        "referrals/inbox.html",
        box=box,
        groups=groups,
        now=now,
        is_overdue=services.is_overdue,
        locale=str(get_locale()),
    )


@bp.route("/notifications")
@caseworker_required
def notifications():
    """New referrals and answers; seeing them marks them read."""
    rows = notify.latest(current_user)
    unread = {n.id for n in rows if n.read_at is None}
    notify.mark_read(current_user)
    return render(
        "referrals/notifications.html", notices=rows, unread=unread, notice_labels=NOTICE_LABELS
    )
