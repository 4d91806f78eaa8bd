"""Directory editors keep their own organisation's listings true."""

from flask import abort, flash, render_template, request, url_for
from flask_babel import get_locale
from flask_babel import gettext as _
from flask_login import current_user
from sqlalchemy import select
from wtforms.fields.choices import SelectChoice

from app.auth import roles_required
from app.directory import services
from app.directory.blueprint import bp
from app.directory.forms import (
    LOCALES,
    CapacityForm,
    LocationForm,
    ServiceForm,
    StatusForm,
    province_choices,
)
from app.directory.models import Service
from app.directory.services import EDITABLE_FIELDS, Conflict, DirectoryError, ServiceData
from app.extensions import db
from app.forms import EmptyForm
from app.rendering import redirect_to, render

editor_required = roles_required("directory_editor")


def _organisation():
    return current_user.organisation


def _prepare(form: ServiceForm) -> ServiceForm:
    """Fill the choices that depend on the language and the editor's organisation."""
    locale = str(get_locale())
    form.categories.choices = [SelectChoice(c.id, c.name(locale)) for c in services.categories()]
    form.areas.choices = province_choices(_organisation().country)
    form.locations.choices = [
        SelectChoice(loc.id, f"{loc.name} — {loc.city}")
        for loc in services.organisation_locations(_organisation().id)
    ]
    return form


def _initial(service: Service) -> dict:
    data = services.snapshot(service)
    data["categories"] = data.pop("category_ids")
    data["locations"] = data.pop("location_ids")
    data["areas"] = [a.province_code or a.country for a in service.areas]
    for text in service.texts:
        data[f"name_{text.locale}"] = text.name
        data[f"description_{text.locale}"] = text.description
    for schedule in service.schedules:
        data[f"opens_{schedule.weekday}"] = schedule.opens_at
        data[f"closes_{schedule.weekday}"] = schedule.closes_at
    data["version"] = service.version
    return data


def _schedules(form: ServiceForm) -> list | None:
    rows = []
    for day in range(7):
        opens, closes = form[f"opens_{day}"], form[f"closes_{day}"]
        if opens.data is None and closes.data is None:
            continue
        if opens.data is None or closes.data is None or opens.data >= closes.data:
            closes.errors = [*closes.errors, _("Give an opening time before the closing time.")]
            return None
        rows.append((day, opens.data, closes.data))
    return rows


def _service_data(form: ServiceForm) -> ServiceData | None:
    schedules = _schedules(form)
    if schedules is None:
        return None
    numbers = ("min_age", "max_age", "beds_total", "beds_available")
    fields = {}
    for name in EDITABLE_FIELDS:
        value = form[name].data
        if name in numbers or isinstance(value, bool):
            fields[name] = value
        else:
            fields[name] = (value or "").strip()
    areas = [(code[:2], code if "-" in code else None) for code in form.areas.data or []]
    texts = {
        locale: ((form[f"name_{locale}"].data or "").strip(),
                 (form[f"description_{locale}"].data or "").strip())
        for locale in LOCALES if locale != fields["original_locale"]
    }  # fmt: skip
    return ServiceData(
        fields=fields,
        category_ids=form.categories.data or [],
        languages=form.languages.data or [],
        genders=form.genders.data or [],
        exploitation_forms=form.exploitation_forms.data or [],
        schedules=schedules,
        areas=areas,
        texts=texts,
        location_ids=form.locations.data or [],
    )


@bp.route("/my/services")
@editor_required
def my_services():
    """The editor's own organisation's listings, oldest check first."""
    rows = db.session.scalars(
        select(Service)
        .where(Service.organisation_id == current_user.organisation_id)
        .order_by(Service.last_verified_at.asc().nulls_first(), Service.name)
    ).all()
    stale = [s for s in rows if services.is_stale(s)]
    return render(
        "directory/my_services.html",
        services=rows,
        stale=stale,
        is_stale=services.is_stale,
        nudge=services.latest_nudge(current_user.organisation_id) if stale else None,
        locations=services.organisation_locations(current_user.organisation_id),
    )


def _version(form) -> int:
    """The version of the listing the form was filled from; an altered one matches none, so
    the editor is shown what changed instead of saving over it."""
    try:
        return int(form.version.data or 0)
    except ValueError:
        return -1


