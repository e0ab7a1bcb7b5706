"""Quick exit: on every page, first in the header, a link that leaves for an ordinary site; it works
without JavaScript, and with JavaScript Back does not return to the site and Shift ×3 leaves too."""


import pytest
from django.conf import settings

from .screenshots import keep_screenshot

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
def test_the_exit_is_first_in_the_header_and_easy_to_hit_on_a_phone(live_site, reading_tab, lang, label):
    tab = reading_tab
    tab.goto(live_site.url + f"/{lang}/cities/almaty/")
    first = tab.locator("header a, header summary").first  # what the keyboard and screen readers reach first
    assert first.get_attribute("class") == "quick-exit"
    assert first.inner_text() == label
    assert first.get_attribute("rel") == "noreferrer"
    box = first.bounding_box()
    assert box["height"] >= 44 and box["width"] >= 88
    assert box["y"] == 0, "on the first line of the screen"
    # At the end of that line: top right, or top left in a right-to-left language.
    assert box["x"] <= 16 if lang == "ar" else box["x"] + box["width"] >= 360 - 16


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


LANGUAGES = [code for code, _name in settings.LANGUAGES]
# Twice the text: the phone's text size (root font size 200 %), or the browser's zoom (a 360 px
# phone zoomed to 200 % lays the page out 180 px wide).
LARGE_TEXT = {"text size 200 %": ({"width": 360, "height": 640}, "200%"), "zoom 200 %": ({"width": 180, "height": 320}, None)}


@pytest.mark.parametrize("size", LARGE_TEXT)
@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_tap_on_the_middle_of_the_exit_leaves_at_twice_the_text_size(live_site, browser, lang, size):
    viewport, font_size = LARGE_TEXT[size]
    context = browser.new_context(viewport=viewport, device_scale_factor=2)
    elsewhere(context)
    tab = context.new_page()
    try:
        tab.goto(live_site.url + f"/{lang}/cities/almaty/")
        if font_size:
            tab.evaluate(f"document.documentElement.style.fontSize = '{font_size}'")
        box = tab.locator(".quick-exit").bounding_box()
        assert box["y"] + box["height"] <= viewport["height"] / 2, "in the first half of the first screen"
        x, y = box["x"] + box["width"] / 2, box["y"] + box["height"] / 2
        on_top = tab.evaluate("([x, y]) => document.elementFromPoint(x, y).closest('a, summary, button')?.className", [x, y])
        assert on_top == "quick-exit", f"{on_top!r} covers the quick exit"
        tab.mouse.click(x, y)
        tab.wait_for_url(EXIT)
        assert tab.locator("h1").inner_text() == "Weather"
    finally:
        context.close()


def test_the_skip_link_shown_by_the_keyboard_pushes_the_header_down_rather_than_covering_it(live_site, browser):
    context = browser.new_context(viewport={"width": 360, "height": 640})
    tab = context.new_page()
    try:
        tab.goto(live_site.url + "/ru/")
        tab.evaluate("document.documentElement.style.fontSize = '200%'")
        tab.keyboard.press("Tab")
        skip = tab.locator(".skip-link")
        assert skip.evaluate("link => link === document.activeElement")
        skip_box, exit_box = skip.bounding_box(), tab.locator(".quick-exit").bounding_box()
        assert skip_box["width"] > 100 and skip_box["y"] >= 0, "seen by the person who pressed Tab"
        assert exit_box["y"] >= skip_box["y"] + skip_box["height"], "the quick exit comes below it, uncovered"
    finally:
        context.close()


WIDTHS = """() => {
    const band = document.querySelector(".site-band"), hotline = document.querySelector(".hotline");
    return {page: document.documentElement.scrollWidth, screen: innerWidth, band: [band.scrollWidth, band.clientWidth],
            hotline: [hotline.scrollWidth, hotline.clientWidth], hotlineRight: hotline.getBoundingClientRect().right,
            hotlineLeft: hotline.getBoundingClientRect().left};
}"""


@pytest.mark.parametrize("lang", LANGUAGES)
def test_nothing_is_wider_than_a_small_phone_at_twice_the_text_size(live_site, reading_tab, lang):
    """At 200 % text on a 360 px screen the page never scrolls sideways: the hotline band, its label and its
    number, the plan's button, in every language (screenshots in test-artifacts/large-text/)."""
    tab = reading_tab
    tab.set_viewport_size({"width": 360, "height": 640})
    for path in (f"/{lang}/", f"/{lang}/cities/almaty/"):
        assert tab.goto(live_site.url + path).status == 200, path
        tab.evaluate("document.documentElement.style.fontSize = '200%'")
        widths = tab.evaluate(WIDTHS)
        assert widths["page"] <= widths["screen"], (path, widths)
        assert widths["band"][0] <= widths["band"][1] and widths["hotline"][0] <= widths["hotline"][1], (path, widths)
        assert widths["hotlineLeft"] >= 0 and widths["hotlineRight"] <= widths["screen"], (path, widths)
    keep_screenshot(tab, f"large-text/city-{lang}")
