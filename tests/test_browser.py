"""Headless Chromium against the app on 127.0.0.1: sign-in, languages, HTMX swaps."""

import re

import pytest
from playwright.sync_api import Page, expect

from tests import factories

pytestmark = pytest.mark.browser


@pytest.fixture
def console_errors(page: Page):
    """Collect script errors, CSP violations and missing files the browser met."""
    errors = []

    def on_console(message):
        # A 401 or 422 answer is logged as "Failed to load resource"; those are expected here.
        if message.type == "error" and not message.text.startswith("Failed to load resource"):
            errors.append(message.text)

    page.on("console", on_console)
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on("response", lambda r: r.status == 404 and errors.append(f"404 {r.url}"))
    return errors


def sign_in(page: Page, base: str, email: str):
    page.goto(f"{base}/auth/login")
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password").fill(factories.PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_role("button", name="Sign out")).to_be_visible()


def test_sign_in_and_out(page: Page, live_server, admin_user, console_errors):
    page.goto(f"{live_server}/auth/login")
    page.get_by_label("Email").fill(admin_user.email)
    page.get_by_label("Password").fill("wrong password!")
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_role("alert")).to_contain_text("Those details did not work")
    sign_in(page, live_server, admin_user.email)
    expect(page.get_by_role("link", name="Administration")).to_be_visible()
    page.get_by_role("button", name="Sign out").click()
    expect(page.get_by_text("You have signed out.")).to_be_visible()
    assert console_errors == []


def test_language_switch_sticks(page: Page, live_server, console_errors):
    page.goto(live_server)
    page.get_by_role("button", name="ไทย").click()
    expect(page.locator("html")).to_have_attribute("lang", "th")
    expect(page.get_by_role("heading", level=2)).not_to_have_text("Where to go next")
    page.goto(f"{live_server}/auth/login")
    expect(page.locator("html")).to_have_attribute("lang", "th")
    page.get_by_role("button", name="Tiếng Việt").click()
    expect(page.locator("html")).to_have_attribute("lang", "vi")
    assert page.url.endswith("/auth/login")
    assert console_errors == []


def test_user_filter_swaps_rows_without_reload(
    page: Page, live_server, admin_user, org, console_errors
):
    factories.user("findme@test.example", org, ["caseworker"])
    sign_in(page, live_server, admin_user.email)
    page.goto(f"{live_server}/admin/users")
    page.evaluate("window.__notReloaded = true")
    expect(page.locator("#user-rows tbody tr")).to_have_count(2)
    page.get_by_label("Find a user by email, name or organisation").fill("findme")
    expect(page.locator("#user-rows tbody tr")).to_have_count(1)
    expect(page.locator("#user-rows")).to_contain_text("findme@test.example")
    expect(page).to_have_url(re.compile(r"/admin/users\?q=findme$"))
    assert page.evaluate("window.__notReloaded") is True
    assert console_errors == []


def test_roles_form_and_errors_swap_in_place(
    page: Page, live_server, admin_user, org, console_errors
):
    worker = factories.user("worker@test.example", org, ["caseworker"])
    sign_in(page, live_server, admin_user.email)
    page.goto(f"{live_server}/admin/users/{worker.id}")
    page.evaluate("window.__notReloaded = true")
    page.get_by_label("Coordinator").check()
    page.get_by_role("button", name="Save roles").click()
    expect(page.get_by_text("Roles saved.")).to_be_visible()
    assert page.evaluate("window.__notReloaded") is True
    page.goto(f"{live_server}/admin/organisations")
    page.evaluate("window.__notReloaded = true")
    page.get_by_role("button", name="Add organisation").click()
    expect(page.get_by_text("Enter a short code.")).to_be_visible()
    expect(page.get_by_text("Enter the name.")).to_be_visible()
    assert page.evaluate("window.__notReloaded") is True
    page.get_by_label("Code").fill("BR-NEW")
    page.get_by_label("Name", exact=True).fill("Browser Org")
    page.get_by_label("Country").select_option("KH")
    page.get_by_role("button", name="Add organisation").click()
    expect(page.get_by_text("Organisation BR-NEW created.")).to_be_visible()
    assert console_errors == []


