""""What should I do now?": a person's steps with their own dates, private, and never a 500."""

import datetime
import re
from unittest import mock

import pytest
from pytest_django.asserts import assertContains, assertNotContains

from config.site import deadlines
from tests.factories import QUERY_BUDGET

pytestmark = pytest.mark.django_db

TODAY = datetime.date(2026, 12, 28)


@pytest.fixture(autouse=True)
def fixed_today():
    with mock.patch("django.utils.timezone.localdate", return_value=TODAY):
        yield


def plan(client, lang="en", **params):
    """The plan as the site's own form asks for it: posted, so nothing typed is in the address."""
    return client.post(f"/{lang}/plan/", params)


def times(response):
    return re.findall(r'<time datetime="(\d{4}-\d\d-\d\d)">([^<]+)</time>', response.content.decode())


def test_irregular_crossing_gives_the_next_day_as_the_deadline(client):
    response = plan(client, situation="irregular", date="2026-12-20")
    assertContains(response, "Apply for asylum at once")
    assert times(response)[0] == ("2026-12-21", "Monday, 21 December 2026")


def test_just_arrived_gives_five_calendar_days_counting_the_day_of_arrival(client):
    response = plan(client, situation="arrived", date="2026-12-24", city="almaty")
    assert times(response)[0][0] == "2026-12-28"  # 24, 25, 26, 27, 28: the earliest reading
    assertContains(response, "85 Dostyk Ave.")  # the office that receives applications in Almaty
    assertContains(response, "identity documents")


def test_a_move_counts_five_working_days_around_independence_day(client):
    # Monday 14 December 2026: 15, (16 is Independence Day), 17, 18, 21, 22.
    response = plan(client, situation="moving", date="2026-12-14")
    assertContains(response, "internal-affairs bodies")
    assert times(response)[0][0] == "2026-12-22"
    assert deadlines.working_days_after(datetime.date(2026, 12, 14), 5) == datetime.date(2026, 12, 22)


def test_an_appeal_runs_three_months_to_the_end_of_a_shorter_month(client):
    response = plan(client, situation="rejected", date="2026-11-30")
    assertContains(response, "Appeal in court")
    assert times(response)[0][0] == "2027-02-28"
    # 28 February 2027 is a Sunday: the person is told not to wait for it.
    assertContains(response, "weekend or a public holiday")
    assertContains(response, "Kazakhstan International Bureau for Human Rights")  # free help with appeals


def test_stateless_dates_citizenship_five_years_on_and_needs_no_date(client):
    assertContains(plan(client, situation="stateless"), "stateless person&#x27;s certificate")
    response = plan(client, situation="stateless", date="2021-06-01")
    assert ("2026-06-01" in dict(times(response)))
    assertNotContains(response, "This date has passed")  # a "from" date, not a deadline


def test_a_passed_deadline_says_so(client):
    assertContains(plan(client, situation="irregular", date="2026-12-01"), "This date has passed")


def test_the_page_is_private_noindex_and_sets_no_cookie(client):
    response = plan(client, situation="arrived", date="2026-12-24")
    assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"]
    assert not response.cookies
    assertContains(response, '<meta name="robots" content="noindex">')
    assert "no-store" in plan(client)["Cache-Control"]


@pytest.mark.parametrize("params, message", [
    ({"situation": "arrived"}, "When did you arrive"),
    ({"situation": "arrived", "date": "2027-06-01"}, "in the future"),
    ({"situation": "arrived", "date": "1900-01-01"}, "too long ago"),
    ({"situation": "arrived", "date": "yesterday"}, "day, month and year"),
    ({"situation": "arrived", "date": "2026-02-30"}, "day, month and year"),
    ({"situation": "sleeping", "date": "2026-12-01"}, "Select a valid choice"),
    ({"situation": "moving", "date": "2026-12-01", "city": "atlantis"}, "Select a valid choice"),
    ({"situation": "<script>alert(1)</script>", "date": "%00"}, "Select a valid choice"),
])
def test_bad_input_gets_a_form_error_never_a_500(client, params, message):
    response = plan(client, **params)
    assertContains(response, message, status_code=400)
    assertNotContains(response, "<script>alert(1)</script>", status_code=400)


def test_the_form_alone_answers_200(client):
    response = plan(client)
    assertContains(response, "Show my steps")
    assertNotContains(response, "Your next steps")


def test_home_and_guidance_pages_offer_the_plan(client):
    for path in ("/en/", "/en/guidance/asylum-seekers/"):
        assertContains(client.get(path), 'action="/en/plan/"')


@pytest.mark.parametrize("lang, shown", [
    ("en", "Tuesday, 22 December 2026"),
    ("ru", "Вторник, 22 декабря 2026 г."),
    ("kk", "22.12.2026, Сейсенбі"),
    ("ar", "الثلاثاء، 22 ديسمبر 2026"),  # day, month, year (config/formats/ar)
    ("prs", "سه\u200cشنبه، 22 دسمبر 2026"),  # the month as Afghans name it, not Iran's دسامبر; Tuesday one word (ZWNJ)
    ("zh-hans", "2026年12月22日（星期二）"),
])
def test_a_deadline_names_its_weekday_and_month_in_the_readers_language(client, lang, shown):
    response = plan(client, lang=lang, situation="moving", date="2026-12-14")
    assert response.status_code == 200
    assert times(response)[0] == ("2026-12-22", shown)


@pytest.mark.parametrize("lang", ["ar", "prs"])
def test_the_plan_reads_right_to_left_in_arabic_and_dari(client, lang):
    response = plan(client, lang=lang, situation="moving", date="2026-12-14")
    assertContains(response, f'<html lang="{lang}" dir="rtl">')
    assertNotContains(response, "De-register and register again")  # translated, not English
    assert times(response)[0][0] == "2026-12-22"


def test_the_plan_stays_within_the_query_budget(client, django_assert_max_num_queries):
    with django_assert_max_num_queries(QUERY_BUDGET):
        plan(client, situation="rejected", date="2026-11-30", city="almaty")
