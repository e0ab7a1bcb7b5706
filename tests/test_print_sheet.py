"""The printable city sheet: where to apply and by when, addresses, phones, partners, hotline, QR, dates."""

import re

import pytest
from django.utils import timezone

from offices.models import City, Office
from partners.models import Branch, Partner, Service
from tests.factories import QUERY_BUDGET, check
from tests.pages import page_html

pytestmark = [pytest.mark.django_db, pytest.mark.same_on_every_database]


def sheet(client, path="/en/cities/almaty/print/"):
    response = client.get(path)
    assert response.status_code == 200
    return response.content.decode()


def test_sheet_says_where_to_apply_and_by_when(client):
    html = sheet(client)
    assert "Where to apply for asylum, and by when" in html
    assert "within 5 calendar days" in html
    assert "Department of Employment and Social Programs of Almaty" in html
    assert "Almaty oblast and Shymkent city" not in html  # Almaty region and Shymkent have their own points
    assert "85 Dostyk Ave." in html
    assert "пр. Достык, 85" in html  # for a taxi driver


def test_sheet_has_the_citys_offices_and_the_hotline(client):
    html = sheet(client)
    assert "UNHCR Regional Representation for Central Asia" in html
    assert "303 Baizakov St., 050040" in html and "+7 727 258 45 98" in html
    assert "UNHCR National Office Kazakhstan" in html
    assert "+7 7172 69 65 45" in html
    assert "In an emergency" in html
    assert "+7 701 744 7238" in html  # the hotline
    assert "109a Karasay Batyr St." not in html  # a former office is never printed


def test_sheet_lists_partners_by_service(client):
    html = sheet(client)
    services = re.search(r'<dl class="partners-by-service">(.*?)</dl>', html, re.S).group(1)
    legal = services.index("Legal counselling and help with appeals")
    medical = services.index("Medical assistance")
    assert services.index("BHR", legal) < medical
    assert services.index("Red Crescent", medical) > medical
    assert "Sana Sezim" in services  # a partner without an address here is still named, by service
    assert "+7 727 249 60 44" in html and "ул. Кунаева, 86, 1 этаж" in html


def test_sheet_has_a_qr_code_and_the_address_of_the_live_page(client):
    html = sheet(client, "/ru/cities/almaty/print/")
    assert 'src="/ru/cities/almaty/qr.svg"' in html
    assert "http://testserver/ru/cities/almaty/" in html


def test_sheet_says_when_it_was_printed_and_last_checked(client):
    today = timezone.localdate()
    html = sheet(client)
    assert f'Printed on <time datetime="{today:%Y-%m-%d}">' in html
    assert "Information last updated on" not in html  # nothing changed since the sources were loaded

    check(Office.objects.get(slug="employment-office-almaty"), today)  # the newest check of the city's entries
    html = sheet(client)
    assert f'Information last checked on <time datetime="{today:%Y-%m-%d}">' in html


def test_sheet_uses_the_print_stylesheet_and_stays_out_of_search_results(client):
    html = sheet(client)
    assert re.search(r'<link rel="stylesheet" href="/static/css/print[^"]*\.css">', html)
    assert '<meta name="robots" content="noindex">' in html
    assert " style=" not in html and "<script>" not in html


def test_sheet_in_a_right_to_left_language_is_mirrored(client):
    assert '<html lang="ar" dir="rtl">' in sheet(client, "/ar/cities/almaty/print/")


def test_city_without_partners_says_whom_to_call(client):
    html = sheet(client, "/en/cities/taldykorgan/print/")
    assert "26 Kabanbai Batyr St." not in html  # not on UNHCR's current list: history, not a door
    assert "UNHCR's current list names no place to apply for asylum in Taldykorgan." in html
    assert "Call the UNHCR hotline before you go." in html
    assert "/en/cities/konaev/" in html  # the nearest listed point, by the notice that comes with the content
    assert "Sana Sezim" in html  # countrywide partner, by service


def test_city_pages_run_a_fixed_number_of_queries(client, django_assert_max_num_queries):
    """However many offices and partners a city has, its page and sheet stay within 8 queries."""
    almaty = City.objects.get(slug="almaty")
    legal = Service.objects.get(slug="legal-counselling")
    for number in range(5):
        Office.objects.create(
            slug=f"extra-{number}", kind=Office.Kind.OTHER, city=almaty, name_en=f"Extra office {number}",
            address_en=f"{number} Abai Ave.",
        )
        partner = Partner.objects.create(slug=f"extra-partner-{number}", name_en=f"Extra partner {number}")
        partner.services.add(legal)
        Branch.objects.create(partner=partner, city=almaty, address_en=f"{number} Tole Bi St.").services.add(legal)
        Partner.objects.create(slug=f"countrywide-{number}", name_en=f"Countrywide {number}").services.add(legal)
    for path in ["/en/cities/almaty/", "/en/cities/almaty/print/"]:
        with django_assert_max_num_queries(QUERY_BUDGET):
            html = page_html(client, path)
        assert "Extra partner 4" in html and "Countrywide 0" in html and "Extra office 4" in html


@pytest.mark.parametrize("lang", ["en", "kk", "uz", "ar", "prs"])
def test_the_address_for_a_driver_says_its_own_language(client, lang):
    html = client.get(f"/{lang}/cities/almaty/print/").content.decode()
    assert '<span class="driver-address" lang="ru" dir="ltr">' in html
    assert 'lang=""' not in html


@pytest.mark.parametrize("lang", ["ru", "kk", "uz", "ug", "ar"])
def test_the_sheets_qr_code_opens_the_page_in_the_sheets_language(client, lang):
    from tests.qr_codes import decode_qr

    sheet = client.get(f"/{lang}/cities/almaty/print/").content.decode()
    assert f'src="/{lang}/cities/almaty/qr.svg"' in sheet
    png = client.get(f"/{lang}/cities/almaty/qr.png")
    assert png.status_code == 200
    assert decode_qr(png.content) == [f"http://testserver/{lang}/cities/almaty/"]
