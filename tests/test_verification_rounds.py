"""Verification rounds: a check recorded by staff sets the public "checked on" and the next due date (every
30 days for application points and hotlines, 90 for the rest, or the entry's own interval); what is due is
on the admin home and in the digest of the editors of its city; past its due date an entry is shown to
readers as "not confirmed since" its last check, and a cached page changes by itself when that day comes."""

import datetime
from datetime import timedelta

import pytest
from django.contrib.auth.models import Group
from django.utils import timezone

from config.periods import start_of_day
from config.sources import rounds
from config.sources.models import Check
from config.staff.digest import send_digests
from offices.models import City, Office
from offices.resources import OfficeResource
from partners.models import Branch, Partner
from tests.clock import clock_at
from tests.factories import QUERY_BUDGET, check
from tests.pages import page_html
from tests.staff_profiles import member, sent_to

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()
APPLICATION_POINT = "employment-office-almaty"  # Almaty's application point (Office.Kind.ASYLUM_AUTHORITY)
CHECKED = datetime.date(2026, 11, 20)  # a check before the test's days; due 30 days later
DUE = CHECKED + timedelta(days=30)
NOT_CONFIRMED = {"en": "Not confirmed since", "ar": "غير مؤكدة منذ"}


def application_point():
    return Office.objects.get(slug=APPLICATION_POINT)


def nothing_due():
    """Every entry checked today, so that only what a test makes due is due."""
    for model in (Office, Branch, Partner):
        model.objects.update(verified_on=TODAY, next_check_due=TODAY + timedelta(days=30))


@pytest.fixture
def checked_in_november():
    """Almaty's application point last confirmed by phone on 20 November 2026: due on 20 December."""
    office = application_point()
    Check.objects.of(office).update(checked_on=datetime.date(2026, 11, 1))  # its source was read before that
    return check(office, CHECKED)


def test_a_check_sets_the_public_checked_on_and_the_next_due_date(client, staff_client):
    office = application_point()
    editor = staff_client("editor")
    response = editor.post("/admin/offices/office/checked/", {"checked": office.pk}, HTTP_REFERER="/admin/offices/office/?due=due")
    assert response.status_code == 302 and response["Location"] == "/admin/offices/office/?due=due"
    assert "1 entry marked as checked today." in page_html(editor, response["Location"])
    recorded = Check.objects.of(office).newest_first().first()
    assert (recorded.method, recorded.checked_on, recorded.checked_by, recorded.note) == (
        Check.Method.PHONE, TODAY, editor.user, "Nothing changed.",
    )
    office.refresh_from_db()
    assert office.verified_on == TODAY
    assert office.next_check_due == TODAY + timedelta(days=30)  # an application point: every 30 days
    html = page_html(client, f"/en/offices/{office.slug}/")
    assert f'Confirmed by phone by UNHCR staff on <time datetime="{TODAY.isoformat()}">' in html
    assert NOT_CONFIRMED["en"] not in html


def test_the_interval_comes_from_one_rule_by_kind_and_staff_may_set_their_own():
    hotline = Office.objects.hotlines().first()
    unhcr = Office.objects.filter(kind=Office.Kind.UNHCR).first()
    branch = Branch.objects.first()
    assert [rounds.usual_days(entry) for entry in (application_point(), hotline, unhcr, branch, branch.partner)] == [30, 30, 90, 90, 90]
    assert check(branch, TODAY).next_check_due == TODAY + timedelta(days=90)
    branch.check_every_days = 14
    branch.save()
    branch.refresh_from_db()
    assert branch.next_check_due == TODAY + timedelta(days=14)


def test_checked_on_comes_only_from_checks(staff_client):
    office = application_point()
    form = page_html(staff_client("editor"), f"/admin/offices/office/{office.pk}/change/")
    assert 'name="verified_on"' not in form and 'name="check_every_days"' in form
    assert "verified_on" not in OfficeResource().get_export_headers()  # nor from a spreadsheet