@bp.route("/my/services/new", methods=["GET", "POST"])
@bp.route("/my/services/<service_id>/edit", methods=["GET", "POST"])
@editor_required
def edit_service(service_id: str | None = None):
    """Create or edit a listing; a stale save is refused with what changed."""
    service = services.editable_service_or_404(service_id, current_user) if service_id else None
    if request.method == "GET":
        form = _prepare(ServiceForm(data=_initial(service) if service else None))
    else:
        form = _prepare(ServiceForm())
    conflict = None
    if form.validate_on_submit():
        data = _service_data(form)
        try:
            if data is None:
                raise DirectoryError("")
            if service is None:
                service = services.create_service(_organisation(), data, current_user)
            else:
                services.update_service(service, data, _version(form), current_user)
        except Conflict as exc:
            db.session.rollback()
            conflict = exc.differences
            form.version.data = exc.service.version
        except DirectoryError as exc:
            db.session.rollback()
            if str(exc):
                form.name.errors = [*form.name.errors, str(exc)]
        else:
            flash(_("Saved. Thank you for keeping the directory true."))
            return redirect_to(url_for("directory.my_services"))
    status = 422 if request.method == "POST" else 200
    labels = {name: form[name].label.text for name in form._fields}
    return render(
        "directory/service_form.html",
        block="service_form",
        form=form,
        service=service,
        conflict=conflict,
        labels=labels,
        locales=LOCALES,
    ), status


@bp.route("/my/services/validate", methods=["POST"])
@editor_required
def validate_field():
    """Check one field of the listing form as the editor leaves it."""
    form = _prepare(ServiceForm())
    name = request.args.get("field", "")
    if name not in form._fields or name in ("csrf_token", "version"):
        abort(400)
    form.validate()
    if name.startswith(("opens_", "closes_")):
        _schedules(form)
    return render_template("directory/_field.html", field=form[name])


@bp.route("/my/services/<service_id>/verify", methods=["POST"])
@editor_required
def verify_service(service_id: str):
    """One click: the listing is still correct."""
    service = services.editable_service_or_404(service_id, current_user)
    if not EmptyForm().validate_on_submit():
        abort(400)
    services.verify_service(service, current_user)
    return _row_or_redirect(service)


@bp.route("/my/services/<service_id>/status", methods=["POST"])
@editor_required
def change_status(service_id: str):
    """Mark a listing open, temporarily closed, inactive or closed for good."""
    service = services.editable_service_or_404(service_id, current_user)
    form = StatusForm()
    if not form.validate_on_submit():
        abort(400)
    services.set_status(service, form.status.data, current_user)
    return _row_or_redirect(service)


@bp.route("/my/services/<service_id>/capacity", methods=["POST"])
@editor_required
def update_capacity(service_id: str):
    """Update the number of shelter beds, free and in total."""
    service = services.editable_service_or_404(service_id, current_user)
    form = CapacityForm()
    error = None
    if form.validate_on_submit():
        try:
            services.update_capacity(
                service, form.beds_total.data, form.beds_available.data, current_user
            )
        except DirectoryError as exc:
            db.session.rollback()
            error = str(exc)
    else:
        error = next(iter(e for errors in form.errors.values() for e in errors), None)
    if error:
        return render(
            "directory/my_services.html",
            block="service_row",
            service=service,
            is_stale=services.is_stale,
            row_error=error,
        ), 422
    return _row_or_redirect(service)


def _row_or_redirect(service: Service):
    if request.headers.get("HX-Request"):
        return render(
            "directory/my_services.html",
            block="service_row",
            service=service,
            is_stale=services.is_stale,
            row_saved=True,
        )
    flash(_("Saved. Thank you for keeping the directory true."))
    return redirect_to(url_for("directory.my_services"))


@bp.route("/my/locations/new", methods=["GET", "POST"])
@bp.route("/my/locations/<location_id>/edit", methods=["GET", "POST"])
@editor_required
def edit_location(location_id: str | None = None):
    """Add or edit a place where the organisation offers services."""
    location = services.editable_location_or_404(location_id, current_user) if location_id else None
    form = LocationForm(obj=location)
    country = _organisation().country
    form.province_code.choices = [SelectChoice("", _("Choose…"))] + [
        choice for choice in province_choices(country)[1:]
    ]
    if form.validate_on_submit():
        names = dict((c.value, c.label) for c in form.province_code.choices)
        values = {
            "name": form.name.data.strip(),
            "address_line": (form.address_line.data or "").strip(),
            "city": form.city.data.strip(),
            "province_code": form.province_code.data or None,
            "province": names.get(form.province_code.data, "") if form.province_code.data else "",
            "postal_code": (form.postal_code.data or "").strip(),
            "country": country,
            "latitude": float(form.latitude.data) if form.latitude.data is not None else None,
            "longitude": float(form.longitude.data) if form.longitude.data is not None else None,
            "confidential": form.confidential.data,
        }
        services.save_location(location, _organisation().id, values)
        flash(_("Location saved."))
        return redirect_to(url_for("directory.my_services"))
    status = 422 if request.method == "POST" else 200
    return render(
        "directory/location_form.html", block="location_form", form=form, location=location
    ), status
