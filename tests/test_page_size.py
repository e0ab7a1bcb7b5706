"""A page's cost does not follow the size of the site: with ten times the content (the benchmark's
SCALE=10 data), lists come a page at a time and what is elsewhere is shown up to a few entries,
so no public page passes 100 KB of HTML, and no page loads the text of guidance it does not show."""

import pytest
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext
from pytest_django.asserts import assertContains, assertNotContains

from benchmarks.scale_data import grow
from config.site.city_directory import ELSEWHERE_SHOWN
from guidance.models import MORE_PAGES_SHOWN
from offices.models import CITIES_IN_CHOOSER, Office
from offices.views import OFFICES_PER_PAGE
from partners.views import PARTNERS_PER_PAGE

from .pages import public_paths

pytestmark = [pytest.mark.django_db, pytest.mark.same_on_every_database]
MAX_HTML = 100 * 1024


@pytest.fixture(scope="module")
def tenfold(django_db_setup, django_db_blocker):
    """Ten times the content, made once for the module's tests (4 s each time) and rolled back after them;
    each test runs in a transaction of its own inside, as usual."""
    with django_db_blocker.unblock(), transaction.atomic():
        yield grow(10)
        transaction.set_rollback(True)


def test_no_page_passes_100_kb_with_ten_times_the_content(client, tenfold):
    assert tenfold["cities"] == 50 and tenfold["guidance pages"] == 30
    paths = public_paths("en") + public_paths("ar") + ["/en/offices/?page=2", "/ru/partners/?page=2", "/en/cities/almaty-7/"]
    for path in paths:
        response = client.get(path)
        assert response.status_code == 200, path
        assert len(response.content) <= MAX_HTML, (path, len(response.content))


def test_the_home_page_offers_a_few_cities_and_pages_and_links_to_the_rest(client, tenfold):
    response = client.get("/en/")
    assertContains(response, 'href="/en/cities/"', status_code=200)
    assert response.content.decode().split('class="city-list"')[1].split("</ul>")[0].count("<li>") == CITIES_IN_CHOOSER
    html = response.content.decode()
    assert html.count('class="choice"') == 3  # one page for each audience
    assert html.split('<ul class="more-guidance">')[1].split("</ul>")[0].count("<li>") == MORE_PAGES_SHOWN


def test_a_city_page_shows_a_few_entries_from_elsewhere_with_a_link_to_all(client, tenfold):
    response = client.get("/en/cities/almaty/")
    assertContains(response, "All offices and hotlines", status_code=200)
    assertContains(response, "All partner organisations")
    html = response.content.decode()
    unhcr = html.split('id="unhcr"')[1].split("</section>")[0]
    assert unhcr.count('class="card') <= ELSEWHERE_SHOWN + 1  # Almaty's own UNHCR office, and a few others


def test_the_office_list_comes_a_page_at_a_time(client, tenfold):
    pages = -(-Office.objects.count() // OFFICES_PER_PAGE)
    assert pages >= 3
    first = client.get("/en/offices/")
    assertContains(first, 'href="/en/offices/?page=2" rel="next"', status_code=200)
    assertContains(first, f"Page 1 of {pages}")
    assert first.content.decode().count('class="card') == OFFICES_PER_PAGE
    last = client.get(f"/en/offices/?page={pages}")
    assertContains(last, "Former offices", status_code=200)
    assertContains(last, f'href="/en/offices/?page={pages - 1}"')
    assert client.get(f"/en/offices/?page={pages + 1}").status_code == 404
    assert client.get("/en/offices/?page=two").status_code == 404


def test_the_partner_list_comes_a_page_at_a_time_and_keeps_the_filter(client, tenfold, monkeypatch):
    first = client.get("/en/partners/")
    assertContains(first, 'href="/en/partners/?page=2"', status_code=200)
    assert first.content.decode().count('class="card"') == PARTNERS_PER_PAGE
    monkeypatch.setattr("partners.views.PARTNERS_PER_PAGE", 5)
    filtered = client.get("/en/partners/?service=legal-counselling")
    assertContains(filtered, 'href="/en/partners/?service=legal-counselling&amp;page=2"')
    second = client.get("/en/partners/?service=legal-counselling&page=2")
    assertContains(second, 'href="/en/partners/?service=legal-counselling"')


def test_a_page_number_written_another_way_is_served_but_not_stored(client, tenfold):
    assert client.get("/en/offices/?page=1").status_code == 200
    assert "X-Page-Cache" not in client.get("/en/offices/?page=1")
    assert "X-Page-Cache" not in client.get("/en/offices/?page=02")
    assert client.get("/en/offices/?page=2")["X-Page-Cache"] == "miss"


def guidance_bodies_loaded(client, path):
    """How many queries read the text of guidance pages (the body column in any language)."""
    with CaptureQueriesContext(connection) as queries:
        assert client.get(path).status_code == 200
    return sum('"guidance_revision"."body' in query["sql"] for query in queries)


@pytest.mark.parametrize("path, bodies", [
    ("/en/", 0), ("/en/search/", 0), ("/en/search/?q=asylum", 0), ("/en/cities/almaty/", 0), ("/en/updates/", 0),
    ("/en/guidance/refugees/history/", 0), ("/en/guidance/refugees/", 1),
])
def test_pages_load_no_guidance_text_they_do_not_show(client, tenfold, path, bodies):
    assert guidance_bodies_loaded(client, path) == bodies


def test_a_guidance_page_lists_the_others_by_title(client, tenfold):
    response = client.get("/en/guidance/refugees/")
    assertContains(response, "More guidance", status_code=200)
    assertNotContains(response, 'href="/en/guidance/refugees/"><strong>')
