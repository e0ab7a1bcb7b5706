"""Without a connection, the pages a person opened stay readable, and the others say clearly that
the reader is offline, in the reader's language."""

import pytest

pytestmark = pytest.mark.browser

SAVED = "caches.open('help-site-v2').then((cache) => cache.match(%r)).then(Boolean)"


@pytest.fixture
def tab(phone_page):
    return phone_page  # service workers are allowed: a fresh context each test


def wait_until_saved(tab, path):
    for _attempt in range(100):
        if tab.evaluate(SAVED % path):
            return
        tab.wait_for_timeout(100)
    raise AssertionError(f"{path} was not saved for offline reading")


def test_the_first_page_opened_is_readable_offline(live_site, tab):
    tab.goto(live_site.url + "/ar/guidance/refugees/")
    heading = tab.locator("h1").inner_text()
    wait_until_saved(tab, "/ar/guidance/refugees/")
    assert tab.locator("#offline-note").is_hidden()
    tab.context.set_offline(True)
    tab.reload()
    assert tab.locator("h1").inner_text() == heading
    assert tab.locator("html").get_attribute("dir") == "rtl"
    assert tab.locator("#offline-note").is_visible(), "the reader is told this is a saved copy"
    # the stylesheet came from the device too
    assert tab.evaluate("getComputedStyle(document.querySelector('.site-header')).backgroundColor") == "rgb(0, 89, 160)"


def test_pages_opened_later_are_readable_offline_and_others_show_the_offline_page(live_site, tab):
    tab.goto(live_site.url + "/ru/")
    wait_until_saved(tab, "/ru/offline/")
    tab.goto(live_site.url + "/ru/cities/almaty/")
    offices = tab.locator("main").inner_text()
    wait_until_saved(tab, "/ru/cities/almaty/")
    tab.goto(live_site.url + "/ru/offline/")
    offline_heading = tab.locator("h1").inner_text()
    tab.context.set_offline(True)

    tab.goto(live_site.url + "/ru/cities/almaty/")
    assert tab.locator("main").inner_text() == offices
    tab.goto(live_site.url + "/ru/partners/bhr/")  # never opened
    assert tab.locator("h1").inner_text() == offline_heading
    assert tab.locator("html").get_attribute("lang") == "ru"
    assert tab.locator("main a.phone").first.get_attribute("href").startswith("tel:"), "calling works offline"


def test_service_worker_is_served_for_the_whole_site_under_the_csp(live_site, tab):
    response = tab.goto(live_site.url + "/en/")
    assert "script-src 'self'" in response.header_value("content-security-policy")
    scope = tab.evaluate("navigator.serviceWorker.ready.then((registration) => registration.scope)")
    assert scope == live_site.url + "/"
    worker = tab.context.request.get(live_site.url + "/sw.js")
    assert worker.headers["content-type"].startswith("text/javascript")
    assert "no-cache" in worker.headers["cache-control"]
