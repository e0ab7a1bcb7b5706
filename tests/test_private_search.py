"""What a person searches for stays theirs: the results page is marked for no cache to keep."""

import re
from urllib.parse import unquote_plus

import pytest
from django.conf import settings
from pytest_django.asserts import assertContains

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("path", ["/ru/search/?q=депортация", "/en/search/?q=", "/en/search/"])
def test_search_results_are_private_and_never_stored(client, path):
    response = client.get(path)
    assert response.status_code == 200
    directives = {d.strip() for d in response["Cache-Control"].split(",")}
    assert {"private", "no-store"} <= directives
    assert "ETag" not in response  # nothing to revalidate against: the page is not kept


def test_a_repeated_search_is_rendered_again(client):
    first = client.get("/en/search/?q=asylum")
    assert "asylum" in first.content.decode().lower()
    second = client.get("/en/search/?q=asylum")
    assert second.status_code == 200
    assert second.get("X-Page-Cache") != "hit"


def test_the_search_box_posts_and_the_results_title_names_no_words(client):
    form = client.get("/ru/about/").content.decode()
    assert '<form class="site-search" role="search" method="post" action="/ru/search/" autocomplete="off">' in form
    response = client.post("/ru/search/", {"q": "депортация"})
    assertContains(response, "депортация", status_code=200)
    assert response["Cache-Control"] == "private, no-store"
    page = response.content.decode()
    assert "<title>Результаты поиска · " in page and "депортация" not in page.split("</title>")[0]
    # Posted words are carried into no address: the other languages are the search page alone.
    assert 'hreflang="kk" href="http://testserver/kk/search/"' in page and "?q=" not in page


def test_a_partners_search_link_still_answers_with_only_the_words_used_in_its_links(client):
    query = "статус беженца " * 70  # 1,050 characters: the search uses the first 200
    response = client.get("/ru/search/", {"q": query})
    assertContains(response, "Результаты поиска", status_code=200)
    assert response["Cache-Control"] == "private, no-store"
    page = response.content.decode()
    links = re.findall(r'href="[^"]*/search/\?q=([^"]*)"', page)
    assert len(links) == 2 * len(settings.LANGUAGES) + 1, "the language chooser, the alternates and x-default"
    assert all(len(unquote_plus(link)) <= 200 for link in links)
    assert len(page.encode()) < 60_000


def test_the_plan_posts_and_its_answer_is_private(client):
    teaser = client.get("/en/").content.decode()
    assert '<form class="plan-teaser" method="post" action="/en/plan/" autocomplete="off"' in teaser
    response = client.post("/ru/plan/", {"situation": "irregular", "date": "2025-03-14", "city": "almaty"})
    assertContains(response, "Ваши следующие шаги", status_code=200)
    assert "no-store" in response["Cache-Control"]
    assert '<form class="plan-form" method="post" action="/ru/plan/" autocomplete="off">' in response.content.decode()
    old_link = client.get("/ru/plan/", {"situation": "irregular", "date": "2025-03-14"})  # a link made before it posted
    assertContains(old_link, "Ваши следующие шаги", status_code=200)
