"""Requests that cannot be served get a short page a person can read, not a server's raw one; a
long pasted search is answered normally, cut to its first 200 characters."""

import logging
import re
from urllib.parse import quote

import pytest
from pytest_django.asserts import assertContains

from config.errors import request_error_page

pytestmark = [pytest.mark.django_db, pytest.mark.same_on_every_database]


def test_a_bad_request_gets_a_short_page_in_the_language_of_its_address(client):
    response = client.get("/ru/cities/", HTTP_HOST="not-our-site.example")  # DisallowedHost: 400
    assertContains(response, "Не удалось прочитать этот запрос", status_code=400)
    assertContains(response, 'href="/ru/"', status_code=400)
    assert len(response.content) < 2000


@pytest.mark.parametrize(("status", "english", "uyghur"), [
    (414, "This address is too long", "بۇ ئادرېس بەك ئۇزۇن"),
    (400, "This request could not be read", "بۇ تەلەپنى ئوقۇغىلى بولمىدى"),
    (413, "What was sent is too large", "ئەۋەتىلگەن مەزمۇن بەك چوڭ"),
    (429, "Too many requests in a short time", "قىسقا ۋاقىت ئىچىدە تەلەپ بەك كۆپ"),
])
def test_a_request_read_before_its_address_gets_the_page_in_every_language(status, english, uyghur):
    page = request_error_page(status)
    assert english in page and uyghur in page
    assert sorted(re.findall(r'<section class="error-section" lang="([^"]+)"', page)) == sorted(
        ["en", "ru", "kk", "ar", "prs", "zh-hans", "ug", "uz", "uk", "ps"])
    assert 'lang="ar" dir="rtl">' in page and 'lang="uk" dir="ltr">' in page
    assert len(page.encode()) < 6000


def test_a_long_pasted_search_is_answered_cut_to_200_characters(client):
    query = "как подать заявление на статус беженца " * 26  # about 1,000 characters, 5.6 KB encoded
    assert len(query) >= 1000 and len(quote(query)) > 5500
    response = client.get("/ru/search/", {"q": query})
    assert response.status_code == 200
    assertContains(response, query[:200].strip()[:60])
    assert query[:201] not in response.content.decode()


def test_a_bad_host_header_is_logged_on_one_line_without_a_traceback(client):
    lines = []
    handler = logging.Handler()
    handler.setFormatter(logging.Formatter("%(name)s %(message)s"))
    handler.emit = lambda record: lines.append(handler.format(record))
    logger = logging.getLogger("django.security.DisallowedHost")
    logger.addHandler(handler)
    try:
        assert client.get("/ru/", HTTP_HOST="not-our-site.example").status_code == 400
    finally:
        logger.removeHandler(handler)
    assert len(lines) == 1 and "\n" not in lines[0], lines
    assert "Invalid HTTP_HOST header: 'not-our-site.example'" in lines[0] and "Traceback" not in lines[0]
