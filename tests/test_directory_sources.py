"""Every directory entry says where its facts come from and when they were last found true, and its
opening hours (only from a source) with the coming public holidays named by their dates."""

import re
from datetime import date, timedelta

import pytest
from django.conf import settings
from django.db import connection, migrations
from django.db.migrations.loader import MigrationLoader

from config.periods import start_of_day
from config.sources.models import Check, Source
from guidance.models import Revision
from offices.models import City, Office
from tests.clock import clock_at
from tests.factories import office
from tests.pages import page_html

pytestmark = pytest.mark.django_db

LANGUAGES = [code for code, _name in settings.LANGUAGES]
WEEKDAYS_9_TO_6 = [{"byday": "MO,TU,WE,TH,FR", "opens_at": "09:00", "closes_at": "18:00"}]
READ_ON = date(2026, 12, 7)


def cards(html):
    """The HTML of each office and branch card of a page."""
    return [part.split("</article>", 1)[0] for part in html.split('<article class="card"')[1:]]


def at_noon(day):
    return clock_at(start_of_day(day) + timedelta(hours=12))


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_card_on_every_city_page_and_print_sheet_shows_a_source_and_a_date(client, language):
    for city in City.objects.all():
        for path in (f"/{language}/cities/{city.slug}/", f"/{language}/cities/{city.slug}/print/"):
            shown = cards(page_html(client, path))
            assert shown, path
            for card in shown:
                provenance = re.search(r'<p class="provenance">(.*?)</p>', card, flags=re.DOTALL)
                assert provenance, (path, card[:200])
                assert re.search(r"\d{4}", provenance.group(1)), (path, provenance.group(1))  # its date, at least the year


def test_a_page_read_on_a_day_is_cited_with_its_publisher_site_and_day(client):
    place = office("konaev-point", city="almaty", hours=WEEKDAYS_9_TO_6)
    Check(entry=place, method=Check.Method.SOURCE, source=Source.objects.get(key="unhcr-help"), checked_on=READ_ON).save()
    html = page_html(client, "/en/offices/konaev-point/")
    assert "As listed by UNHCR on" in html and ">help.unhcr.org</a>, read" in html
    assert '<time datetime="2026-12-07">7 December 2026</time>' in html
    assert "Как указано: УВКБ ООН" in page_html(client, "/ru/offices/konaev-point/")


def test_a_phone_check_is_shown_beside_the_source_with_its_day(client):
    place = office("checked-by-phone", city="almaty")
    Check(entry=place, method=Check.Method.SOURCE, source=Source.objects.get(key="000")).save()
    with at_noon(READ_ON):
        Check(entry=place, method=Check.Method.PHONE, checked_on=READ_ON).save()
        html = page_html(client, "/en/cities/almaty/")
    card = next(card for card in cards(html) if "checked-by-phone" in card)
    assert "Source: Information for asylum-seekers and refugees in the Republic of Kazakhstan (2019–2022)" in card
    assert "Confirmed by phone by UNHCR staff on" in card and "7 December 2026" in card
    place.refresh_from_db()
    assert place.verified_on == READ_ON  # what freshness and the staff digest read


def test_an_entry_with_no_source_says_so(client):
    office("unsourced-office", city="almaty")
    html = page_html(client, "/en/cities/almaty/")
    card = next(card for card in cards(html) if "unsourced-office" in card)
    assert "No source is recorded for this information." in card
    assert "Opening hours are not known: call the UNHCR hotline before you go." in card


def test_an_office_with_hours_shows_them_and_names_independence_day_in_early_december(client):
    office("with-hours", city="almaty", hours=WEEKDAYS_9_TO_6, phones="+77272584598")
    with at_noon(date(2026, 12, 7)):
        english = page_html(client, "/en/cities/almaty/")
        russian = page_html(client, "/ru/cities/almaty/print/")
        arabic = page_html(client, "/ar/offices/with-hours/")
    card = next(card for card in cards(english) if "with-hours" in card)
    assert "Monday–Friday: 9:00–18:00" in card
    assert "Closed on Wednesday 16 December: Independence Day" in card
    assert "Call before you go" not in card and "not known" not in card
    card = next(card for card in cards(russian) if "with-hours" in card)
    assert "понедельник–пятница: 9:00–18:00" in card.lower()
    assert "Среда, 16 декабря — закрыто: День Независимости" in card
    assert "عيد الاستقلال" in arabic and 'dir="rtl"' in arabic


