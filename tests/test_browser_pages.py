"""In a real browser at 360 px: pages fit the screen, and right-to-left pages are mirrored."""


import pytest
from playwright.sync_api import expect

from .pages import PUBLIC_PATHS
from .screenshots import keep_screenshot

pytestmark = pytest.mark.browser



@pytest.mark.parametrize("lang", ["en", "ru", "ar"])
@pytest.mark.parametrize("path", [*PUBLIC_PATHS, "/{lang}/partners/?city=almaty&service=legal-counselling"])
def test_page_fits_a_phone_screen(live_site, reading_tab, lang, path):
    url = live_site.url + path.format(lang=lang)
    response = reading_tab.goto(url)
    assert response.status == 200
    name = path.format(lang=lang).strip("/").replace("/", "_").replace("?", "_")
    keep_screenshot(reading_tab, f"{name}", full_page=True)
    overflow = reading_tab.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 0, f"{url} scrolls sideways by {overflow}px"


def test_arabic_page_is_mirrored(live_site, reading_tab):
    reading_tab.goto(live_site.url + "/ar/cities/almaty/")
    assert reading_tab.evaluate("getComputedStyle(document.body).direction") == "rtl"
    # In RTL the menu, first on the first line, sits at the right, where an Arabic reader starts.
    menu = reading_tab.locator(".site-bar summary").first.bounding_box()
    assert menu["x"] > 180
    phone = reading_tab.locator("main a.phone").first
    assert phone.evaluate("el => getComputedStyle(el).direction") == "ltr"


def test_site_works_without_javascript(browser, live_site):
    context = browser.new_context(java_script_enabled=False, viewport={"width": 360, "height": 740})
    page = context.new_page()
    page.goto(live_site.url + "/en/partners/")
    page.select_option("select[name=city]", "almaty")
    page.select_option("select[name=service]", "medical-assistance")
    page.click("form.filter button")
    # The click only starts the navigation: wait for the filtered page to load before reading it.
    page.wait_for_url(lambda url: "city=almaty" in url)
    expect(page.locator("main")).to_contain_text("Kazakhstan Red Crescent Society")
    context.close()
