"""A public page tells shared caches (the shipped nginx, a CDN) how long they may keep it; a response
that sets a cookie or is private is never offered to them."""

import pytest
from django.test import Client
from pytest_django.asserts import assertContains

pytestmark = [pytest.mark.django_db, pytest.mark.same_on_every_database]

SHARED = "public, max-age=0, s-maxage=3, stale-while-revalidate=2, stale-if-error=86400"


def returning_reader(language):
    """A reader whose browser already holds the language cookie, so no response sets it."""
    client = Client()
    client.cookies["django_language"] = language
    return client


@pytest.mark.parametrize("path", ["/ru/cities/almaty/", "/ru/", "/ru/partners/?city=almaty", "/ru/open-data/hsds.json"])
def test_a_public_page_may_be_kept_by_a_proxy_for_a_few_seconds(path):
    client = returning_reader("ru")
    for expected in ("miss", "hit"):
        response = client.get(path)
        assert response.status_code == 200 and response["X-Page-Cache"] == expected
        assert response["Cache-Control"] == SHARED
        assert "Set-Cookie" not in response


def test_a_tracked_link_is_offered_to_proxies_as_the_same_page():
    response = returning_reader("en").get("/en/guidance/refugees/?fbclid=abc")
    assertContains(response, "tel:+77017447238", status_code=200)
    assert response["Cache-Control"] == SHARED


def test_a_response_that_sets_the_language_cookie_is_not_for_shared_caches(client):
    response = client.get("/kk/cities/almaty/")
    assert response.status_code == 200
    assert response.cookies["django_language"].value == "kk"
    assert response["Cache-Control"] == "no-cache"
    assert "public" not in response["Cache-Control"]


def test_a_revalidated_page_keeps_its_shared_cache_headers():
    client = returning_reader("en")
    etag = client.get("/en/about/")["ETag"]
    response = client.get("/en/about/", headers={"if-none-match": etag})
    assert response.status_code == 304
    assert response["Cache-Control"] == SHARED


@pytest.mark.parametrize("path", ["/en/search/?q=asylum", "/en/partners/?city=nowhere", "/en/guidance/nothing/"])
def test_private_made_up_and_missing_pages_are_not_for_shared_caches(path):
    response = returning_reader("en").get(path)
    assert "public" not in response.get("Cache-Control", "")
    assert "s-maxage" not in response.get("Cache-Control", "")


def test_staff_pages_and_the_health_check_are_not_for_shared_caches(client, django_user_model):
    assert "s-maxage" not in client.get("/admin/login/").get("Cache-Control", "")
    assert "s-maxage" not in client.get("/healthz").get("Cache-Control", "")
    staff = django_user_model.objects.create_user("staffer", password="a long passphrase 123", is_staff=True)
    client.force_login(staff)
    response = client.get("/en/guidance/refugees/")
    assert response.status_code == 200 and "public" not in response.get("Cache-Control", "")


def test_proxies_can_be_told_to_keep_nothing(settings):
    settings.PROXY_CACHE_SECONDS = 0
    response = returning_reader("en").get("/en/cities/")
    assert response.status_code == 200 and response["Cache-Control"] == "no-cache"
