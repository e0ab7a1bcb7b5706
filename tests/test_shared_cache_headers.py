"""A public page tells shared caches (the shipped nginx, a CDN) how long they may keep it; a
response that sets a cookie or is private is never offered to them."""

import pytest

pytestmark = pytest.mark.django_db

SHARED = "max-age=0, s-maxage=3, stale-while-revalidate=3, stale-if-error=86400"


def test_a_public_page_may_be_kept_by_a_proxy_for_a_few_seconds(client):
    client.cookies["django_language"] = "ru"
    for expected in ("miss", "hit"):
        response = client.get("/ru/cities/almaty/")
        assert response.status_code == 200 and response["X-Page-Cache"] == expected
        assert response["Cache-Control"] == SHARED
        assert "Set-Cookie" not in response


def test_a_response_that_sets_the_language_cookie_is_not_for_shared_caches(client):
    response = client.get("/kk/cities/almaty/")
    assert response.cookies["django_language"].value == "kk"
    assert "s-maxage" not in response["Cache-Control"]


def test_staff_pages_and_the_health_check_are_not_for_shared_caches(client):
    assert "s-maxage" not in client.get("/admin/login/").get("Cache-Control", "")
    assert "s-maxage" not in client.get("/healthz")["Cache-Control"]
