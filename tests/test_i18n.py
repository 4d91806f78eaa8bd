"""Five languages, switchable on every page, remembered per user."""

import pytest
from babel.dates import format_date

from tests import factories


def switch(web, locale, next_url="/", page="/"):
    return web.submit(page, "/language", data={"locale": locale, "next": next_url})


@pytest.mark.parametrize("locale", ["vi", "ms", "id", "th"])
def test_every_language_changes_the_page(web, locale):
    english = web.get("/").get_data(as_text=True)
    response = switch(web, locale)
    assert response.status_code == 302 and response.location == "/"
    page = web.get("/").get_data(as_text=True)
    assert f'<html lang="{locale}">' in page
    assert "Where to go next" in english and "Where to go next" not in page
    login_page = web.get("/auth/login").get_data(as_text=True)
    assert 'aria-current="true"' in login_page and f'value="{locale}"' in login_page


def test_choice_sticks_to_the_user_across_browsers(app, web, admin_user):
    web.login(admin_user.email)
    switch(web, "th")
    assert admin_user.locale == "th"
    web.logout()
    other = app.test_client()
    from tests.conftest import Browser

    fresh = Browser(other)
    fresh.login(admin_user.email)
    assert '<html lang="th">' in fresh.get("/").get_data(as_text=True)


def test_browser_language_is_the_first_guess(client):
    page = client.get("/", headers={"Accept-Language": "vi-VN,vi;q=0.9,en;q=0.5"})
    assert '<html lang="vi">' in page.get_data(as_text=True)


def test_unknown_language_is_ignored(web):
    switch(web, "xx")
    assert '<html lang="en">' in web.get("/").get_data(as_text=True)


def test_error_pages_speak_the_language(web):
    switch(web, "id")
    page = web.get("/no-such-page").get_data(as_text=True)
    assert "Page not found" not in page and '<html lang="id">' in page


def test_language_switch_redirects_only_inside_the_app(web):
    response = switch(web, "ms", next_url="https://evil.example/")
    assert response.location == "/"


def test_language_switch_needs_csrf(client):
    assert client.post("/language", data={"locale": "th"}).status_code == 400


def test_dates_follow_the_locale(web, org):
    admin = factories.user("a2@test.example", org, ["admin"])
    web.login(admin.email)
    switch(web, "th", f"/admin/users/{admin.id}", page=f"/admin/users/{admin.id}")
    page = web.get(f"/admin/users/{admin.id}").get_data(as_text=True)
    thai_date = format_date(admin.last_login_at, format="medium", locale="th")
    english_date = format_date(admin.last_login_at, format="medium", locale="en")
    assert thai_date in page and english_date not in page


@pytest.mark.parametrize("locale", ["en", "vi", "ms", "id", "th"])
def test_distances_are_written_as_babel_writes_them(app, locale):
    from flask_babel import format_decimal

    from app.i18n import format_km

    with app.test_request_context(headers={"Accept-Language": locale}):
        for value in (0, 0.04, 0.05, 0.96, 1, 2.25, 12.3456, 99.95, 250, 1234.56, 20000.04):
            assert format_km(value) == format_decimal(round(value, 1)), value
    assert format_km(1234.5) != format_km(1234.0)


def test_templates_translate_as_jinja_newstyle_gettext_does(app):
    """The templates' `_`, `ngettext` and `{% trans %}`: translated in the reader's language,
    the string itself trusted, what is put into it escaped."""
    from flask import render_template_string

    template = (
        '{{ _("Near %(place)s", place="<b>Chiang Mai</b>") }}|'
        '{{ ngettext("%(num)d service", "%(num)d services", 3) }}|'
        '{{ gettext("Find help") }}|{% trans %}Find help{% endtrans %}|{{ _("100%% sure") }}|'
        '{{ _("Only cases whose reporting consent is valid are counted. Numbers below %(n)d show '
        'as “<%(n)d”; a number that could give one away through a total shows as “×”.", n=5) }}'
    )
    written = {}
    for locale in ("th", "en"):  # each a request of its own, as Flask-Babel keeps its choice
        with app.app_context(), app.test_request_context(headers={"Accept-Language": locale}):
            written[locale] = render_template_string(template).split("|")
    thai, english = written["th"], written["en"]
    assert thai[0] == "ใกล้ &lt;b&gt;Chiang Mai&lt;/b&gt;"
    assert english[0] == "Near &lt;b&gt;Chiang Mai&lt;/b&gt;"
    assert thai[1] == "บริการ 3 รายการ" and english[1] == "3 services"
    assert thai[2] == thai[3] != "Find help" and english[2] == english[3] == "Find help"
    assert thai[4] == english[4] == "100% sure"  # always %-formatted, as Jinja's own
    assert "“<5”" in english[5] and "“<5”" in thai[5] and thai[5] != english[5]
