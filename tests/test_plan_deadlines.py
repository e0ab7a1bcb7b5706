"""The plan to the hour and the door: a crossing's 24 hours, the earliest reading of five days, the last
working day before a day off (decree transfers counted both ways), the steps after registering, and the
calendar file, in English and in a right-to-left language."""

import datetime
from unittest import mock

import pytest
from icalendar import Calendar
from pytest_django.asserts import assertContains, assertNotContains

from config.site import deadlines
from tests.test_plan import plan, times

pytestmark = pytest.mark.django_db

TODAY = datetime.date(2026, 12, 28)
SAME_ORIGIN = {"HTTP_SEC_FETCH_SITE": "same-origin"}


@pytest.fixture(autouse=True)
def fixed_today():
    with mock.patch("django.utils.timezone.localdate", return_value=TODAY):
        yield


def test_a_crossing_at_six_on_a_monday_gives_24_hours_to_the_minute(client):
    response = plan(client, situation="irregular", date="2026-12-21", time="06:00")  # a Monday
    assertContains(response, '<time datetime="2026-12-22T06:00">Tuesday, 22 December 2026, 06:00</time>', html=False)
    assertContains(response, "Count 24 hours from the time you crossed")
    assertContains(response, "July 2018 said within 24 hours")  # the older source's 24 hours, said


def test_a_crossing_without_a_time_says_the_same_day_or_the_next(client):
    response = plan(client, situation="irregular", date="2026-12-21")
    assert times(response)[0] == ("2026-12-22", "Tuesday, 22 December 2026")
    assertContains(response, "Go the same day if you can, the next day at the latest.")


def test_a_crossing_in_arabic_reads_right_to_left_with_its_hour(client):
    response = plan(client, lang="ar", situation="irregular", date="2026-12-21", time="06:00")
    assertContains(response, 'dir="rtl"')
    assertContains(response, '<time datetime="2026-12-22T06:00">')
    assertContains(response, "06:00</time>")


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_an_arrival_on_a_friday_counts_the_day_of_arrival(client, lang):
    response = plan(client, lang=lang, situation="arrived", date="2026-12-18", city="almaty")
    assert times(response)[0][0] == "2026-12-22"  # Friday 18 … Tuesday 22: five days with the 18th
    assertContains(response, "пр. Достык, 85")  # the door (its address for a driver), in the step that has one


def test_the_arrival_step_says_why_it_counts_the_first_day(client):
    assertContains(plan(client, situation="arrived", date="2026-12-18"), "the earliest date any reading allows")


@pytest.mark.parametrize("lang, go_by", [("en", "Friday, 19 February 2027"), ("ar", "الجمعة، 19 فبراير 2027")])
def test_an_appeal_due_on_a_saturday_names_the_friday_before(client, lang, go_by):
    with mock.patch("django.utils.timezone.localdate", return_value=datetime.date(2026, 11, 21)):
        response = plan(client, lang=lang, situation="rejected", date="2026-11-20")
    assert times(response)[0][0] == "2027-02-20"  # the law's date stays: a Saturday
    assert ("2027-02-19", go_by) in times(response)


def test_a_move_counts_the_saturday_worked_by_decree():
    # 29 April 2024: 30 April, (1 May a holiday), 2, 3, Saturday 4 May worked in place of 8 May, 6 May.
    assert deadlines.working_days_after(datetime.date(2024, 4, 29), 5) == datetime.date(2024, 5, 6)
    assert not deadlines.is_working_day(datetime.date(2024, 5, 8))  # the weekday given off in exchange


def test_a_move_answer_shows_the_decree_count(client):
    response = plan(client, situation="moving", date="2024-04-29", city="almaty")
    assert times(response)[0][0] == "2024-05-06"
    assertContains(response, "Where to go")  # the office of the new city


@pytest.mark.parametrize("lang", ["en", "prs"])
def test_after_registering_fingerprints_in_three_days_and_the_certificate_for_three_months(client, lang):
    response = plan(client, lang=lang, situation="registered", date="2026-12-10")
    shown = dict(times(response))
    assert "2026-12-13" in shown  # fingerprints: three calendar days after receiving the certificate
    assert "2027-03-10" in shown  # the certificate runs out after three months
    if lang == "en":
        assertContains(response, "Give your fingerprints")
        assertContains(response, "Renew your certificate")
        assertContains(response, "invited to an interview within 3 months")
        assertNotContains(response, "Interview by")


def test_a_bad_date_is_an_error_never_put_back_in_the_date_input(client):
    response = plan(client, situation="arrived", date="not-a-date")
    assertContains(response, "day, month and year", status_code=400)
    assertNotContains(response, 'value="not-a-date"', status_code=400)


def calendar_file(client, **fields):
    return client.post("/en/plan/calendar/", fields, **SAME_ORIGIN)


def test_the_calendar_file_holds_the_dates_and_says_nothing_of_them(client):
    response = calendar_file(client, situation="rejected", date="2026-11-20")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    assert "no-store" in response["Cache-Control"]
    events = Calendar.from_ical(response.content).walk("VEVENT")
    assert sorted(event.decoded("dtstart") for event in events) == [datetime.date(2027, 2, 19), datetime.date(2027, 2, 20)]
    text = response.content.decode().lower()
    for word in ("asylum", "appeal", "court", "refugee", "location", "description"):
        assert word not in text
    assert {str(event["summary"]) for event in events} == {"Reminder 1", "Reminder 2"}


def test_the_calendar_file_is_offered_with_its_warning_only_after_an_answer(client):
    assertNotContains(plan(client), "Download the calendar file")
    response = plan(client, situation="registered", date="2026-12-10")
    assertContains(response, "may copy them to your account online")
    assertContains(response, 'action="/en/plan/calendar/"')


def test_the_calendar_file_refuses_another_site_and_bad_input(client):
    assert client.post("/en/plan/calendar/", {"situation": "rejected", "date": "2026-11-20"},
                       HTTP_SEC_FETCH_SITE="cross-site").status_code == 400
    assert calendar_file(client, situation="rejected", date="never").status_code == 400
    assert client.get("/en/plan/calendar/").status_code == 405


def test_forget_explains_how_to_delete_the_calendar_dates(client):
    assertContains(client.get("/en/forget/"), "delete the events called “Reminder”")


def test_the_home_plan_form_has_a_city(client):
    assertContains(client.get("/en/"), 'name="city" id="plan-city"')
