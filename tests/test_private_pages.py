"""What a person typed is theirs: search results are never stored or shared, and no reader is told
whether a page came from the page cache."""

import pytest
from django.core.cache import cache
from pytest_django.asserts import assertContains

pytestmark = pytest.mark.django_db


def test_search_results_are_private_and_never_stored(client):
    held = set(cache._cache)
    for _again in range(2):
        response = client.get("/en/search/?q=refugee")
        assertContains(response, "refugee", status_code=200)
        assert response["Cache-Control"] == "private, no-store"
        assert "X-Page-Cache" not in response
        assert "s-maxage" not in response["Cache-Control"] and "public" not in response["Cache-Control"]
    assert not [key for key in set(cache._cache) - held if "page-cache:page:" in key]


def test_an_empty_search_is_private_too(client):
    response = client.get("/ru/search/")
    assert response.status_code == 200
    assert response["Cache-Control"] == "private, no-store"


@pytest.mark.parametrize("path", ["/en/guidance/refugees/", "/ar/cities/almaty/", "/uk/partners/?city=almaty"])
def test_readers_are_not_told_where_a_page_came_from(client, settings, path):
    settings.PAGE_CACHE_STATUS_HEADER = False
    first, second = client.get(path), client.get(path)
    assert first.status_code == second.status_code == 200
    for response in (first, second):
        assert "X-Page-Cache" not in response
    assert second.content == first.content
    assert set(first.headers) - {"Set-Cookie"} == set(second.headers) - {"Set-Cookie"}


def test_the_page_cache_says_where_a_page_came_from_when_debugging(client, settings):
    settings.PAGE_CACHE_STATUS_HEADER = False
    settings.DEBUG = True
    assert client.get("/en/about/")["X-Page-Cache"] == "miss"
    assert client.get("/en/about/")["X-Page-Cache"] == "hit"
