"""Readers' reports reach staff: the admin queue per entry with counts by problem and language, the admin
home and daily digest of the editors of that city; resolving with the change that fixed it deletes the
note, and `purge_report_notes` deletes notes after 90 days."""

import datetime
import io
import re
from http import HTTPStatus

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.test import Client
from django.utils import timezone

from config.history.models import FieldChange
from config.reports.models import Report
from config.staff.digest import send_digests
from offices.models import City, Office

from .staff_profiles import member, sent_to
from .test_staff_dashboard import dashboard

pytestmark = pytest.mark.django_db
FROM_OUR_PAGE = {"HTTP_SEC_FETCH_SITE": "same-origin"}
OFFICE = "employment-office-almaty"


def report(problem, note="", lang="en", slug=OFFICE):
    response = Client().post(f"/{lang}/report/office/{slug}/", {"problem": problem, "note": note}, **FROM_OUR_PAGE)
    assert response.status_code == HTTPStatus.SEE_OTHER
    return Report.objects.order_by("-pk").first()


@pytest.fixture
def reported():
    """Three readers said Almaty's employment office is wrong: two in Russian (phone), one in Dari (moved)."""
    report("phone", "Нет ответа по номеру", lang="ru")
    report("phone", lang="ru")
    return report("moved", "به آدرس نو رفته", lang="prs")


def almaty():
    return City.objects.get(slug="almaty")


def test_the_queue_shows_each_entry_with_counts_by_problem_and_language(reported):
    editor = member("editor", cities=[almaty()])
    response = editor.get("/admin/reports/report/")
    assert response.status_code == HTTPStatus.OK
    html = response.content.decode()
    summary = html.split('class="report-summary"')[1].split("</table>")[0]
    assert Office.objects.get(slug=OFFICE).name in summary
    assert "The phone number does not work: 2" in summary and "It has moved: 1" in summary
    assert "Russian: 2" in summary and "Dari: 1" in summary
    assert html.count('<tr class="') >= 3  # one row per report below it
    detail = editor.get(f"/admin/reports/report/{reported.pk}/change/").content.decode()
    assert "به آدرس نو رفته" in detail  # the note, for staff only
    assert "203.0.113" not in html and "REMOTE_ADDR" not in html


def test_an_editor_of_almaty_sees_the_reports_on_the_admin_home_and_an_editor_of_astana_does_not(reported):
    lines = dashboard(member("editor", cities=[almaty()]))
    count, url = lines["Reports of wrong information in my cities"]
    assert count == 3
    assert url == f"/admin/reports/report/?status=open&city={almaty().pk}"
    assert dashboard(member("editor", cities=[City.objects.get(slug="astana")]))["Reports of wrong information in my cities"][0] == 0
    assert "Reports of wrong information" not in dashboard(member("translator"))


def test_an_editor_of_almaty_gets_the_reports_in_the_daily_digest_without_the_notes(reported, mailoutbox):
    editor = member("editor", cities=[almaty()])
    send_digests()
    (mail,) = sent_to(mailoutbox, editor.user)
    assert "Readers say this information is wrong:" in mail.body
    line = next(line for line in mail.body.splitlines() if line.startswith(f"- {reported.entry_name}:"))
    assert "The phone number does not work (2)" in line and "It has moved (1)" in line
    assert f"/admin/reports/report/?status=open&city={almaty().pk}" in mail.body
    assert "Нет ответа" not in mail.body and "آدرس" not in mail.body  # notes stay in the admin


def test_resolving_with_the_change_that_fixed_it_deletes_the_note(reported):
    office = Office.objects.get(slug=OFFICE)
    change = FieldChange.objects.create(
        content_type=ContentType.objects.get_for_model(Office), object_id=office.pk, entry_name=office.name,
        field="address_en", old_value="Old street 1", new_value="New street 2", version=office.version + 1,
    )
    editor = member("editor", cities=[almaty()])
    form = editor.get(f"/admin/reports/report/{reported.pk}/change/").content.decode()
    assert "Old street 1 → New street 2" in form  # the entry's own changes to choose from
    response = editor.post(f"/admin/reports/report/{reported.pk}/change/", {"resolve": "on", "fixed_by": change.pk})
    assert response.status_code == HTTPStatus.FOUND, response.content.decode()[:2000]
    reported.refresh_from_db()
    assert (reported.is_resolved, reported.note, reported.fixed_by, reported.resolved_by) == (True, "", change, editor.user)
    assert dashboard(editor)["Reports of wrong information in my cities"][0] == 2
    # The other two, in bulk: nothing had to change.
    editor.post("/admin/reports/report/", {"action": "resolve_selected", "_selected_action": list(Report.objects.open().values_list("pk", flat=True))})
    assert Report.objects.open().count() == 0
    assert set(Report.objects.values_list("note", flat=True)) == {""}


def test_a_change_of_another_entry_cannot_be_named_as_the_fix(reported):
    other = Office.objects.get(slug="unhcr-representation-central-asia")
    change = FieldChange.objects.create(
        content_type=ContentType.objects.get_for_model(Office), object_id=other.pk, entry_name=other.name,
        field="phones", old_value="+7", new_value="+77", version=2,
    )
    response = member("editor").post(f"/admin/reports/report/{reported.pk}/change/", {"resolve": "on", "fixed_by": change.pk})
    assert response.status_code == HTTPStatus.OK  # the form again, with the error
    reported.refresh_from_db()
    assert not reported.is_resolved and reported.note


def test_notes_are_deleted_90_days_after_the_report(reported):
    today = timezone.localdate()
    Report.objects.filter(pk=reported.pk).update(reported_on=today - datetime.timedelta(days=90))
    recent = Report.objects.exclude(pk=reported.pk).exclude(note="").get()
    Report.objects.filter(pk=recent.pk).update(reported_on=today - datetime.timedelta(days=89))
    out = io.StringIO()
    call_command("purge_report_notes", stdout=out)
    assert "Notes deleted: 1" in out.getvalue()
    reported.refresh_from_db()
    recent.refresh_from_db()
    assert reported.note == "" and reported.problem == "moved"  # the report stays, counted; its note is gone
    assert recent.note == "Нет ответа по номеру"


def test_readers_cannot_see_the_queue(reported):
    response = Client().get("/admin/reports/report/")
    assert response.status_code == HTTPStatus.FOUND
    assert re.search(r"/admin/login/", response["Location"])
    assert "Нет ответа" not in Client().get(f"/en/report/office/{OFFICE}/").content.decode()
