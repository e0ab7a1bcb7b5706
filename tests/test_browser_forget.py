"""Forget this site, in Chromium: after the button, the offline copy, the worker and the cookies are
gone and saved pages no longer open offline, with forget.js and with Clear-Site-Data alone."""

import pytest
from playwright.sync_api import Error

pytestmark = pytest.mark.browser

SAVED = "caches.keys().then((names) => Promise.all(names.map((n) => caches.open(n).then((c) => c.keys())))).then((k) => k.flat().length)"
WORKERS = "navigator.serviceWorker.getRegistrations().then((all) => all.length)"


def read_offline_first(tab, live_site):
    tab.goto(live_site.url + "/ru/guidance/refugees/")
    for _attempt in range(100):
        if tab.evaluate("caches.match('/ru/guidance/refugees/').then(Boolean)"):
            break
        tab.wait_for_timeout(100)
    assert tab.evaluate(SAVED) > 0 and tab.evaluate(WORKERS) == 1
    assert any(cookie["name"] == "django_language" for cookie in tab.context.cookies())


def assert_forgotten(tab, live_site):
    tab.locator("[data-forgotten]").wait_for()
    for _attempt in range(50):  # the browser clears site data in the background
        if tab.evaluate(SAVED) == 0 and tab.evaluate(WORKERS) == 0 and not tab.context.cookies():
            break
        tab.wait_for_timeout(100)
    assert tab.evaluate("caches.keys()") == []
    assert tab.evaluate(WORKERS) == 0
    assert tab.context.cookies() == []
    tab.context.set_offline(True)
    with pytest.raises(Error, match="ERR_INTERNET_DISCONNECTED"):
        tab.goto(live_site.url + "/ru/guidance/refugees/")


def test_the_button_forgets_everything(live_site, phone_page):
    read_offline_first(phone_page, live_site)
    phone_page.goto(live_site.url + "/ru/forget/")
    phone_page.locator("form[data-forget] button").click()
    assert_forgotten(phone_page, live_site)


def test_clear_site_data_forgets_everything_without_the_script(live_site, phone_page):
    phone_page.context.route("**/js/forget.*", lambda route: route.abort())
    read_offline_first(phone_page, live_site)
    phone_page.goto(live_site.url + "/ru/forget/")
    assert phone_page.evaluate(WORKERS) == 1
    phone_page.locator("form[data-forget] button").click()
    assert_forgotten(phone_page, live_site)


def test_the_offline_page_leads_to_it(live_site, phone_page):
    phone_page.goto(live_site.url + "/ru/offline/")
    phone_page.locator("main a[href='/ru/forget/']").click()
    phone_page.wait_for_url(live_site.url + "/ru/forget/")
    assert phone_page.locator("form[data-forget] button").is_visible()
