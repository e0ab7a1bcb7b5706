"""In real Chromium: every city's print sheet fits one A4 page, and the SVG QR code on screen scans."""

import io
import unicodedata

import pytest
from pypdf import PdfReader

from .conftest import LANGUAGE_CODES
from .qr_codes import decode_qr
from .screenshots import keep_pdf

pytestmark = pytest.mark.browser

CITIES = ["astana", "almaty", "shymkent", "konaev", "taldykorgan"]


@pytest.fixture
def print_page(browser):
    context = browser.new_context()
    page = context.new_page()
    yield page
    context.close()


@pytest.mark.parametrize("lang", LANGUAGE_CODES)
def test_every_city_sheet_fits_one_a4_page(live_site, print_page, lang):
    for city in CITIES:
        response = print_page.goto(f"{live_site.url}/{lang}/cities/{city}/print/")
        assert response.status == 200
        pdf = print_page.pdf(format="A4")
        keep_pdf(pdf, f"print-{lang}-{city}")
        assert len(PdfReader(io.BytesIO(pdf)).pages) == 1, f"{lang}/{city} does not fit one A4 page"


def test_printed_sheet_has_the_offices_and_the_hotline(live_site, print_page):
    print_page.goto(f"{live_site.url}/en/cities/almaty/print/")
    text = PdfReader(io.BytesIO(print_page.pdf(format="A4"))).pages[0].extract_text()
    text = unicodedata.normalize("NFKC", text)  # the PDF's font joins "ffi" and "fi" into ligatures
    for expected in ["Help in Almaty", "85 Dostyk Ave.", "+7 701 744 7238", "UNHCR National Office Kazakhstan", "Printed on"]:
        assert expected in text
    # On paper the site's menus and language list are left out.
    assert "Skip to main content" not in text and "Русский" not in text


def test_svg_qr_code_on_the_share_page_scans_to_the_city_page(live_site, browser):
    context = browser.new_context(device_scale_factor=2, java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{live_site.url}/uk/cities/almaty/share/")
    image = page.locator("main img.qr")
    assert image.evaluate("img => img.naturalWidth > 0")
    assert decode_qr(image.screenshot()) == [f"{live_site.url}/uk/cities/almaty/"]
    context.close()


def test_share_kit_fits_a_phone_screen(live_site, phone_page):
    phone_page.goto(f"{live_site.url}/ar/cities/shymkent/share/")
    overflow = phone_page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 0
