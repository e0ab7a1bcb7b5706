"""For partners' websites: the notices in effect as an Atom feed per language, readable from any site,
and in the open data (HSDS) as the `alert` of the services they concern."""

import json
from datetime import timedelta

import feedparser
import pytest
from django.core.cache import cache
from django.utils import timezone

from config.site.models import Notice
from partners.models import Branch
from tests.clock import clock_at
from tests.factories import notice
from tests.pages import page_html

pytestmark = pytest.mark.django_db


def test_the_feed_lists_current_notices_in_the_language_of_its_address(client):
    Notice.objects.all().delete()  # the notice that comes with the content (Taldykorgan) is not this test's
    notice("Closed on Friday", cities=["astana"], title_ru="Закрыто в пятницу", text_ru="Звоните на **горячую линию**.")
    notice("Not yet", site_wide=True, starts_at=timezone.now() + timedelta(days=3))
    response = client.get("/ru/notices/feed/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    assert response["Access-Control-Allow-Origin"] == "*"
    parsed = feedparser.parse(response.content)
    assert not parsed.bozo, parsed.get("bozo_exception")
    assert [entry.title for entry in parsed.entries] == ["Закрыто в пятницу"]
    assert "<strong>горячую линию</strong>" in parsed.entries[0].summary
    assert parsed.entries[0].link.endswith("/ru/notices/#notice-" + str(parsed.entries[0].id).removeprefix("urn:uuid:"))


def test_the_notice_list_says_where_each_notice_applies(client):
    notice("Office moved", offices=["employment-office-astana"], cities=["almaty"], pages=["asylum-seekers"], site_wide=True)
    html = page_html(client, "/en/notices/")
    where = html[html.index('class="notice-where"'):]
    assert "everywhere on this site" in where
    for path in ("/en/cities/almaty/", "/en/offices/employment-office-astana/", "/en/guidance/asylum-seekers/"):
        assert f'href="{path}"' in where


def test_open_data_gives_the_notices_of_an_office_and_a_branch_as_alerts(client):
    notice("Appointments only this week", offices=["employment-office-astana"], title_ru="Только по записи на этой неделе")
    branch = Branch.objects.get(partner__slug="bhr", city__slug="almaty")
    notice("Lawyer away until Monday", branches=[branch])
    document = json.loads(page_html(client, "/ru/open-data/hsds.json"))
    alerts = [service.get("alert", "") for service in document["services"]]
    assert sum("Только по записи на этой неделе" in text for text in alerts) == 1
    assert sum("Lawyer away until Monday" in text for text in alerts) == len(branch.services.all())
    assert sum(bool(text) for text in alerts) == 1 + len(branch.services.all())


def feed_dates(client, path):
    """(the feed's <updated>, [each entry's <updated>]) as the feed says them."""
    response = client.get(path)
    assert response.status_code == 200
    parsed = feedparser.parse(response.content)
    assert not parsed.bozo, parsed.get("bozo_exception")
    return parsed.feed.updated, [entry.updated for entry in parsed.entries]


@pytest.mark.parametrize("with_notices", [True, False])
def test_the_feeds_dates_are_the_notices_never_the_time_of_the_request(client, with_notices):
    Notice.objects.all().delete()
    if with_notices:
        started = timezone.now() - timedelta(days=10)
        edited = notice("Closed on Friday", cities=["astana"], starts_at=started)
        Notice.objects.filter(pk=edited.pk).update(updated_at=started + timedelta(days=2))  # edited since it started
        older = notice("Open again", site_wide=True, starts_at=started - timedelta(days=5))
        Notice.objects.filter(pk=older.pk).update(updated_at=started - timedelta(days=6))  # written before it started
    first = feed_dates(client, "/ru/notices/feed/")
    cache.clear()  # worked out again, a day later, with nothing changed
    with clock_at(timezone.now() + timedelta(days=1)):
        assert feed_dates(client, "/ru/notices/feed/") == first
        assert feed_dates(client, "/en/updates/feed/")[0] == feed_dates(client, "/en/updates/feed/")[0]
    if with_notices:
        expected = (started + timedelta(days=2)).isoformat().replace("+00:00", "Z")[:19]
        assert first[0].startswith(expected) and first[1][0].startswith(expected)
        assert first[1][1].startswith((started - timedelta(days=5)).isoformat()[:19])
