"""In a real browser (Debian's chromium) at 360 × 640: the Arabic admin's field history keeps a phone number
and an English entry name in their own order, in the list, in the search box and on a change's own page.
Screenshot in test-artifacts/admin-history/."""


import pytest

from .admin_tabs import PASSWORD, opened_tabs
from .live_site import running_site
from .screenshots import keep_screenshot

pytestmark = pytest.mark.browser

OFFICE = "Department of Employment and Social Programs of Almaty"


@pytest.fixture(scope="module")
def site(browser):
    """A site of its own, where Elena (editor) gave the Almaty office a new phone number in the admin."""
    with running_site(fixtures=["browser_staff"]) as site, opened_tabs(browser, site, PASSWORD) as open_tab:
        tab = open_tab("elena")
        tab.goto(site.url + "/admin/offices/office/?q=Almaty")
        tab.locator("#result_list").get_by_role("link", name=OFFICE, exact=True).click()
        tab.fill("input[name=phones]", "+7 727 222 33 44")
        tab.click("input[name=_save]")
        tab.wait_for_selector(".messagelist .success")
        yield site


def test_the_arabic_history_list_isolates_the_phone_and_the_entry(site, browser):
    with opened_tabs(browser, site, PASSWORD, language="ar", viewport=(360, 640)) as open_tab:
        tab = open_tab("elena")
        tab.goto(site.url + "/admin/history/fieldchange/?q=%2B77272223344")
        assert tab.locator("html").get_attribute("dir") == "rtl"
        row = tab.locator("#result_list tbody tr").first
        phone = row.locator("td.field-values ins.new-value bdi")
        assert phone.get_attribute("dir") == "ltr" and phone.inner_text() == "+7 727 222 33 44"
        assert phone.evaluate("el => getComputedStyle(el).direction") == "ltr"
        entry = row.locator("td.field-entry_link bdi")
        assert entry.get_attribute("dir") == "ltr" and entry.inner_text() == OFFICE
        search = tab.locator("#searchbar")
        assert search.input_value() == "+77272223344"
        assert search.evaluate("el => el.matches(':dir(ltr)')"), "the number searched for reads left to right"
        phone.scroll_into_view_if_needed()  # the table scrolls sideways on a phone: show the values
        keep_screenshot(tab, "admin-history/history-ar")
        keep_screenshot(row.locator("td.field-values"), "admin-history/history-ar-values", scale="device")

        row.locator("th a").click()  # the change's own page
        own = tab.locator("ins.new-value bdi")
        assert own.get_attribute("dir") == "ltr" and own.inner_text() == "+7 727 222 33 44"
        assert "+77272223344" not in tab.locator("#content").inner_text()
        keep_screenshot(tab, "admin-history/change-ar")
        assert tab.errors == [], tab.errors
