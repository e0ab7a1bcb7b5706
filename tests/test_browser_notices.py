"""In real Chromium on a 360 × 640 phone: an urgent notice starts within the first screen, before the
page title, as text; the Astana city page in Kazakh with one is saved as a screenshot to look at;
pages with notices pass axe, and the print sheet with notices and a closure still fits one A4 page."""

import datetime
import io
import zoneinfo

import pytest
from django.conf import settings
from pypdf import PdfReader

from .admin_tabs import PASSWORD, opened_tabs
from .live_site import running_site
from .screenshots import keep_pdf, keep_screenshot
from .test_browser_accessibility import axe_findings

pytestmark = pytest.mark.browser

FOLD = 640

ASTANA_OFFICE = "Department of Employment and Social Programs of Astana"


def close_for_repairs(tab, site):
    """In the admin, as staff would: the Astana office that receives applications closes from today for two days."""
    today = datetime.datetime.now(zoneinfo.ZoneInfo(settings.TIME_ZONE)).date()
    tab.goto(f"{site.url}/admin/offices/office/?q=Social+Programs+of+Astana")
    tab.click(f"#result_list tbody th a:text-is('{ASTANA_OFFICE}')")
    tab.wait_for_selector("#modeltranslation-main-switch")
    tab.fill("input[name=closed_from]", today.isoformat())
    tab.fill("input[name=closed_until]", (today + datetime.timedelta(days=2)).isoformat())
    for language, reason in (("en", "Repairs"), ("kk", "Жөндеу жұмыстары")):
        tab.click(f'.ui-tabs-nav a[href="#tab_id_closure_reason_{language}"]')
        tab.fill(f"input[name=closure_reason_{language}]", reason)
    tab.click("input[name=_save]")
    tab.wait_for_selector(".messagelist .success")


@pytest.fixture(scope="module")
def site_with_notices(browser):
    """A site of its own: a closure of the Astana office, and the urgent notice staff would write about it, in
    Kazakh and English, with an information notice on the office and an urgent one on every page
    (tests/fixtures/astana_notices.json: Astana and its employment office by their ids in a fresh database,
    1 and 1, as load_content makes them)."""
    with running_site(fixtures=["browser_staff", "astana_notices"]) as site:
        with opened_tabs(browser, site, PASSWORD) as open_tab:
            close_for_repairs(open_tab("amina"), site)
        yield site


@pytest.fixture
def small_phone(browser):
    context = browser.new_context(viewport={"width": 360, "height": 640}, java_script_enabled=False)
    page = context.new_page()
    yield page
    context.close()


@pytest.mark.parametrize("path", ["/kk/cities/astana/", "/ru/cities/astana/", "/ar/cities/astana/", "/en/", "/ug/guidance/refugees/"])
def test_urgent_notice_starts_on_the_first_screen_before_the_title(site_with_notices, small_phone, path):
    response = small_phone.goto(site_with_notices.url + path)
    assert response.status == 200
    notice = small_phone.locator(".notices-urgent .notice").first
    assert notice.is_visible()
    top = notice.bounding_box()["y"]
    assert top < FOLD, f"the urgent notice starts at {top} px on {path}"
    assert top < small_phone.locator("h1").bounding_box()["y"]
    assert notice.inner_text().strip()  # text, not an image


def test_screenshot_of_the_astana_page_in_kazakh_with_an_urgent_notice(site_with_notices, small_phone):
    small_phone.goto(site_with_notices.url + "/kk/cities/astana/")
    keep_screenshot(small_phone, "notice-kk-astana-360x640")
    keep_screenshot(small_phone, "notice-kk-astana-full", full_page=True)
    assert "жөндеуге байланысты жабық" in small_phone.locator(".notices-urgent").inner_text()
    assert small_phone.locator(".closure.closed-now").count() == 1


@pytest.mark.parametrize("path", ["/kk/cities/astana/", "/ar/cities/astana/", "/ar/offices/employment-office-astana/", "/en/notices/"])
def test_pages_with_notices_have_no_serious_accessibility_finding(site_with_notices, browser, path):
    context = browser.new_context(viewport={"width": 360, "height": 640}, service_workers="block")  # axe needs scripts
    tab = context.new_page()
    tab.goto(site_with_notices.url + path)
    assert tab.locator(".notice").count() >= 2
    findings = axe_findings(tab)
    context.close()
    assert findings == []


def test_the_print_sheet_with_notices_and_a_closure_still_fits_one_a4_page(site_with_notices, browser):
    context = browser.new_context()
    page = context.new_page()
    for lang in ("kk", "en", "ar"):
        page.goto(f"{site_with_notices.url}/{lang}/cities/astana/print/")
        pdf = page.pdf(format="A4")
        keep_pdf(pdf, f"print-{lang}-astana-with-notices")
        assert len(PdfReader(io.BytesIO(pdf)).pages) == 1, lang
    context.close()
