"""The whole referral loop in headless Chromium, as two caseworkers would do it."""

import re

import pytest
from playwright.sync_api import Page, expect

from tests import factories, tracker
from tests.test_browser import console_errors, sign_in  # noqa: F401  (fixture and helper)

pytestmark = pytest.mark.browser


@pytest.fixture
def net(app):
    from app.directory.seed import load_gazetteer
    from app.geo.places import forget_index

    net = tracker.network()
    load_gazetteer()
    forget_index()
    near = factories.location(net.receiver_org, city="Chiang Mai")
    net.service.location_links = []
    from app.directory.models import ServiceAtLocation
    from app.extensions import db

    net.service.location_links.append(ServiceAtLocation(location_id=near.id))
    db.session.commit()
    return net


def sign_out(page: Page):
    page.get_by_role("button", name="Sign out").click()


def test_open_consent_search_refer_answer_and_see_the_outcome(
    page: Page,
    live_server,
    net,
    console_errors,  # noqa: F811
):
    sign_in(page, live_server, "sender@test.example")
    page.get_by_role("link", name="Cases").click()
    page.get_by_role("link", name="Open a case").click()
    page.get_by_label("Name or alias").fill("Lan Nguyen")
    page.get_by_label("Estimated age").fill("24")
    page.get_by_label("Province where identified").select_option(label="Chiang Mai")
    page.get_by_label("Emergency shelter").check()
    page.get_by_role("button", name="Open the case").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Case ")
    code = re.search(r"Case (\S+)", page.get_by_role("heading", level=1).inner_text()).group(1)

    page.get_by_role("link", name="Record consent").click()
    page.get_by_label("Receiving Centre").check()
    page.get_by_label("Identity (name or alias)").check()
    page.get_by_label("Needs", exact=True).check()
    page.get_by_role("button", name="Record consent").click()
    expect(page.get_by_text("Consent recorded.")).to_be_visible()

    page.get_by_role("link", name="Find services for this need").click()
    expect(page.get_by_text(f"Finding a service for case {code}.")).to_be_visible()
    choices = page.locator(".choices a")
    if choices.count():
        choices.first.click()
    result = page.locator(".results > li").filter(has_text="Return and shelter programme")
    result.get_by_role("link", name="Refer to this service").click()
    expect(page.get_by_label("Case", exact=True)).to_have_value(code)
    page.get_by_label("Note for the receiving organisation").fill("Arrives by bus at 18:00")
    page.get_by_role("button", name="Send the referral").click()
    expect(page.get_by_text("Referral sent to Receiving Centre.")).to_be_visible()
    referral = re.search(r"Referral (\S+)", page.get_by_role("heading", level=1).inner_text())
    sign_out(page)

    sign_in(page, live_server, "receiver@test.example")
    expect(page.locator(".badge.count")).to_have_text("1")
    page.get_by_role("link", name="Referrals").click()
    page.get_by_role("link", name=referral.group(1)).click()
    expect(page.get_by_text("Lan Nguyen")).to_be_visible()
    page.get_by_role("button", name="Accept").click()
    expect(page.get_by_text("The referral is now “Accepted”.")).to_be_visible()
    page.get_by_label("Outcome").fill("Stayed three weeks, then went home safely")
    page.get_by_role("button", name="Report: completed").click()
    expect(page.get_by_text("The referral is now “Completed”.")).to_be_visible()
    sign_out(page)

    sign_in(page, live_server, "sender@test.example")
    page.get_by_role("link", name="Notifications").click()
    expect(page.get_by_text("Your referral was completed")).to_be_visible()
    page.goto(f"{live_server}/cases/{code}")
    timeline = page.locator(".timeline")
    expect(timeline).to_contain_text("Referral to Receiving Centre: Completed")
    expect(timeline).to_contain_text("Stayed three weeks, then went home safely")
    assert console_errors == []


def test_dashboard_filters_update_the_figures_and_the_url(
    page: Page,
    live_server,
    app,
    console_errors,  # noqa: F811
):
    net = tracker.network()
    coordinator = factories.user("coord@test.example", net.sender_org, ["coordinator"])
    for number in range(7):
        case = tracker.case(net)
        tracker.consent(net, case)
        tracker.consent(net, case, kind="reporting", organisations=[], data=())
        tracker.referral(net, case, urgency="emergency" if number < 5 else "normal")
    sign_in(page, live_server, coordinator.email)
    page.get_by_role("link", name="Dashboard").click()
    headline = page.locator(".headline")
    expect(headline).to_have_text("7")
    page.evaluate("window.__notReloaded = true")
    page.get_by_label("Urgency").select_option(label="Emergency")
    expect(headline).to_have_text("5")
    expect(page).to_have_url(re.compile(r"urgency=emergency"))
    page.get_by_label("Urgency").select_option(label="Normal")
    expect(headline).to_have_text("<5")
    assert page.evaluate("window.__notReloaded") is True
    page.go_back()
    expect(headline).to_have_text("5")
    assert console_errors == []
