"""Quick exit: on every page, first in the header, a link that leaves for an ordinary site; it works
without JavaScript, and with JavaScript Back does not return to the site and Shift ×3 leaves too."""

import pytest
from django.conf import settings

pytestmark = pytest.mark.browser

EXIT = settings.QUICK_EXIT_URL
ELSEWHERE = "<!doctype html><title>Weather</title><h1>Weather</h1>"


def elsewhere(context):
    """The ordinary site, answered by the browser itself: the tests use no network."""
    context.route(EXIT.rstrip("/") + "/**", lambda route: route.fulfill(body=ELSEWHERE, content_type="text/html"))
    context.route(EXIT, lambda route: route.fulfill(body=ELSEWHERE, content_type="text/html"))


@pytest.fixture
def tab(browser):
    context = browser.new_context(viewport={"width": 360, "height": 740})
    elsewhere(context)
    yield context.new_page()
    context.close()


@pytest.fixture
def no_js_tab(browser):
    context = browser.new_context(java_script_enabled=False, viewport={"width": 360, "height": 740})
    elsewhere(context)
    yield context.new_page()
    context.close()


@pytest.mark.parametrize(("lang", "label"), [("en", "Exit this page"), ("ru", "Быстрый выход"), ("ar", "خروج سريع")])
def test_the_exit_is_first_in_the_header_and_easy_to_hit_on_a_phone(live_site, tab, lang, label):
    tab.goto(live_site.url + f"/{lang}/cities/almaty/")
    first = tab.locator("header > *").first
    assert first.get_attribute("class") == "quick-exit"
    assert first.inner_text() == label
    assert first.get_attribute("rel") == "noreferrer"
    box = first.bounding_box()
    assert box["height"] >= 44 and box["width"] >= 300
    assert box["y"] < 200, "on the first screen"


def test_without_javascript_it_is_a_plain_link(live_site, no_js_tab):
    no_js_tab.goto(live_site.url + "/en/guidance/refugees/")
    no_js_tab.locator(".quick-exit").click()
    no_js_tab.wait_for_url(EXIT)
    assert no_js_tab.locator("h1").inner_text() == "Weather"


def test_with_javascript_back_does_not_return_to_the_site(live_site, tab):
    tab.goto("about:blank")
    tab.goto(live_site.url + "/ru/guidance/asylum-seekers/")
    tab.locator(".quick-exit").click()
    tab.wait_for_url(EXIT)
    tab.go_back()
    assert not tab.url.startswith(live_site.url), tab.url
    assert tab.url == "about:blank"


def test_pressing_shift_three_times_leaves(live_site, tab):
    tab.goto("about:blank")
    tab.goto(live_site.url + "/en/")
    tab.keyboard.press("Shift")
    tab.keyboard.press("a")  # another key in between starts the count again
    tab.keyboard.press("Shift")
    tab.keyboard.press("Shift")
    tab.wait_for_timeout(300)
    assert tab.url.startswith(live_site.url), "two presses are not enough"
    tab.keyboard.press("Shift")
    tab.wait_for_url(EXIT)
    tab.go_back()
    assert tab.url == "about:blank"
