"""Every URL partners link to answers, in every language, and old addresses keep working."""

import pytest

from .conftest import LANGUAGE_CODES
from .pages import public_paths

pytestmark = [pytest.mark.django_db, pytest.mark.same_on_every_database]


@pytest.mark.parametrize("path", public_paths("en"))
def test_every_public_page_answers(client, path):
    response = client.get(path)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/html")


@pytest.mark.parametrize("lang", LANGUAGE_CODES)
def test_core_pages_answer_in_every_language(client, lang):
    for path in [f"/{lang}/", f"/{lang}/guidance/refugees/", f"/{lang}/cities/almaty/"]:
        assert client.get(path).status_code == 200, path


def test_root_redirects_to_english_by_default(client):
    response = client.get("/")
    assert response.status_code == 302
    assert response["Location"] == "/en/"


def test_root_follows_accept_language(client):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="ru-RU,ru;q=0.9,en;q=0.5")
    assert response["Location"] == "/ru/"
    assert "Accept-Language" in response["Vary"]


def test_root_prefers_the_remembered_language(client):
    client.cookies["django_language"] = "ar"
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="ru")
    assert response["Location"] == "/ar/"


def test_reading_a_page_remembers_its_language(client):
    response = client.get("/uk/cities/")
    assert response.cookies["django_language"].value == "uk"
    assert client.get("/")["Location"] == "/uk/"


def test_old_city_name_redirects_permanently(client):
    response = client.get("/ru/cities/nur-sultan/")
    assert response.status_code == 301
    assert response["Location"] == "/ru/cities/astana/"


def test_path_without_language_is_sent_to_a_language(client):
    response = client.get("/cities/almaty/")
    assert response.status_code == 302
    assert response["Location"] == "/en/cities/almaty/"


def test_health_check(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}
    assert "no-cache" in response["Cache-Control"]
