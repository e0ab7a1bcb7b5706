"""sitemap.xml lists every public page in every language with hreflang alternates; robots.txt guards staff pages."""

import xml.etree.ElementTree as ET

import pytest

from tests.factories import QUERY_BUDGET

from .conftest import LANGUAGE_CODES
from .pages import INDEXED_PATHS

pytestmark = pytest.mark.django_db

NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "xhtml": "http://www.w3.org/1999/xhtml"}
HOST = "http://testserver"


def xml(client, url):
    response = client.get(url.removeprefix(HOST))
    assert response.status_code == 200, url
    assert response["Content-Type"].startswith("application/xml")
    return ET.fromstring(response.content)


def sitemap_files(client):
    """The files the index at /sitemap.xml lists."""
    return [entry.find("s:loc", NS).text for entry in xml(client, "/sitemap.xml").findall("s:sitemap", NS)]


@pytest.fixture
def sitemap(client):
    """Every URL of every file of the index, with its alternates."""
    return {
        url.find("s:loc", NS).text: {link.get("hreflang"): link.get("href") for link in url.findall("xhtml:link", NS)}
        for file in sitemap_files(client)
        for url in xml(client, file).findall("s:url", NS)
    }


def test_every_public_page_is_listed_in_every_language_with_alternates(sitemap):
    for path in INDEXED_PATHS:
        for lang in LANGUAGE_CODES:
            alternates = sitemap[HOST + path.format(lang=lang)]
            assert alternates == {
                **{code: HOST + path.format(lang=code) for code in LANGUAGE_CODES},
                "x-default": HOST + path.format(lang="en").replace("/en/", "/", 1),
            }, path


def test_x_default_lets_the_site_choose_the_language(client, sitemap):
    alternates = sitemap[f"{HOST}/ru/cities/almaty/"]
    response = client.get(alternates["x-default"].removeprefix(HOST), HTTP_ACCEPT_LANGUAGE="uk")
    assert response.status_code == 302
    assert response["Location"] == "/uk/cities/almaty/"


def test_sitemap_lists_every_city_and_current_office_but_no_history_or_tools(sitemap):
    locations = set(sitemap)
    for city in ["astana", "almaty", "shymkent", "taldykorgan"]:
        assert f"{HOST}/kk/cities/{city}/" in locations
    assert f"{HOST}/en/offices/unhcr-hotline/" in locations
    assert f"{HOST}/en/guidance/refugees/history/" in locations
    listed = " ".join(locations)
    assert "migration-service" not in listed  # former offices
    assert "/partners/iasp/" not in listed  # a partner no longer listed
    assert "/share/" not in listed and "/print/" not in listed and "hsds.json" not in listed


def test_the_sitemap_and_each_of_its_files_run_few_queries(client, django_assert_max_num_queries):
    with django_assert_max_num_queries(QUERY_BUDGET):
        files = sitemap_files(client)
    for file in files:
        with django_assert_max_num_queries(QUERY_BUDGET):
            xml(client, file)


def test_robots_keeps_staff_pages_out_and_points_to_the_sitemap(client):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    lines = response.content.decode().splitlines()
    assert "User-agent: *" in lines
    assert "Disallow: /admin/" in lines
    assert "Disallow: /*/preview/" in lines
    assert "Sitemap: http://testserver/sitemap.xml" in lines
    assert not any(line.strip() == "Disallow: /" for line in lines)
