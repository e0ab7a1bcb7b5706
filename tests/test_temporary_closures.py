"""An office or branch temporarily closed is marked wherever its card appears, in the reader's language,
and in the open data; the city page says where to apply meanwhile; the mark goes away by itself."""

import json
from datetime import date, timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone, translation

from config.periods import start_of_day
from offices.models import Office
from partners.models import Branch
from tests.clock import clock_at
from tests.factories import committed
from tests.pages import page_html

pytestmark = pytest.mark.django_db

ASTANA_OFFICE = "employment-office-astana"
FIRST_DAY = date(2026, 12, 16)
LAST_DAY = date(2026, 12, 18)


@pytest.fixture(autouse=True)
def long_page_cache(settings):
    settings.CACHE_SECONDS = 30 * 24 * 3600


@pytest.fixture
def closed_office():
    office = Office.objects.get(slug=ASTANA_OFFICE)
    office.closed_from, office.closed_until = FIRST_DAY, LAST_DAY
    office.closure_reason_en, office.closure_reason_ru = "Public holiday", "Праздничные дни"
    with committed():  # the search index follows once the change is committed
        office.save()
    return office


def during_the_closure():
    return clock_at(start_of_day(FIRST_DAY) + timedelta(hours=10))


def closed_mark(lang):
    with translation.override(lang):
        return translation.gettext("Temporarily closed")


@pytest.mark.parametrize(
    "path",
    ["/ru/cities/astana/", "/ru/cities/astana/print/", f"/ru/offices/{ASTANA_OFFICE}/", "/ru/offices/"],
)
def test_a_closed_office_is_marked_on_every_page_that_shows_it(client, closed_office, path):
    with during_the_closure():
        html = page_html(client, path)
        with translation.override("ru"):
            dates = closed_office.closure.dates
    card = html[html.index(f"/ru/offices/{ASTANA_OFFICE}/"):]
    assert closed_mark("ru") in card
    assert dates in card
    assert "Праздничные дни" in card


def test_a_closed_office_is_marked_in_search(client, closed_office):
    with during_the_closure():
        html = page_html(client, "/en/search/?q=astana+employment")
    assert "Temporarily closed" in html and "Public holiday" in html


def test_the_city_page_points_to_the_next_office_that_receives_applications(client, closed_office):
    with during_the_closure():
        html = page_html(client, "/en/cities/astana/")
    apply_section = html[html.index('id="apply"'):html.index('id="unhcr"')]
    assert "While it is closed, apply at this office:" in apply_section
    assert "/en/offices/employment-office-almaty/" in apply_section


def test_with_no_open_office_anywhere_the_city_page_says_to_call_the_hotline(client, closed_office):
    Office.objects.filter(kind=Office.Kind.ASYLUM_AUTHORITY).update(closed_from=FIRST_DAY, closed_until=LAST_DAY)
    with during_the_closure():
        html = page_html(client, "/en/cities/astana/")
    assert "While it is closed, call the UNHCR hotline to ask where to apply." in html


def test_a_closure_announced_ahead_says_when_and_the_mark_goes_after_the_last_day(client, closed_office):
    with clock_at(start_of_day(FIRST_DAY) - timedelta(days=3)):
        before = page_html(client, "/en/cities/astana/")
    with during_the_closure():
        during = page_html(client, "/en/cities/astana/")
    with clock_at(start_of_day(LAST_DAY + timedelta(days=1)) + timedelta(minutes=1)):
        after = page_html(client, "/en/cities/astana/")
    assert "Will be closed" in before and "While it is closed" not in before
    assert "Temporarily closed" in during
    assert "Public holiday" not in after and "While it is closed" not in after


def test_a_closed_partner_branch_is_marked_on_its_partner_and_city_pages(client):
    branch = Branch.objects.filter(partner__slug="bhr", city__slug="almaty").get()
    branch.closed_from = branch.closed_until = FIRST_DAY
    branch.closure_reason_en = "Staff training"
    branch.save()
    with during_the_closure():
        for path in ["/en/partners/bhr/", "/en/cities/almaty/", "/en/cities/almaty/print/"]:
            html = page_html(client, path)
            assert "Temporarily closed" in html and "On 16 December 2026" in html and "Staff training" in html, path


def test_open_data_gives_the_closure_as_status_and_schedule(client, closed_office):
    with during_the_closure():
        document = json.loads(page_html(client, "/ru/open-data/hsds.json"))
    service = next(s for s in document["services"] if s["organization_id"] == str(closed_office.uuid))
    assert service["status"] == "temporarily closed"
    location = next(loc for loc in document["locations"] if loc["organization_id"] == str(closed_office.uuid))
    closure = next(s for s in location["schedules"] if "valid_from" in s)
    assert (closure["valid_from"], closure["valid_to"]) == ("2026-12-16", "2026-12-18")
    assert "Праздничные дни" in closure["description"] and closure["notes"] == "Праздничные дни"
    others = [s for s in document["services"] if s["organization_id"] != str(closed_office.uuid)]
    assert {s["status"] for s in others} == {"active"}


def test_open_data_is_active_again_after_the_closure(client, closed_office):
    with during_the_closure():
        page_html(client, "/en/open-data/hsds.json")
    with clock_at(start_of_day(LAST_DAY + timedelta(days=1))):
        document = json.loads(page_html(client, "/en/open-data/hsds.json"))
    assert {s["status"] for s in document["services"]} == {"active"}
    location = next(loc for loc in document["locations"] if loc["organization_id"] == str(closed_office.uuid))
    assert not any("valid_from" in s for s in location["schedules"])  # (others keep their coming public holidays)


def test_a_closure_needs_both_days_in_order():
    office = Office(closed_from=FIRST_DAY)
    with pytest.raises(ValidationError):
        office.clean()
    office.closed_until = FIRST_DAY - timedelta(days=1)
    with pytest.raises(ValidationError):
        office.clean()


def test_today_is_the_day_in_kazakhstan(closed_office):
    # Half past midnight in Almaty is still the day before in UTC, and already the first day of the closure.
    with clock_at(start_of_day(FIRST_DAY) + timedelta(minutes=30)):
        assert timezone.localdate() == FIRST_DAY
        assert Office.objects.get(pk=closed_office.pk).closure.in_effect
