"""'Is this information wrong?': a reader reports a wrong office, branch or partner in one tap, without an
account or a cookie; the report keeps which entry, what is wrong and the page's language, nothing about
the reader; POSTs from other sites are refused and one client cannot flood the queue."""

import logging
import re
from http import HTTPStatus

import pytest
from django.contrib.sessions.models import Session
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from config.reports import views
from config.reports.forms import sanitise_note
from config.reports.models import Report
from offices.models import Office
from partners.models import Branch, Partner

from .factories import QUERY_BUDGET
from .pages import page_html

pytestmark = pytest.mark.django_db

FROM_OUR_PAGE = {"HTTP_SEC_FETCH_SITE": "same-origin"}
READER = {  # what a phone sends that must not be kept or logged
    "REMOTE_ADDR": "203.0.113.77",
    "HTTP_USER_AGENT": "Mozilla/5.0 (Linux; Android 9; Unique-Phone-4711)",
    "HTTP_COOKIE": "reader_cookie=c00k1e-v4lue-of-the-reader",
}
SECRETS = ["203.0.113.77", "Unique-Phone-4711", "c00k1e-v4lue-of-the-reader"]


def card_form_action(html, office_slug):
    """The address the report form of an office's card posts to, as the city page shows it."""
    card = html.split(f'id="office-{office_slug}"')[1].split("</article>")[0]
    assert "Is this information wrong?" in card
    return re.search(r'<form method="post" action="([^"]+)">', card).group(1)


def test_a_report_from_the_almaty_page_without_cookies_reaches_the_queue_with_nothing_about_the_reader(caplog):
    caplog.set_level(logging.DEBUG)  # every logger, every level
    action = card_form_action(page_html(Client(), "/en/cities/almaty/"), "employment-office-almaty")
    assert action == "/en/report/office/employment-office-almaty/"

    reader = Client()  # a browser that keeps no cookies at all
    response = reader.post(action, {"problem": "phone", "note": "The number rings out"}, **FROM_OUR_PAGE, **READER)
    assert response.status_code == HTTPStatus.SEE_OTHER
    assert response["Location"] == "/en/report/office/employment-office-almaty/thanks/"
    assert not response.cookies, "no cookie is set"
    thanks = page_html(Client(), response["Location"])
    assert "Thank you for telling us" in thanks
    assert "Our staff will check this information" in thanks
    assert "You will not get a reply" in thanks

    report = Report.objects.get()
    office = Office.objects.get(slug="employment-office-almaty")
    assert (report.entry, report.problem, report.language, report.city) == (office, "phone", "en", office.city)
    assert report.note == "The number rings out"
    stored = " ".join(str(getattr(report, field.attname)) for field in Report._meta.concrete_fields)
    logged = "\n".join(f"{record.name} {record.getMessage()} {record.args}" for record in caplog.records)
    for secret in SECRETS:
        assert secret not in stored
        assert secret not in logged
    assert Session.objects.count() == 0


def test_branch_and_partner_pages_carry_the_form_in_every_language():
    branch = Branch.objects.filter(city__slug="almaty").select_related("partner").first()
    city_page = page_html(Client(), "/ru/cities/almaty/")
    assert f'action="/ru/report/branch/{branch.uuid}/"' in city_page
    assert "Эта информация неверна?" in city_page
    partner = Partner.objects.filter(is_active=True).first()
    detail = page_html(Client(), f"/prs/partners/{partner.slug}/")
    assert f'action="/prs/report/partner/{partner.slug}/"' in detail
    assert "آیا این معلومات نادرست است؟" in detail
    office_page = page_html(Client(), "/zh-hans/offices/unhcr-national-office-astana/")
    assert 'action="/zh-hans/report/office/unhcr-national-office-astana/"' in office_page

    response = Client().post(f"/ru/report/branch/{branch.uuid}/", {"problem": "moved"}, **FROM_OUR_PAGE)
    assert response.status_code == HTTPStatus.SEE_OTHER
    assert "Спасибо" in page_html(Client(), response["Location"])
    assert Report.objects.get().language == "ru"
    response = Client().post(f"/prs/report/partner/{partner.slug}/", {"problem": "other"}, **FROM_OUR_PAGE)
    assert response.status_code == HTTPStatus.SEE_OTHER
    assert Report.objects.filter(language="prs", object_id=partner.pk, city=None).count() == 1


