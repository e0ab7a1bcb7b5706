"""With the database down, cached pages still serve, and everything else answers a localized 503
that shows the hotline; /healthz, robots.txt and the service worker never wait for it."""

import logging
from contextlib import contextmanager

import pytest
from django.conf import settings
from django.db import OperationalError, connection
from django.test import RequestFactory
from pytest_django.asserts import assertContains, assertNotContains

from config import database
from config.errors import server_error
from offices.models import Office

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def database_counts_as_up():
    database._unavailable_until = 0.0
    yield
    database._unavailable_until = 0.0


@contextmanager
def database_down():
    """Every statement fails as it does when the server is gone (the test's own transaction stays)."""

    def refuse(execute, sql, params, many, context):
        raise OperationalError("connection refused (simulated)")

    with connection.execute_wrapper(refuse):
        yield


def test_a_cached_page_is_served_with_the_database_down(client, django_assert_num_queries):
    assert client.get("/ru/cities/almaty/").status_code == 200
    with database_down(), django_assert_num_queries(0):
        response = client.get("/ru/cities/almaty/")
    assert response["X-Page-Cache"] == "hit"
    assertContains(response, "tel:+77017447238")


@pytest.mark.parametrize(("path", "title", "home"), [
    ("/ru/cities/almaty/", "Сейчас эту страницу не удаётся показать", "/ru/"),
    ("/ar/guidance/refugees/", "لا يمكن عرض هذه الصفحة الآن", "/ar/"),
    ("/uz/offices/", "Bu sahifani hozir koʻrsatib boʻlmaydi", "/uz/"),
])
def test_an_uncached_page_answers_503_in_its_language_with_the_hotline(client, path, title, home):
    with database_down():
        response = client.get(path)
    assertContains(response, title, status_code=503)
    assertContains(response, 'href="tel:+77017447238"', status_code=503)
    assertContains(response, "+7 701 744 7238", status_code=503)
    assertContains(response, f'href="{home}"', status_code=503)
    assert response["Retry-After"] == "30" and response["Cache-Control"] == "no-store"
    if path.startswith("/ar/"):
        assertContains(response, 'dir="rtl"', status_code=503)


def test_the_outage_is_not_logged_as_one_error_per_request(client, caplog):
    with caplog.at_level(logging.INFO), database_down():
        for _ in range(5):
            assert client.get("/en/offices/").status_code == 503
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR], [r.getMessage() for r in caplog.records]


def test_the_staff_log_in_answers_503_too(client):
    with database_down():
        response = client.get("/admin/login/")
    assertContains(response, "This page cannot be shown right now", status_code=503)
    assertContains(response, "tel:+77017447238", status_code=503)


def test_healthz_answers_503(client):
    with database_down():
        response = client.get("/healthz")
    assert response.status_code == 503 and response.json() == {"status": "unavailable"}
    assert client.get("/healthz").status_code == 200


def test_healthz_answers_503_at_once_while_the_database_is_known_to_be_down(client, django_assert_num_queries):
    database.mark_unavailable("test")
    with django_assert_num_queries(0):
        assert client.get("/healthz").status_code == 503


@pytest.mark.parametrize("path", ["/robots.txt", "/sw.js", "/"])
def test_site_wide_files_never_need_the_database(client, path, django_assert_num_queries):
    with database_down(), django_assert_num_queries(0):
        response = client.get(path)
    assert response.status_code in (200, 302)
    assertNotContains(response, "cannot be shown", status_code=response.status_code)


def test_the_hotline_of_the_outage_page_is_the_directory_s(content):
    hotline = Office.objects.get(slug="unhcr-hotline")
    assert hotline.phones.replace(" ", "").split(",")[0] == settings.HOTLINE_PHONE


def test_the_server_error_page_shows_the_hotline_from_settings():
    response = server_error(RequestFactory().get("/ru/"))
    assert response.status_code == 500
    assert 'href="tel:+77017447238"' in response.content.decode()


def test_outside_the_gevent_worker_deadlines_do_not_interrupt():
    with database.deadline(0.001, "a test"):
        pass
    assert database.available()
