"""The first screen of a small phone (360 × 640): the page title starts within its first 240 px on every
page type, with the quick exit on the first line and the hotline one tap away; the language chooser and
the menu open without JavaScript."""


import pytest

from .conftest import LANGUAGE_CODES
from .pages import PUBLIC_PATHS
from .screenshots import keep_screenshot

pytestmark = pytest.mark.browser

SMALL_PHONE = {"width": 360, "height": 640}
TITLE_STARTS_WITHIN = 240  # px from the top of the screen
# Every public page type, and the plan page with an answer.
ALL_PATHS = [*PUBLIC_PATHS, "/{lang}/plan/", "/{lang}/plan/?situation=irregular&date=2026-11-30&city=almaty"]
PAGE_TYPES = {
    "home": "/{lang}/",
    "guidance": "/{lang}/guidance/asylum-seekers/",
    "city": "/{lang}/cities/almaty/",
    "partners": "/{lang}/partners/",
}


@pytest.fixture
def small_phone(reading_tab):
    reading_tab.set_viewport_size(SMALL_PHONE)
    return reading_tab


@pytest.fixture
def no_js_small_phone(browser):
    context = browser.new_context(viewport=SMALL_PHONE, java_script_enabled=False)
    page = context.new_page()
    yield page
    context.close()


def title_top(page):
    return page.locator("h1").first.bounding_box()["y"]


def screenshot(page, name):
    keep_screenshot(page, f"first-screen/{name}")  # the first screen only, as a reader sees it


@pytest.mark.parametrize("lang", ["en", "ar", "prs", "ru"])
@pytest.mark.parametrize("kind", PAGE_TYPES)
def test_title_and_hotline_are_on_the_first_screen(live_site, small_phone, lang, kind):
    response = small_phone.goto(live_site.url + PAGE_TYPES[kind].format(lang=lang))
    assert response.status == 200
    screenshot(small_phone, f"{lang}-{kind}")
    assert title_top(small_phone) <= TITLE_STARTS_WITHIN
    hotline = small_phone.locator("header a[href^='tel:']").first
    assert hotline.is_visible()
    box = hotline.bounding_box()
    assert box["y"] + box["height"] <= TITLE_STARTS_WITHIN, "the hotline is one tap away, above the title"


@pytest.mark.parametrize("lang", LANGUAGE_CODES)  # a test per language: the two workers share them
def test_every_page_type_in_every_language_starts_its_title_on_the_first_screen(live_site, no_js_small_phone, lang):
    late = []
    for path in ALL_PATHS:
        url = live_site.url + path.format(lang=lang)
        assert no_js_small_phone.goto(url).status == 200, url
        if (top := title_top(no_js_small_phone)) > TITLE_STARTS_WITHIN:
            late.append(f"{path.format(lang=lang)}: the title at {top:.0f} px")
        if no_js_small_phone.locator(".quick-exit").bounding_box()["y"] > 0:
            late.append(f"{path.format(lang=lang)}: the quick exit is not on the first line")
    assert late == [], "\n".join(late)


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_language_chooser_opens_without_javascript(live_site, no_js_small_phone, lang):
    page = no_js_small_phone
    page.goto(f"{live_site.url}/{lang}/cities/almaty/")
    dari = page.locator(".languages a[lang=prs]")
    assert not dari.is_visible()
    page.locator(".language-chooser summary").click()
    assert dari.is_visible()
    screenshot(page, f"{lang}-languages-open")
    dari.click()
    page.wait_for_url(lambda url: url.endswith("/prs/cities/almaty/"))
    assert page.locator("html").get_attribute("lang") == "prs"


def test_menu_opens_without_javascript_and_holds_the_search_box(live_site, no_js_small_phone):
    page = no_js_small_phone
    page.goto(f"{live_site.url}/prs/guidance/refugees/")
    search = page.locator(".site-menu input[type=search]")
    assert not search.is_visible()
    page.locator(".site-menu summary").click()
    assert search.is_visible() and page.locator(".site-nav a").first.is_visible()
    screenshot(page, "prs-menu-open")
    search.fill("UNHCR")
    with page.expect_response(lambda r: r.url.endswith("/prs/search/") and r.request.method == "POST") as answer:
        search.press("Enter")
    assert answer.value.status == 200 and "UNHCR" not in page.url  # the form posts: the words are in no address
    assert page.locator("main input[type=search]").input_value() == "UNHCR"  # the query stays editable


def test_city_page_copies_its_link(live_site, browser):
    context = browser.new_context(viewport=SMALL_PHONE, service_workers="block")
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=live_site.url)
    page = context.new_page()
    page.goto(f"{live_site.url}/en/cities/almaty/")
    tools = page.locator(".page-tools")
    assert tools.bounding_box()["y"] < page.locator("#apply").bounding_box()["y"] < 640
    page.get_by_role("button", name="Copy link").click()
    # The clipboard answers asynchronously: wait for the confirmation (it fails after 5 s).
    page.get_by_role("status").filter(has_text="Link copied").wait_for(state="visible", timeout=5000)
    assert page.evaluate("navigator.clipboard.readText()") == f"{live_site.url}/en/cities/almaty/"
    context.close()


def test_city_page_without_javascript_has_no_copy_button(live_site, no_js_small_phone):
    no_js_small_phone.goto(f"{live_site.url}/en/cities/almaty/")
    assert no_js_small_phone.locator(".page-tools a").count() == 3
    assert no_js_small_phone.locator(".page-tools button").count() == 0