def test_the_print_sheet_gives_a_short_address_to_a_page_with_the_forms():
    sheet = page_html(Client(), "/en/cities/almaty/print/")
    assert "Is something on this sheet wrong? Tell us here:" in sheet
    assert "http://testserver/en/cities/almaty/report/" in sheet
    assert "<form" not in sheet.split('class="sheet-columns"')[1], "the sheet itself carries no forms"
    page = page_html(Client(), "/en/cities/almaty/report/")
    assert 'action="/en/report/office/employment-office-almaty/"' in page
    entries = Office.objects.current().filter(city__slug="almaty").count() + Branch.objects.filter(city__slug="almaty").count()
    assert page.count('<details class="report"') == entries


def test_a_report_sent_from_another_site_or_from_nowhere_is_refused():
    address = "/en/report/office/employment-office-almaty/"
    response = Client().post(address, {"problem": "address"}, HTTP_SEC_FETCH_SITE="cross-site")
    assert response.status_code == HTTPStatus.FORBIDDEN
    assert "We only accept reports sent from our own pages" in response.content.decode()
    assert Client().post(address, {"problem": "address"}).status_code == HTTPStatus.FORBIDDEN  # no header at all
    assert Client().post(address, {"problem": "address"}, HTTP_ORIGIN="https://evil.example").status_code == HTTPStatus.FORBIDDEN
    assert Report.objects.count() == 0


@pytest.mark.usefixtures("one_clock_hour")
def test_a_flood_of_100_reports_from_one_client_keeps_at_most_the_limit():
    address = "/en/report/office/employment-office-almaty/"
    responses = [Client().post(address, {"problem": "closed"}, REMOTE_ADDR="203.0.113.7", **FROM_OUR_PAGE) for _ in range(100)]
    assert Report.objects.count() == views.REPORTS_PER_HOUR == 10
    assert [r.status_code for r in responses].count(HTTPStatus.SEE_OTHER) == views.REPORTS_PER_HOUR
    assert responses[-1].status_code == HTTPStatus.TOO_MANY_REQUESTS
    assert "Many reports came from your connection in the last hour" in responses[-1].content.decode()
    other = Client().post(address, {"problem": "closed"}, REMOTE_ADDR="198.51.100.20", **FROM_OUR_PAGE)
    assert other.status_code == HTTPStatus.SEE_OTHER, "another reader is not held back"


def test_without_a_choice_the_form_comes_back_and_nothing_is_kept():
    response = Client().post("/en/report/office/employment-office-almaty/", {"note": "x"}, **FROM_OUR_PAGE)
    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert "Please choose what is wrong." in response.content.decode()
    assert Report.objects.count() == 0
    assert Client().get("/en/report/office/no-such-office/").status_code == HTTPStatus.NOT_FOUND
    assert Client().get("/en/report/branch/not-a-uuid/").status_code == HTTPStatus.NOT_FOUND


def test_the_note_is_kept_as_one_short_line_of_plain_text():
    assert sanitise_note("<b>Moved</b>\u202e to\n\n  Abay\u2066 10\x00") == "Moved to Abay 10"
    assert sanitise_note("نشانی\u200cجدید") == "نشانی\u200cجدید"  # the joiner Dari needs stays
    assert len(sanitise_note("a" * 1000)) == 300
    Client().post("/en/report/office/employment-office-almaty/", {"problem": "other", "note": "x\u202e" * 500}, **FROM_OUR_PAGE)
    assert Report.objects.get().note == "x" * 300


def test_the_city_page_runs_no_more_queries_with_the_forms():
    client = Client()
    client.get("/en/")  # the hotline and other shared bits, as any page load after the first
    from django.core.cache import cache

    cache.clear()
    with CaptureQueriesContext(connection) as queries:
        html = page_html(client, "/en/cities/almaty/")
    assert html.count('<details class="report"') >= 4
    assert len(queries) <= QUERY_BUDGET