def test_holidays_are_named_only_while_they_are_coming(client):
    office("with-hours", city="almaty", hours=WEEKDAYS_9_TO_6)
    with at_noon(date(2026, 12, 17)):
        html = page_html(client, "/en/offices/with-hours/")
    assert "16 December" not in html
    with at_noon(date(2026, 12, 20)):
        html = page_html(client, "/en/offices/with-hours/")
    assert "Closed on Friday 1 January: New Year&#x27;s Day" in html or "Closed on Friday 1 January: New Year's Day" in html


def test_a_holiday_on_a_closed_day_is_not_listed(client):
    office("weekends-only", city="almaty", hours=[{"byday": "SA,SU", "opens_at": "10:00", "closes_at": "14:00"}])
    with at_noon(date(2026, 12, 7)):
        html = page_html(client, "/en/offices/weekends-only/")
    assert "Saturday, Sunday: 10:00–14:00" in html
    assert "Independence Day" not in html


def test_a_temporary_closure_is_named_beside_the_hours(client):
    office(
        "closing-soon", city="almaty", hours=WEEKDAYS_9_TO_6,
        closed_from=date(2026, 12, 9), closed_until=date(2026, 12, 10), closure_reason_en="Repairs",
    )
    with at_noon(date(2026, 12, 7)):
        html = page_html(client, "/en/cities/almaty/")
    card = next(card for card in cards(html) if "closing-soon" in card)
    assert "Will be closed" in card and "9 December 2026" in card and "Repairs" in card
    assert "Closed on Wednesday 16 December: Independence Day" in card


def test_the_open_data_carries_the_weekly_schedule_and_the_holiday(client):
    place = office("with-hours", city="almaty", hours=WEEKDAYS_9_TO_6)
    with at_noon(date(2026, 12, 7)):
        document = client.get("/en/open-data/hsds.json").json()
    locations = [location for location in document["locations"] if location["organization_id"] == str(place.uuid)]
    schedules = [schedule for location in locations for schedule in location["schedules"]]
    assert {"freq": "WEEKLY", "byday": "MO,TU,WE,TH,FR", "opens_at": "09:00", "closes_at": "18:00"}.items() <= schedules[0].items()
    assert any(s.get("valid_from") == "2026-12-16" and "Independence Day" in s["description"] for s in schedules)


def test_hours_are_never_invented():
    """The loaded directory has hours only where a source gives them (none yet but the Almaty Representation's)."""
    assert not Office.objects.exclude(slug="unhcr-representation-central-asia").exclude(hours=[]).exists()


def test_moving_the_list_of_sources_changed_no_table():
    loader = MigrationLoader(connection)
    for key in (("sources", "0001_source_moved_from_guidance"), ("guidance", "0013_source_moved_to_config_sources")):
        for operation in loader.disk_migrations[key].operations:
            if isinstance(operation, migrations.SeparateDatabaseAndState):
                assert operation.database_operations == [], key
            else:  # only the content type follows the model, so the roles keep their permissions
                assert isinstance(operation, migrations.RunPython), (key, operation)
    assert Source._meta.db_table == "guidance_source"
    assert Revision._meta.get_field("sources").related_model is Source
    assert Source.objects.filter(revisions__isnull=False).exists()  # the revisions still name them


def test_staff_pick_sources_and_record_checks_on_the_office_page(admin_client):
    place = office("admin-checked", city="almaty")
    html = admin_client.get(f"/admin/offices/office/{place.pk}/change/").content.decode()
    assert "sources-check-content_type-object_id-0-method" in html
    assert "Reading a public source" in html and "Phone call" in html
