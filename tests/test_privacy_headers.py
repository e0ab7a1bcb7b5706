"""Every response says that no page may use the camera, the microphone, the location or an
advertising API, and that only our own pages may load our files; a page answers only the methods it
serves; a response that sets a cookie is kept by no shared cache and no offline copy."""

import pytest
from django.conf import settings

from tests.pages import public_paths

pytestmark = [pytest.mark.django_db, pytest.mark.same_on_every_database]

FROM_OUR_PAGE = {"HTTP_SEC_FETCH_SITE": "same-origin"}


@pytest.mark.parametrize(
    "path", public_paths("en") + ["/ar/", "/en/no-such-page/", "/admin/login/", "/sw.js"]
)
def test_every_response_has_a_permissions_policy_and_stays_on_our_site(client, path):
    response = client.get(path)
    policy = dict(item.strip().split("=") for item in response["Permissions-Policy"].split(","))
    for feature in ("camera", "microphone", "geolocation", "interest-cohort", "browsing-topics", "payment", "usb"):
        assert policy[feature] == "()"
    assert response["Cross-Origin-Resource-Policy"] == "same-origin"


@pytest.mark.parametrize("path", ["/en/open-data/hsds.json", "/static/css/site.css"])
def test_open_data_and_static_files_may_be_read_by_other_sites(client, path):
    # Static files may be served from a CDN, another origin; they are the same for everyone.
    response = client.get(path)
    assert response.status_code == 200
    assert "Permissions-Policy" in response
    assert response["Access-Control-Allow-Origin"] == "*"
    assert response["Cross-Origin-Resource-Policy"] == "cross-origin"


@pytest.mark.parametrize("method", ["options", "put", "patch", "delete", "trace", "post"])
@pytest.mark.parametrize("path", ["/en/", "/ru/guidance/refugees/", "/en/cities/almaty/", "/en/search/?q=asylum"])
def test_a_page_answers_405_to_methods_it_does_not_serve(client, method, path):
    searching = "/search/" in path  # the search box posts (config/site/views.py)
    if searching and method == "post":
        return
    response = client.generic(method.upper(), path)
    assert response.status_code == 405
    assert response["Allow"] == ("GET, HEAD, POST" if searching else "GET, HEAD")
    page = response.content.decode()
    # Not the page itself: the short page that says so, with the quick exit.
    heading = "Эту страницу нельзя использовать таким образом" if path.startswith("/ru/") else "This page cannot be used this way"
    assert f"<h1>{heading}</h1>" in page and 'class="quick-exit"' in page
    assert 'class="site-nav"' not in page and "feedback" not in page


@pytest.mark.parametrize("method", ["OPTIONS", "TRACE", "PUT", "DELETE"])
@pytest.mark.parametrize("path", ["/admin/login/", "/sitemap.xml", "/robots.txt", "/"])
def test_no_address_serves_options_trace_or_put(client, method, path):
    assert client.generic(method, path).status_code == 405


def test_head_is_served_like_get_and_forms_still_take_their_post(client):
    assert client.head("/en/guidance/refugees/").status_code == 200
    revision = client.get("/en/guidance/refugees/").context["revision"]
    response = client.post("/en/guidance/refugees/feedback/", {"revision": revision.pk, "answer": "yes"}, **FROM_OUR_PAGE)
    assert response.status_code == 302
    assert client.put("/en/guidance/refugees/feedback/").status_code == 405
    assert client.get("/admin/login/").status_code == 200


def test_a_response_that_sets_a_cookie_is_private_except_for_the_language_cookie(client):
    first = client.get("/ru/")
    assert settings.LANGUAGE_COOKIE_NAME in first.cookies
    assert "private" not in first.get("Cache-Control", "")  # the same page for every reader
    login = client.get("/admin/login/")
    assert settings.CSRF_COOKIE_NAME in login.cookies
    assert "private" in login["Cache-Control"]
