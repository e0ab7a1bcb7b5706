"""/sitemap.xml is an index of files that stay small however large the site grows; the files and the
open data are stored like pages, refreshed by what they list, and every lastmod is the page's own."""

import datetime
import xml.etree.ElementTree as ET

import pytest
from django.core.cache import cache
from django.utils import timezone

from config import page_cache, sitemaps
from offices.models import City, Office
from partners.models import Partner
from tests.clock import clock_at
from tests.factories import published_revision

from .conftest import LANGUAGE_CODES

pytestmark = pytest.mark.django_db
NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "xhtml": "http://www.w3.org/1999/xhtml"}
HOST = "http://testserver"


def get_xml(client, url):
    response = client.get(url.removeprefix(HOST))
    assert response.status_code == 200, url
    return response, ET.fromstring(response.content)


def index(client):
    _response, root = get_xml(client, "/sitemap.xml")
    return {entry.find("s:loc", NS).text: getattr(entry.find("s:lastmod", NS), "text", None)
            for entry in root.findall("s:sitemap", NS)}


def urls(client, file):
    _response, root = get_xml(client, file)
    return {url.find("s:loc", NS).text: getattr(url.find("s:lastmod", NS), "text", None) for url in root.findall("s:url", NS)}


def test_the_index_lists_one_file_per_section(client):
    files = index(client)
    for section in ["site-static", "cities", "guidance", "guidance-history", "offices-static", "offices",
                    "partners-static", "partners"]:
        assert f"{HOST}/sitemap-{section}.xml" in files
    assert client.get("/sitemap-nothing.xml").status_code == 404


