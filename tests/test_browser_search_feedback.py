"""In a real browser with JavaScript off: the search box and "Was this page useful?" work as plain forms."""

import sqlite3

import pytest

from .screenshots import keep_screenshot

pytestmark = pytest.mark.browser



@pytest.fixture
def no_js_page(browser):
    context = browser.new_context(java_script_enabled=False, viewport={"width": 360, "height": 740})
    yield context.new_page()
    context.close()


def votes(live_site):
    database = live_site.env["DATABASE_URL"].removeprefix("sqlite:///")
    with sqlite3.connect(database) as db:
        return db.execute("SELECT language, useful, reason FROM guidance_feedbackvote ORDER BY id").fetchall()


def test_search_box_on_a_page_finds_the_section(live_site, no_js_page):
    no_js_page.goto(live_site.url + "/en/cities/almaty/")
    no_js_page.locator(".site-menu summary").click()  # the search box is in the menu
    no_js_page.get_by_label("Search this site").fill("rejected")
    no_js_page.get_by_label("Search this site").press("Enter")
    no_js_page.wait_for_url(lambda url: url.endswith("/en/search/"))  # posted: the words are in no address
    first = no_js_page.locator(".search-results > li").first
    assert first.locator("mark").first.inner_text().lower() == "rejected"
    first.locator("h2 a").click()
    no_js_page.wait_for_url(lambda url: url.endswith("/en/guidance/asylum-seekers/#if-your-application-is-rejected"))


def test_arabic_search_page_fits_a_phone_and_mirrors(live_site, no_js_page):
    no_js_page.goto(live_site.url + "/ar/search/?q=" + "x" * 300)
    assert no_js_page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth") <= 0
    box = no_js_page.locator(".site-search input").bounding_box()
    button = no_js_page.locator(".site-search button").bounding_box()
    assert button["x"] < box["x"]  # right-to-left: the button comes after the box, on its left
    keep_screenshot(no_js_page, "ar_search_no_results", full_page=True)


def test_no_then_a_reason_without_javascript(live_site, no_js_page):
    before = len(votes(live_site))
    no_js_page.goto(live_site.url + "/ru/guidance/stateless/")
    no_js_page.locator(".feedback button[value=no]").click()
    assert no_js_page.url.endswith("/ru/guidance/stateless/feedback/")
    no_js_page.locator("input[name=reason][value=language]").check()
    keep_screenshot(no_js_page, "ru_feedback_reason", full_page=True)
    no_js_page.locator(".feedback-reason button").click()
    assert no_js_page.locator("input[name=reason]").count() == 0
    assert votes(live_site)[before:] == [("ru", 0, "language")]

    # Back on the page, answering again changes nothing: one answer per page per session.
    no_js_page.goto(live_site.url + "/ru/guidance/stateless/")
    no_js_page.locator(".feedback button[value=yes]").click()
    assert len(votes(live_site)) == before + 1


def test_yes_is_thanked(live_site, no_js_page):
    before = len(votes(live_site))
    no_js_page.goto(live_site.url + "/en/guidance/refugees/")
    no_js_page.locator(".feedback button[value=yes]").click()
    assert no_js_page.locator("h1").inner_text() == "Thank you for your answer"
    assert votes(live_site)[before:] == [("en", 1, "")]