@pytest.mark.parametrize("language", ["en", "ar"])
def test_an_overdue_application_point_is_not_confirmed_since_its_last_check(client, checked_in_november, language):
    shown = f'<time datetime="{CHECKED.isoformat()}">'
    paths = [f"/{language}/cities/almaty/", f"/{language}/offices/{APPLICATION_POINT}/", f"/{language}/cities/almaty/print/"]
    overdue_from = start_of_day(DUE + timedelta(days=1))
    with clock_at(overdue_from - timedelta(minutes=5)):  # the due day itself: not yet overdue
        for path in paths:
            assert NOT_CONFIRMED[language] not in page_html(client, path)
            assert client.get(path)["X-Page-Cache"] == "hit"
    with clock_at(overdue_from + timedelta(seconds=1)):  # well within the cache's 10 minutes: the due date expired it
        for path in paths:
            response = client.get(path)
            assert response.status_code == 200 and response["X-Page-Cache"] == "miss", path
            html = response.content.decode()
            assert f"{NOT_CONFIRMED[language]} {shown}" in html, path
            assert "overdue" not in html and "days ago" not in html  # an absolute date, never relative


def test_readers_are_not_told_of_an_entry_checked_in_time(client):
    nothing_due()
    assert NOT_CONFIRMED["en"] not in page_html(client, "/en/cities/almaty/")


def test_an_overdue_city_page_keeps_its_query_budget(client, django_assert_max_num_queries):
    for entry in (*Office.objects.filter(city__slug="almaty"), *Branch.objects.filter(city__slug="almaty")):
        Check.objects.of(entry).update(checked_on=TODAY - timedelta(days=300))  # the sources were read long ago
        check(entry, TODAY - timedelta(days=200))
    with django_assert_max_num_queries(QUERY_BUDGET):
        html = page_html(client, "/en/cities/almaty/")
    assert html.count(NOT_CONFIRMED["en"]) >= 3


@pytest.fixture
def overdue_in_two_cities():
    nothing_due()
    astana = Office.objects.get(slug="employment-office-astana")
    for office in (application_point(), astana):
        Check.objects.of(office).update(checked_on=TODAY - timedelta(days=100))  # their sources were read before that
        check(office, TODAY - timedelta(days=45))
    return application_point(), astana


def test_the_admin_home_of_an_editor_of_almaty_lists_its_overdue_office(overdue_in_two_cities):
    almaty, astana = overdue_in_two_cities
    editor = member("editor", cities=[City.objects.get(slug="almaty")])
    home = page_html(editor, "/admin/")
    due = (TODAY - timedelta(days=15)).strftime("%-d %B %Y")
    assert f'<a href="/admin/offices/office/{almaty.pk}/change/">{almaty.name}</a> · due on {due}' in home
    assert astana.name not in home
    assert f"/admin/offices/office/?due=due&amp;is_current__exact=1&amp;city__id__in={almaty.city_id}" in home


def test_the_digest_of_an_editor_of_almaty_lists_its_overdue_office(overdue_in_two_cities, mailoutbox):
    almaty, astana = overdue_in_two_cities
    editor = member("editor", language="ru", cities=[City.objects.get(slug="almaty")])
    send_digests()
    (mail,) = sent_to(mailoutbox, editor.user)
    assert mail.subject == "Записи справочника для проверки: 1"
    assert f"- {almaty.name_ru} (Алматы): последняя проверка" in mail.body
    assert astana.name_ru not in mail.body
    assert "Эти записи пора проверить" in mail.body


def test_an_editor_records_checks_from_the_due_list_and_a_translator_cannot(staff_client, overdue_in_two_cities):
    almaty, astana = overdue_in_two_cities
    editor = staff_client("editor")
    listed = page_html(editor, "/admin/offices/office/?due=due")
    assert almaty.name in listed and astana.name in listed
    assert Office.objects.get(slug="unhcr-national-office-astana").name not in listed.split('id="result_list"')[1]
    assert "Checked today by phone — nothing changed" in listed
    response = editor.post("/admin/offices/office/?due=due", {
        "action": "checked_today_by_phone", "_selected_action": [almaty.pk, astana.pk],
    })
    assert response.status_code == 302
    assert set(Office.objects.filter(pk__in=[almaty.pk, astana.pk]).values_list("verified_on", flat=True)) == {TODAY}
    assert almaty.name not in page_html(editor, "/admin/offices/office/?due=due")  # nothing due any more
    assert staff_client("translator").post("/admin/offices/office/checked/", {"checked": almaty.pk}).status_code == 403


def test_partners_and_branches_have_the_due_filter_and_the_roles_may_record_checks(staff_client):
    editor = staff_client("editor")
    for path in ("/admin/partners/partner/?due=due", "/admin/partners/branch/?due=later"):
        assert "due for a check" in page_html(editor, path)
    for role in ("editor", "publisher"):
        granted = set(Group.objects.get(name=role).permissions.values_list("codename", flat=True))
        assert {"add_check", "change_check", "view_check"} <= granted and "delete_check" not in granted
