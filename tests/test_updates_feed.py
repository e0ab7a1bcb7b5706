"""Updates and its Atom feed: major guidance changes and directory changes, never a typo fix."""

import uuid
import xml.etree.ElementTree as ET

import feedparser
import pytest

from config.site.updates import REVISION_NAMESPACE
from guidance.models import Significance
from offices.models import City, Office
from partners.models import Branch, Partner
from tests.factories import QUERY_BUDGET, published_revision
from tests.pages import page_html

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"


def publish_revision(significance, note, title="Refugees: your rights in Kazakhstan"):
    return published_revision("refugees", title_en=title, change_note_en=note, significance=significance)


def read_feed(client, lang="en"):
    response = client.get(f"/{lang}/updates/feed/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    return response.content


def test_feed_is_valid_atom(client):
    publish_revision(Significance.MAJOR, "Refugees can now renew permits online.")
    content = read_feed(client)
    parsed = feedparser.parse(content)
    assert not parsed.bozo, parsed.get("bozo_exception")
    assert parsed.version == "atom10"
    root = ET.fromstring(content)
    assert root.tag == f"{ATOM}feed"
    for required in ("id", "title", "updated", "author"):
        assert root.find(f"{ATOM}{required}") is not None, required
    entries = root.findall(f"{ATOM}entry")
    assert entries
    for entry in entries:
        for required in ("id", "title", "updated", "link"):
            assert entry.find(f"{ATOM}{required}") is not None, required
    assert len({entry.find(f"{ATOM}id").text for entry in entries}) == len(entries)


def test_feed_lists_a_fresh_major_change_but_not_a_typo_fix(client):
    publish_revision(Significance.MAJOR, "Refugees can now renew permits online.")
    publish_revision(Significance.TYPO, "Fixed a spelling mistake.", title="Refugees: your rigths fixed")
    parsed = feedparser.parse(read_feed(client))
    newest = parsed.entries[0]
    assert newest.title == "Refugees: your rights in Kazakhstan"
    assert "Refugees can now renew permits online." in newest.summary
    assert newest.link == "http://testserver/en/guidance/refugees/"
    text = str(parsed.entries)
    assert "Fixed a spelling mistake." not in text and "rigths" not in text


def test_minor_change_is_not_listed_either(client):
    publish_revision(Significance.MINOR, "Clearer wording.")
    assert "Clearer wording." not in page_html(client, "/en/updates/")


def test_updates_page_lists_major_changes_with_dates_and_notes(client):
    publish_revision(Significance.MAJOR, "Refugees can now renew permits online.")
    publish_revision(Significance.TYPO, "Fixed a spelling mistake.")
    html = page_html(client, "/en/updates/")
    assert "Refugees can now renew permits online." in html
    assert "Fixed a spelling mistake." not in html
    assert "2019–2022" in html  # earlier changes from the page histories, dated by their sources
    assert '<link rel="alternate" type="application/atom+xml" href="/en/updates/feed/"' in html


def test_directory_changes_are_listed_on_the_page_and_in_the_feed(client):
    almaty = City.objects.get(slug="almaty")
    Office.objects.create(
        slug="unhcr-field-office-almaty", kind=Office.Kind.UNHCR, city=almaty, name_en="UNHCR field office",
        address_en="5 Abai Ave.", phones="+77272496045",
    )
    moved = Office.objects.get(slug="employment-office-astana")
    moved.address_en = "20 Kunaev St."
    moved.save()
    phones = Branch.objects.get(partner__slug="red-crescent", city=almaty)
    phones.phones = "+77272913792"
    phones.save()

    html = page_html(client, "/en/updates/")
    assert "UNHCR field office" in html and "New office" in html and "5 Abai Ave." in html
    assert "New address" in html and "20 Kunaev St." in html
    assert "Kazakhstan Red Crescent Society · Almaty" in html and "+7 727 291 37 92" in html  # Almaty grouping: three-digit code

    titles = [entry.title for entry in feedparser.parse(read_feed(client)).entries]
    assert titles[:3] == [
        "Kazakhstan Red Crescent Society · Almaty: New phone numbers",
        "Department of Employment and Social Programs of Astana: New address",
        "UNHCR field office: New office",
    ]


def test_closed_office_warns_readers(client):
    office = Office.objects.get(slug="unhcr-representation-central-asia")
    office.is_current = False
    office.save()
    html = page_html(client, "/en/updates/")
    assert "No longer does this work" in html and "Do not go there." in html


def test_branch_of_a_partner_no_longer_listed_is_not_announced(client):
    Branch.objects.create(partner=Partner.objects.get(slug="iasp"), city=City.objects.get(slug="almaty"), address_en="1 Secret St.")
    assert "1 Secret St." not in page_html(client, "/en/updates/")
    assert b"1 Secret St." not in read_feed(client)


def test_feed_is_in_the_language_of_its_address(client):
    root = ET.fromstring(read_feed(client, "ru"))
    assert root.get("{http://www.w3.org/XML/1998/namespace}lang") == "ru"
    assert root.find(f"{ATOM}link[@rel='alternate']").get("href") == "http://testserver/ru/updates/"


@pytest.mark.parametrize("path", ["/en/updates/", "/en/updates/feed/", "/ar/updates/feed/?page=%3Cscript%3E"])
def test_updates_run_few_queries(client, django_assert_max_num_queries, path):
    for number in range(5):
        publish_revision(Significance.MAJOR, f"Change {number}")
        office = Office.objects.get(slug="employment-office-astana")
        office.address_en = f"{number} Kunaev St."
        office.save()
    with django_assert_max_num_queries(QUERY_BUDGET):
        assert client.get(path).status_code == 200


XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def entry_ids(client, lang):
    return [entry.find(f"{ATOM}id").text for entry in ET.fromstring(read_feed(client, lang)).findall(f"{ATOM}entry")]


def test_each_language_has_its_own_entry_ids(client):
    publish_revision(Significance.MAJOR, "Refugees can now renew permits online.")
    ids = {lang: entry_ids(client, lang) for lang in ("en", "ru", "prs")}
    assert ids["en"] and len(ids["en"]) == len(ids["ru"]) == len(ids["prs"])
    assert not set(ids["en"]) & set(ids["ru"]) and not set(ids["ru"]) & set(ids["prs"])
    assert entry_ids(client, "ru") == ids["ru"]  # permanent: the same on every reading


def test_english_entries_keep_their_ids(client):
    revision = publish_revision(Significance.MAJOR, "Refugees can now renew permits online.")
    expected = f"urn:uuid:{uuid.uuid5(REVISION_NAMESPACE, str(revision.pk))}"
    assert entry_ids(client, "en")[0] == expected


def test_an_entry_shown_in_another_language_says_so(client):
    publish_revision(Significance.MAJOR, "Refugees can now renew permits online.")  # English only
    published_revision("stateless", title_en="Stateless people", title_ru="Лица без гражданства",
                       change_note_en="New section.", change_note_ru="Новый раздел.", significance=Significance.MAJOR)
    root = ET.fromstring(read_feed(client, "ru"))
    entries = {entry.find(f"{ATOM}title").text: entry for entry in root.findall(f"{ATOM}entry")}
    assert root.get(XML_LANG) == "ru"
    assert entries["Refugees: your rights in Kazakhstan"].get(XML_LANG) == "en"
    assert entries["Лица без гражданства"].get(XML_LANG) is None  # in the feed's own language
    assert not feedparser.parse(read_feed(client, "ru")).bozo
