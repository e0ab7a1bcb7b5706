"""Unknown addresses get a helpful, localized 404 page; never a 500."""

import pytest

pytestmark = [pytest.mark.django_db, pytest.mark.same_on_every_database]


@pytest.mark.parametrize(
    "path",
    [
        "/en/guidance/no-such-page/",
        "/en/guidance/no-such-page/history/",
        "/en/cities/atlantis/",
        "/en/offices/no-such-office/",
        "/en/partners/no-such-partner/",
        "/en/no-such-thing/",
    ],
)
def test_unknown_page_is_a_helpful_404(client, path):
    response = client.get(path)
    assert response.status_code == 404
    text = response.content.decode()
    assert "We could not find this page" in text
    assert 'href="/en/cities/"' in text
    assert 'href="/en/"' in text
    assert 'href="tel:+77017447238"' in text


def test_404_speaks_the_language_of_the_address(client):
    response = client.get("/ru/cities/atlantis/")
    assert response.status_code == 404
    assert '<html lang="ru"' in response.content.decode()
    assert 'href="/ru/cities/"' in response.content.decode()


@pytest.mark.parametrize("path", ["/xx/", "/xx/cities/", "/en-gb/", "/fa/"])
def test_unknown_language_prefix_is_404(client, path):
    assert client.get(path).status_code == 404


@pytest.mark.parametrize(
    "path",
    [
        "/en/cities/%00/",
        "/en/cities/" + "a" * 5000 + "/",
        "/en/guidance/<script>/",
        "/en/offices/' OR 1=1 --/",
    ],
)
def test_hostile_paths_are_404_not_500(client, path):
    assert client.get(path).status_code == 404
