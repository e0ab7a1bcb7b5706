"""In real Chromium on a 360 × 640 phone: an urgent notice starts within the first screen, before the
page title, as text; the Astana city page in Kazakh with one is saved as a screenshot to look at;
pages with notices pass axe, and the print sheet with notices and a closure still fits one A4 page."""

import io
from pathlib import Path

import pytest
from pypdf import PdfReader

from .live_site import LiveSite
from .test_browser_accessibility import axe_findings

pytestmark = pytest.mark.browser

ARTIFACTS = Path(__file__).resolve().parent.parent / "test-artifacts"
FOLD = 640

# A closure of the Astana office and the urgent notice staff would write about it, in Kazakh and English.
PREPARE = """
from datetime import timedelta
from django.utils import timezone
from config.site.models import Notice
from offices.models import City, Office
now = timezone.now()
office = Office.objects.get(slug="employment-office-astana")
office.closed_from, office.closed_until = timezone.localdate(), timezone.localdate() + timedelta(days=2)
office.closure_reason_en, office.closure_reason_kk = "Repairs", "Жөндеу жұмыстары"
office.save()
notice = Notice.objects.create(
    status="published", level="urgent", starts_at=now - timedelta(hours=1), ends_at=now + timedelta(days=3),
    title_en="The Astana office that receives asylum applications is closed for repairs",
    title_kk="Астанадағы пана іздеу туралы өтініш қабылдайтын кеңсе жөндеуге байланысты жабық",
    text_en="Apply at the office in Almaty meanwhile, or call the UNHCR hotline.",
    text_kk="Әзірге өтінішті Алматыдағы кеңсеге беріңіз немесе БҰҰ БЖКБ жедел желісіне қоңырау шалыңыз.",
)
notice.cities.add(City.objects.get(slug="astana"))
Notice.objects.create(
    status="published", level="information", starts_at=now - timedelta(hours=2),
    title_en="Bring your identity documents to the interview", title_ar="أحضر وثائق هويتك إلى المقابلة",
).offices.add(office)
Notice.objects.create(
    status="published", level="urgent", site_wide=True, starts_at=now - timedelta(hours=1),
    title_en="The hotline answers day and night during the holidays",
    title_kk="Мереке күндері жедел желі тәулік бойы жұмыс істейді",
)
"""


@pytest.fixture(scope="module")
def site_with_notices():
    site = LiveSite()
    site.manage("migrate", "--noinput", "-v0")
    site.manage("load_content")
    site.manage("shell", "-c", PREPARE)
    site.start(prepare=False)
    yield site
    site.close()


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
    ARTIFACTS.mkdir(exist_ok=True)
    small_phone.goto(site_with_notices.url + "/kk/cities/astana/")
    small_phone.screenshot(path=ARTIFACTS / "notice-kk-astana-360x640.png")
    small_phone.screenshot(path=ARTIFACTS / "notice-kk-astana-full.png", full_page=True)
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
        (ARTIFACTS / f"print-{lang}-astana-with-notices.pdf").write_bytes(pdf)
        assert len(PdfReader(io.BytesIO(pdf)).pages) == 1, lang
    context.close()