def test_editor_keeps_a_listing_true_through_htmx(page: Page, live_server, app, org,
                                                  console_errors):  # fmt: skip
    from app.extensions import db

    needs = factories.taxonomy()
    place = factories.location(org)
    listing = factories.service(org, [needs["emergency_shelter"]], [place], beds_total=8,
                                beds_available=3)  # fmt: skip
    editor = factories.user("editor@test.example", org, ["directory_editor"])
    sign_in(page, live_server, editor.email)
    page.goto(f"{live_server}/my/services/{listing.id}/edit")
    page.evaluate("window.__notReloaded = true")
    # A field is checked as soon as the editor leaves it.
    page.get_by_label("Youngest age served").fill("30")
    page.get_by_label("Oldest age served").fill("20")
    page.get_by_label("Oldest age served").blur()
    expect(page.get_by_text("The oldest age cannot be below the youngest age.")).to_be_visible()
    page.get_by_label("Oldest age served").fill("60")
    page.get_by_label("Oldest age served").blur()
    expect(page.get_by_text("The oldest age cannot be below the youngest age.")).to_be_hidden()
    # Meanwhile a colleague saves the same listing.
    listing.name = "Renamed by a colleague"
    db.session.commit()
    page.get_by_label("Name of the service").fill("My new name")
    page.get_by_role("button", name="Save listing").click()
    expect(page.get_by_text("Someone else saved this listing while you were editing it.")
           ).to_be_visible()  # fmt: skip
    expect(page.get_by_role("cell", name="Renamed by a colleague")).to_be_visible()
    assert page.evaluate("window.__notReloaded") is True
    # Saving again keeps this editor's version, knowingly.
    page.get_by_role("button", name="Save listing").click()
    expect(page.get_by_text("Saved. Thank you for keeping the directory true.")).to_be_visible()
    db.session.expire_all()
    assert listing.name == "My new name" and listing.min_age == 30
    # One click: still correct.
    page.get_by_role("button", name="Still correct").click()
    expect(page.locator(f"#service-{listing.id}")).to_contain_text("Saved.")
    assert console_errors == []


def test_a_correction_made_as_an_error_appears_is_checked(page: Page, live_server, org,
                                                         console_errors):  # fmt: skip
    needs = factories.taxonomy()
    listing = factories.service(org, [needs["emergency_shelter"]], [factories.location(org)])
    editor = factories.user("editor@test.example", org, ["directory_editor"])
    sign_in(page, live_server, editor.email)
    page.goto(f"{live_server}/my/services/{listing.id}/edit")
    page.get_by_label("Youngest age served").fill("30")
    page.get_by_label("Oldest age served").fill("20")
    # The editor puts the oldest age right at the very moment the error about it is shown.
    page.evaluate("""async () => {
        const shown = new Promise(resolve => document.body.addEventListener("htmx:afterSwap",
            event => event.target.id === "field-max_age" && resolve()));
        document.getElementById("max_age").blur();
        await shown;
        const oldest = document.getElementById("max_age");
        oldest.value = "60";
        oldest.dispatchEvent(new Event("change", {bubbles: true}));
    }""")
    expect(page.get_by_text("The oldest age cannot be below the youngest age.")).to_be_hidden()
    expect(page.get_by_label("Oldest age served")).to_have_value("60")
    assert console_errors == []


def test_find_help_by_place_and_need(page: Page, live_server, app, console_errors):
    from app.directory.seed import load_demo_directory, load_gazetteer
    from app.geo.places import forget_index

    factories.taxonomy()
    load_gazetteer()
    load_demo_directory()
    forget_index()
    page.goto(f"{live_server}/search")
    page.get_by_label("Near a place").fill("chiang ma")
    page.get_by_role("link", name="Chiang Mai, TH-50 · Thailand").click()
    expect(page.locator(".where")).to_contain_text("Near Chiang Mai")
    expect(page).to_have_url(re.compile(r"place_id=1153671"))
    before = page.locator(".count").inner_text()
    page.evaluate("window.__notReloaded = true")
    page.get_by_text("What help is needed").click()
    page.get_by_label("Legal information and aid").check()
    expect(page.locator(".count")).not_to_have_text(before)
    expect(page).to_have_url(re.compile(r"category=legal_aid"))
    assert page.evaluate("window.__notReloaded") is True
    distances = [float(t.split()[0]) for t in page.locator(".distance").all_inner_texts()]
    assert distances == sorted(distances)
    page.go_back()
    expect(page.locator(".count")).to_have_text(before)
    expect(page).not_to_have_url(re.compile(r"category=legal_aid"))
    assert console_errors == []


class TestMap:
    @pytest.fixture
    def app_config(self):
        return {"MAP_TILE_URL": "http://127.0.0.1:9/{z}/{x}/{y}.png"}  # no tile server: offline

    def test_map_shows_pins_and_the_list_without_tiles(self, page: Page, live_server, app,
                                                       console_errors):  # fmt: skip
        from app.directory.seed import load_demo_directory, load_gazetteer
        from app.geo.places import forget_index

        factories.taxonomy()
        load_gazetteer()
        load_demo_directory()
        forget_index()
        page.goto(f"{live_server}/search/map?place=Bangkok&radius_km=25")
        expect(page.locator(".leaflet-marker-icon").first).to_be_visible()
        expect(page.locator(".results li").first).to_be_visible()
        assert console_errors == []
