"""City, office and partner pages show what a person needs: where to go, whom to call."""

import datetime
import re

import pytest

from offices.models import Office
from tests.factories import check
from tests.pages import page_html

pytestmark = pytest.mark.django_db


def test_city_page_says_where_to_apply(client):
    html = page_html(client, "/en/cities/almaty/")
    assert "Where to apply for asylum" in html
    assert "85 Dostyk Ave." in html
    assert "пр. Достык, 85" in html  # for a taxi driver
    assert "within 5 calendar days" in html


def test_city_page_groups_partners_by_service(client):
    html = page_html(client, "/en/cities/almaty/")
    legal = html.index("Legal counselling and help with appeals")
    medical = html.index("Medical assistance")
    assert html.index("Kazakhstan International Bureau for Human Rights") > legal
    assert html.index("Kazakhstan Red Crescent Society", medical) > medical
    assert 'href="tel:+77272496044"' in html


def test_city_page_shows_unhcr_contacts(client):
    html = page_html(client, "/en/cities/shymkent/")
    assert "UNHCR National Office Kazakhstan" in html
    assert 'href="tel:+77172696545"' in html
    assert "mailto:kazas@unhcr.org" in html


def test_addresses_link_to_a_map_search_not_an_embed(client):
    html = page_html(client, "/en/cities/astana/")
    assert 'href="https://www.openstreetmap.org/search?query=' in html
    assert "<iframe" not in html


def test_former_offices_are_history_not_current(client):
    html = page_html(client, "/en/cities/almaty/")
    assert "109a Karasay Batyr St." not in html
    offices = page_html(client, "/en/offices/")
    assert "Former offices" in offices
    detail = page_html(client, "/en/offices/migration-service-almaty/")
    assert "Do not go there" in detail


def test_office_detail_shows_checked_date_when_known(client):
    # The National Office's source is a document with no day of reading: the phone check is its newest.
    check(Office.objects.get(slug="unhcr-national-office-astana"), datetime.date(2026, 11, 1))
    html = page_html(client, "/en/offices/unhcr-national-office-astana/")
    assert 'Confirmed by phone by UNHCR staff on <time datetime="2026-11-01">' in html


def test_partner_filter_by_city_and_service(client):
    html = page_html(client, "/en/partners/?city=almaty&service=medical-assistance")
    assert "Kazakhstan Red Crescent Society" in html
    assert "Kazakhstan International Bureau" not in html


def test_partner_filter_with_unknown_values_explains_and_does_not_fail(client):
    response = client.get("/en/partners/?city=atlantis&service=%3Cscript%3E")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Select a valid choice" in html
    assert "<script>" not in html


def test_partner_filter_error_is_tied_to_its_field(client):
    html = page_html(client, "/en/partners/?city=atlantis")
    city_select = re.search(r'<select[^>]* id="id_city"[^>]*>', html).group(0)
    assert 'aria-invalid="true"' in city_select and 'aria-describedby="id_city_error"' in city_select
    assert '<span class="error" id="id_city_error" role="alert">Select a valid choice.' in html
    assert '<form class="filter" method="get" action="/en/partners/">' in html


def test_inactive_partner_is_not_listed(client):
    assert "International Association of Social Projects" not in page_html(client, "/en/partners/")
    assert client.get("/en/partners/iasp/").status_code == 404


def test_about_page_has_promise_and_dated_figures(client):
    html = page_html(client, "/en/about/")
    assert "confidential" in html and "free" in html
    assert "646" in html and "7,866" in html
    assert "As of 1 January 2025." in html


def test_one_bad_filter_value_keeps_the_good_one(client):
    html = page_html(client, "/en/partners/?city=shymkent&service=no-such-help")
    assert "Select a valid choice" in html
    assert "Kazakhstan International Bureau" in html  # has a branch in Shymkent
    assert "Kazakhstan Red Crescent Society" not in html  # only in Almaty