def test_a_long_section_is_split_into_files_of_at_most_the_limit(client, monkeypatch):
    assert sitemaps.ROWS_PER_FILE * len(LANGUAGE_CODES) <= 1000
    monkeypatch.setattr(sitemaps, "ROWS_PER_FILE", 5)
    for number in range(12):
        City.objects.create(slug=f"town-{number}", name_en=f"Town {number}", order=200 + number)
    files = [file for file in index(client) if "sitemap-cities" in file]
    cities = City.objects.count()
    assert len(files) == -(-cities // 5)
    assert files[1] == f"{HOST}/sitemap-cities.xml?p=2"
    listed = {}
    for file in files:
        found = urls(client, file)
        assert len(found) <= 5 * len(LANGUAGE_CODES)
        listed.update(found)
    assert len(listed) == cities * len(LANGUAGE_CODES)
    assert f"{HOST}/uk/cities/town-11/" in listed
    assert client.get(f"/sitemap-cities.xml?p={len(files) + 1}").status_code == 404


def test_sitemap_files_are_stored_and_refreshed_by_what_they_list(client):
    for path in ["/sitemap.xml", "/sitemap-offices.xml", "/sitemap-guidance.xml"]:
        assert client.get(path)["X-Page-Cache"] == "miss"
        assert client.get(path)["X-Page-Cache"] == "hit"
    office = Office.objects.get(slug="unhcr-hotline")
    office.save()
    assert client.get("/sitemap-offices.xml")["X-Page-Cache"] == "miss"
    assert client.get("/sitemap.xml")["X-Page-Cache"] == "miss"
    assert client.get("/sitemap-guidance.xml")["X-Page-Cache"] == "hit"


def test_the_same_file_asked_for_another_way_is_served_not_stored(client):
    for path in ["/sitemap-cities.xml?p=1", "/sitemap-cities.xml?p=01"]:
        assert client.get(path).status_code == 200
        assert "X-Page-Cache" not in client.get(path)
    assert client.get("/sitemap-cities.xml?p=abc").status_code == 404
    assert client.get("/sitemap-cities.xml?fbclid=x")["X-Page-Cache"] == "miss"
    assert client.get("/sitemap-cities.xml")["X-Page-Cache"] == "hit"


def really_changed(row, **fields):
    """A real change of a directory entry, as staff make it in the admin (its last-changed date moves)."""
    for name, value in fields.items():
        setattr(row, name, value)
    row.save()
    return row


def test_a_city_page_changed_when_one_of_its_offices_did(client):
    before = urls(client, "/sitemap-cities.xml")
    office = Office.objects.filter(city__slug="almaty", is_current=True).first()
    Office.objects.filter(pk=office.pk).update(changed_at=datetime.datetime(2031, 5, 6, 6, tzinfo=datetime.UTC))
    page_cache.rows_updated(Office)  # an update() sends no signal
    after = urls(client, "/sitemap-cities.xml")
    assert after[f"{HOST}/kk/cities/almaty/"] == "2031-05-06"
    assert after[f"{HOST}/kk/cities/shymkent/"] == before[f"{HOST}/kk/cities/shymkent/"]


def test_every_url_of_every_file_has_a_lastmod_from_the_database(client):
    """Never "now", never missing: a page nobody changed since it was loaded dates from its source's reading."""
    files = index(client)
    assert len(files) >= 8
    for file in files:
        found = urls(client, file)
        assert found and all(found.values()), (file, [url for url, lastmod in found.items() if not lastmod][:3])
    hotline, partner = Office.objects.get(slug="unhcr-hotline"), Partner.objects.get(slug="bhr")
    assert hotline.changed_at is None  # loaded, never changed: the day its source was read
    offices = urls(client, "/sitemap-offices.xml")
    assert offices[f"{HOST}/en/offices/unhcr-hotline/"] == (
        hotline.verified_on or timezone.localdate(hotline.source_check.recorded_at)).isoformat()
    really_changed(partner, website="https://example.org/")
    partner.refresh_from_db()
    assert urls(client, "/sitemap-partners.xml")[f"{HOST}/ar/partners/bhr/"] == (
        timezone.localdate(partner.changed_at).isoformat())
    published = published_revision("refugees").published_at
    assert urls(client, "/sitemap-guidance-history.xml")[f"{HOST}/uk/guidance/refugees/history/"] == (
        timezone.localdate(published).isoformat())


def test_lastmod_does_not_follow_the_clock(client):
    before = {file: urls(client, file) for file in index(client)}
    cache.clear()  # the files are worked out again, a year later, with nothing changed
    with clock_at(timezone.now() + datetime.timedelta(days=365)):
        assert {file: urls(client, file) for file in index(client)} == before


def test_every_section_of_rows_says_when_it_last_changed(client):
    really_changed(Office.objects.get(slug="unhcr-hotline"), notes_en="Calls are free.")
    really_changed(Partner.objects.get(slug="bhr"), website="https://example.org/")
    files = index(client)
    for section in ["cities", "guidance", "offices", "partners"]:
        assert files[f"{HOST}/sitemap-{section}.xml"], section
    published = published_revision("refugees").published_at
    # the section's lastmod is the moment, in the site's time zone (Almaty), the newest page was published
    assert datetime.datetime.fromisoformat(index(client)[f"{HOST}/sitemap-guidance.xml"]) == published
    pages = urls(client, "/sitemap-guidance.xml")
    assert pages[f"{HOST}/ar/guidance/refugees/"] == timezone.localdate(published).isoformat()


def test_lists_and_home_say_when_what_they_show_last_changed(client):
    really_changed(Office.objects.get(slug="unhcr-hotline"), notes_en="Calls are free.")
    really_changed(City.objects.get(slug="almaty"), name_en="Almaty city")
    listed = urls(client, "/sitemap-site-static.xml") | urls(client, "/sitemap-offices-static.xml")
    for path in ["/en/", "/en/about/", "/en/updates/", "/en/cities/", "/en/offices/"]:
        assert listed[HOST + path], path


def test_open_data_is_stored_and_refreshed_by_the_directory(client):
    assert client.get("/ru/open-data/hsds.json")["X-Page-Cache"] == "miss"
    assert client.get("/ru/open-data/hsds.json")["X-Page-Cache"] == "hit"
    published_revision("refugees")
    assert client.get("/ru/open-data/hsds.json")["X-Page-Cache"] == "hit"  # guidance is not in it
    City.objects.get(slug="almaty").save()
    assert client.get("/ru/open-data/hsds.json")["X-Page-Cache"] == "miss"
