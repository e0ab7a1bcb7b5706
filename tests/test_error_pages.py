"""Every error a person can meet, from the site, from gunicorn or from nginx, is a page with the
site's look and the quick exit, in the language of the address (or in every language when the
request was refused before its address was read)."""

import http.client
import re
import socket
import urllib.parse

import pytest
from django.conf import settings
from django.test import Client, RequestFactory

from config import errors

from .live_site import running_site
from .load import fetch
from .nginx_server import running_nginx
from .postgres_server import free_port
from .test_reverse_proxy import read_response

EXIT_LABELS = {"en": "Exit this page", "ru": "Быстрый выход", "ar": "خروج سريع", "prs": "خروج سریع", "uk": "Швидкий вихід"}


def assert_error_page(body, lang, heading):
    """The site's header with the quick exit in `lang` first, then the heading a person reads."""
    page = body.decode() if isinstance(body, bytes) else body
    first_link = re.search(r"<a [^>]*>([^<]*)</a>", page)
    assert 'class="quick-exit"' in first_link.group(0) and f'href="{settings.QUICK_EXIT_URL}"' in first_link.group(0)
    assert first_link.group(1) == EXIT_LABELS[lang], first_link.group(1)
    assert re.search(r'<link rel="stylesheet" href="/static/css/site\.[0-9a-f]*\.?css">', page), "the site's look"
    assert "/static/js/quick_exit." in page and "tel:+77017447238" in page
    assert f"<h1>{heading}</h1>" in page, re.findall(r"<h1>(.*?)</h1>", page)


@pytest.mark.django_db
class TestThroughTheSite:
    def test_a_method_a_page_does_not_serve_gets_a_localized_405(self, client):
        response = client.put("/prs/cities/")
        assert response.status_code == 405 and response["Allow"] == "GET, HEAD"
        assert_error_page(response.content, "prs", "از این صفحه نمی‌توان به این شکل استفاده کرد")
        assert '<html lang="prs" dir="rtl">' in response.content.decode()

    def test_a_form_sent_without_its_csrf_token_gets_a_403_page(self):
        response = Client(enforce_csrf_checks=True).post("/admin/login/", {"username": "x"}, HTTP_ACCEPT_LANGUAGE="ru")
        assert response.status_code == 403 and response["Cache-Control"] == "no-store"
        assert_error_page(response.content, "ru", "Этот запрос отклонён")

    def test_a_bad_request_and_a_body_too_large(self, client):
        bad = client.get("/uk/cities/", HTTP_HOST="not-our-site.example")
        assert bad.status_code == 400
        assert_error_page(bad.content, "uk", "Не вдалося прочитати цей запит")
        too_large = client.post("/ar/guidance/refugees/feedback/", "a=" + "x" * (settings.DATA_UPLOAD_MAX_MEMORY_SIZE + 1),
                                content_type="application/x-www-form-urlencoded", HTTP_SEC_FETCH_SITE="same-origin")
        assert too_large.status_code == 413
        assert_error_page(too_large.content, "ar", "ما أُرسل كبير جدًا")

    def test_a_page_not_found(self, client):
        response = client.get("/ar/no-such-page/")
        assert response.status_code == 404
        assert "خروج سريع" in response.content.decode() and 'class="quick-exit"' in response.content.decode()

    def test_a_server_error(self, monkeypatch):
        response = errors.server_error(RequestFactory().get("/ru/about/"))
        assert response.status_code == 500
        assert_error_page(response.content, "ru", "У нас что-то пошло не так")

    def test_a_database_outage(self):
        response = errors.unavailable(RequestFactory().get("/en/cities/"))
        assert response.status_code == 503
        assert_error_page(response.content, "en", "This page cannot be shown right now")


def test_a_request_refused_before_its_address_was_read_has_an_exit_in_every_language():
    page = errors.request_error_page(431)
    assert_error_page(page, "en", "This address is too long")
    exits = re.findall(r'<a class="quick-exit" [^>]*>([^<]*)</a>', page)
    assert len(exits) == 1 + len(settings.LANGUAGES) and "خروج سریع" in exits and "Быстрый выход" in exits


@pytest.fixture(scope="module")
def proxied():
    with running_site() as site, running_nginx([f"127.0.0.1:{site.port}"]) as nginx:
        yield site, nginx


def raw_request(port, raw):
    """What nginx answers to these bytes: a request as sent, or ("METHOD", "/path") for a well-formed one."""
    if isinstance(raw, tuple):
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        try:
            connection.request(*raw, body=b"")
            response = connection.getresponse()
            return response.status, response.read()
        finally:
            connection.close()
    with socket.create_connection(("127.0.0.1", port), timeout=10) as sock:
        sock.sendall(raw)
        head, body = read_response(sock)
    return int(head.split()[1]), body


@pytest.mark.server
@pytest.mark.parametrize(("raw", "status", "lang", "heading"), [
    (b"NOT HTTP AT ALL\r\n\r\n", 400, "en", "This request could not be read"),
    (("PUT", "/uk/cities/"), 405, "uk", "Цю сторінку не можна використовувати в такий спосіб"),
    (b"POST /static/css/site.css HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\n\r\n", 405, "en", "This page cannot be used this way"),
    (b"GET /static/no-such-file.css HTTP/1.1\r\nHost: x\r\n\r\n", 404, "en", "We could not find this page"),
    (("POST", "/admin/login/"), 403, "en", "This request was refused"),
    (b"POST /ru/search/ HTTP/1.1\r\nHost: x\r\nContent-Length: 5000000\r\n\r\n", 413, "en", "What was sent is too large"),
    (b"GET /ru/search/?q=" + b"a" * 9000 + b" HTTP/1.1\r\nHost: x\r\n\r\n", 414, "en", "This address is too long"),
    (b"GET /en/ HTTP/1.1\r\nHost: x\r\nX-Big: " + b"a" * 9000 + b"\r\n\r\n", 431, "en", "This address is too long"),
])
def test_through_nginx_every_refusal_carries_the_quick_exit(proxied, raw, status, lang, heading):
    _site, nginx = proxied
    answered, body = raw_request(nginx.port, raw)
    assert answered == status
    assert_error_page(body, lang, heading)


@pytest.mark.server
def test_through_gunicorn_alone_a_request_it_refuses_carries_the_quick_exit(proxied):
    site, _nginx = proxied
    answered, body = raw_request(site.port, b"GET /en/ HTTP/1.1\r\nHost: x\r\nX-Big: " + b"a" * 9000 + b"\r\n\r\n")
    assert answered == 431
    assert_error_page(body, "en", "This address is too long")


@pytest.mark.server
def test_through_nginx_too_many_searches_and_a_site_that_does_not_answer(proxied):
    _site, nginx = proxied
    answers = [fetch(nginx.url + "/ar/search/?q=" + urllib.parse.quote("لجوء")) for _ in range(20)]
    limited = next(answer for answer in answers if answer[0] == 429)
    assert_error_page(limited[1], "ar", "طلبات كثيرة جدًا في وقت قصير")
    with running_nginx([f"127.0.0.1:{free_port()}"]) as nowhere:  # nothing listens there: nginx's 502
        status, body, _seconds, _headers = fetch(nowhere.url + "/ru/cities/")
    assert status == 503
    assert_error_page(body, "ru", "Сейчас эту страницу не удаётся показать")
