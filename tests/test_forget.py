"""Forget this site on this phone: a page, linked from every page and the offline page, that says
what the site keeps on a phone, and one button whose answer makes the browser delete all of it."""

import pytest
from django.conf import settings

from guidance.feedback import ANSWERED_COOKIE
from guidance.models import GuidancePage
from tests.conftest import LANGUAGE_CODES

pytestmark = pytest.mark.django_db

FROM_OUR_PAGE = {"HTTP_SEC_FETCH_SITE": "same-origin"}


@pytest.mark.parametrize("path", ["/en/", "/ru/guidance/refugees/", "/ar/cities/almaty/", "/en/offline/", "/en/search/?q=x"])
def test_every_page_and_the_offline_page_link_to_it(client, path):
    html = client.get(path).content.decode()
    language = path.split("/")[1]
    assert f'href="/{language}/forget/"' in html


def test_the_page_says_what_is_kept_and_how_to_clear_the_history(client):
    response = client.get("/en/forget/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "<h1>Forget this site on this phone</h1>" in html
    for kept in ("The language you last read in", "Copies of the pages you opened", "which pages you answered"):
        assert kept in html
    assert "No website can delete it" in html and "private or incognito tab" in html
    assert "The “Exit this page” button" in html and "Shift key three times" in html
    assert '<form class="forget" method="post" action="/en/forget/" data-forget>' in html
    assert "csrfmiddlewaretoken" not in html  # the same page for everyone: it may be cached
    assert settings.CSRF_COOKIE_NAME not in response.cookies


@pytest.mark.parametrize("lang", LANGUAGE_CODES)
def test_the_page_is_in_every_language(client, lang):
    html = client.get(f"/{lang}/forget/").content.decode()
    assert f'<html lang="{lang}"' in html
    if lang != "en":
        assert "Forget this site on this phone" not in html
        assert "Delete what this site keeps" not in html


def test_the_button_wipes_cookies_cache_and_storage(client):
    client.get("/ru/guidance/refugees/")  # the language cookie
    revision = GuidancePage.objects.get(slug="refugees").current_revision
    client.post("/ru/guidance/refugees/feedback/", {"revision": revision.pk, "answer": "yes"}, **FROM_OUR_PAGE)
    assert {settings.LANGUAGE_COOKIE_NAME, ANSWERED_COOKIE} <= set(client.cookies)

    response = client.post("/ru/forget/", **FROM_OUR_PAGE)
    assert response.status_code == 200
    assert response["Clear-Site-Data"] == '"cache", "cookies", "storage"'
    assert "no-store" in response["Cache-Control"]
    html = response.content.decode()
    assert "data-forgotten" in html and "Готово" in html
    assert "js/offline." not in html, "no new offline worker right after forgetting"
    assert "js/forget." in html
    for name in (settings.LANGUAGE_COOKIE_NAME, ANSWERED_COOKIE):
        assert response.cookies[name].value == "" and response.cookies[name]["max-age"] == 0


def test_the_button_works_only_from_our_own_page(client):
    response = client.post("/en/forget/", HTTP_SEC_FETCH_SITE="cross-site")
    assert response.status_code == 403
    assert "Clear-Site-Data" not in response
    assert "works only on this site's own page" in response.content.decode()


def test_the_page_may_be_cached_but_the_answer_never(client):
    page = client.get("/en/forget/")
    assert "private" not in page.get("Cache-Control", "") and "Vary" not in page or "Cookie" not in page["Vary"]
    answer = client.post("/en/forget/", **FROM_OUR_PAGE)
    assert "private" in answer["Cache-Control"] and "no-store" in answer["Cache-Control"]
    assert client.put("/en/forget/").status_code == 405


@pytest.mark.parametrize("over_https", [False, True])
def test_the_button_expires_every_cookie_of_the_site_even_those_nginx_did_not_pass_on(client, over_https):
    """Behind the shipped nginx the site sees only the language cookie of a reader's page (nginx replaces the
    Cookie header): the answer still expires "answered" and every other cookie the site sets, at the path and
    with the flags they were set with, so each one is really replaced by the browser."""
    client.cookies.load({settings.LANGUAGE_COOKIE_NAME: "ru"})  # all nginx passes on
    response = client.post("/ru/forget/", secure=over_https, **FROM_OUR_PAGE)
    assert response.status_code == 200 and "Готово" in response.content.decode()
    headers = response.cookies.output().split("\r\n")  # the Set-Cookie lines of the answer
    for name in (settings.LANGUAGE_COOKIE_NAME, ANSWERED_COOKIE, settings.SESSION_COOKIE_NAME, settings.CSRF_COOKIE_NAME,
                 "messages"):
        (header,) = [header for header in headers if header.startswith(f"Set-Cookie: {name}=")]
        assert header.startswith(f'Set-Cookie: {name}=""; expires=Thu, 01 Jan 1970 00:00:00 GMT;'), header
        assert "Max-Age=0" in header and "Path=/" in header and "SameSite=Lax" in header and "HttpOnly" in header
        assert ("; Secure" in header) == over_https, header
