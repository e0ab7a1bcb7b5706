"""A link shared with tracking parameters (fbclid, utm_*, gclid…) is the same stored page as the plain
address: served from the cache, adding no entry, and never repeating the parameters in its links."""

import re
from pathlib import Path

import pytest
from django.core.cache import cache
from pytest_django.asserts import assertContains, assertNotContains

from config.page_cache.keys import TRACKING_PARAMETERS

from .pages import public_paths

pytestmark = [pytest.mark.django_db, pytest.mark.same_on_every_database]

TRACKING = ["fbclid=IwAR0abc", "utm_source=facebook&utm_medium=social&utm_campaign=x", "gclid=EAIa1", "yclid=123",
            "mc_eid=9f8e", "igshid=zz", "msclkid=m1"]


def entries():
    return len(cache._cache)  # local memory: the number of keys held


@pytest.mark.parametrize("tracking", TRACKING)
def test_a_tracked_link_gets_the_stored_page(client, tracking):
    plain = client.get("/ru/cities/almaty/")
    assert plain.status_code == 200 and plain["X-Page-Cache"] == "miss"
    held = entries()
    tracked = client.get(f"/ru/cities/almaty/?{tracking}")
    assertContains(tracked, "Алматы", status_code=200)
    assert tracked["X-Page-Cache"] == "hit"
    assert tracked.content == plain.content
    assert entries() == held


def test_a_burst_of_unique_click_ids_adds_no_entry(client):
    client.get("/en/guidance/refugees/")
    held = entries()
    for number in range(200):
        response = client.get(f"/en/guidance/refugees/?fbclid=IwAR{number:05d}&utm_content={number}")
        assert response.status_code == 200 and response["X-Page-Cache"] == "hit"
    assert entries() == held


def test_a_tracked_first_visit_stores_the_canonical_page(client):
    first = client.get("/en/cities/astana/?fbclid=first-reader&utm_source=telegram")
    assertNotContains(first, "fbclid", status_code=200)
    assertNotContains(first, "utm_source", status_code=200)
    assert first["X-Page-Cache"] == "miss"
    plain = client.get("/en/cities/astana/")
    assert plain["X-Page-Cache"] == "hit"
    assert plain.content == first.content


@pytest.mark.parametrize("path", public_paths("en"))
def test_no_page_repeats_tracking_parameters_in_its_links(client, path):
    joiner = "&" if "?" in path else "?"
    response = client.get(f"{path}{joiner}fbclid=leaky&utm_campaign=leaky")
    assertNotContains(response, "leaky", status_code=200)


def test_unknown_parameters_are_ignored_by_pages_that_do_not_read_them(client):
    plain = client.get("/en/offices/")
    odd = client.get("/en/offices/?sort=name&x=<script>")
    assert odd.status_code == 200 and odd["X-Page-Cache"] == "hit"
    assert odd.content == plain.content


def test_the_parameters_a_page_reads_make_their_own_page(client):
    everything = client.get("/en/partners/")
    legal = client.get("/en/partners/?service=legal-counselling&utm_source=x")
    assert legal.status_code == 200 and legal["X-Page-Cache"] == "miss"
    assert legal.content != everything.content
    again = client.get("/en/partners/?utm_medium=y&service=legal-counselling")
    assert again["X-Page-Cache"] == "hit" and again.content == legal.content
    # the language switcher keeps the filter, and only the filter
    assertContains(legal, 'href="/ru/partners/?service=legal-counselling"')
    assertNotContains(legal, "utm_")


def test_parameters_in_another_order_are_the_same_page(client):
    one = client.get("/en/partners/?city=almaty&service=legal-counselling")
    other = client.get("/en/partners/?service=legal-counselling&city=almaty&gclid=1")
    assert one.status_code == other.status_code == 200
    assert other["X-Page-Cache"] == "hit" and other.content == one.content


def test_a_search_keeps_what_was_typed_in_the_language_switcher_but_not_tracking(client):
    response = client.get("/en/search/?q=asylum&utm_source=newsletter")
    assertContains(response, 'href="/ru/search/?q=asylum"')
    assertNotContains(response, "utm_source")


def test_the_shipped_nginx_ignores_the_same_tracking_parameters_for_its_kept_copies():
    """config/nginx/help-site.conf repeats the names (nginx cannot read Python): keep them equal."""
    conf = (Path(__file__).resolve().parent.parent / "config/nginx/help-site.conf").read_text()
    nginx_names = re.search(r'map \$args \$help_site_cache_args \{\s*"~\*\^\(\(([^)]*)\)', conf).group(1).split("|")
    site_names = TRACKING_PARAMETERS.pattern.removeprefix("^(").removesuffix(")$").split("|")
    assert [name.replace("[a-z0-9_]*", ".*") for name in nginx_names] == site_names
