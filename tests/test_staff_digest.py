"""Editors get one e-mail a day with the current offices, partners and partner branches of their cities due
for a check (`send_staff_digest`), in their language, if they asked; a second run the same day sends nothing."""

import datetime
import io

import pytest
from django.core.management import call_command
from django.utils import timezone

from config.staff.digest import send_digests
from config.staff.models import DigestSent
from offices.models import City, Office
from partners.models import Branch, Partner

from .staff_profiles import member, sent_to

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate()
ALMATY_TO_CHECK = ["employment-office-almaty", "unhcr-representation-central-asia"]


@pytest.fixture(autouse=True)
def checked_elsewhere():
    """Every entry checked this week and not due; Almaty's and Taldykorgan's offices and branches and the
    hotline never checked."""
    for model in (Office, Branch, Partner):
        model.objects.update(verified_on=TODAY - datetime.timedelta(days=3), next_check_due=TODAY + datetime.timedelta(days=27))
    never = {"verified_on": None, "next_check_due": None}
    for model in (Office, Branch):
        model.objects.filter(city__slug__in=["almaty", "taldykorgan"]).update(**never)
    Office.objects.filter(kind=Office.Kind.HOTLINE).update(**never)


def almaty():
    return City.objects.get(slug="almaty")


def test_an_editor_of_a_city_gets_its_current_offices_to_check_in_their_language(mailoutbox):
    editor = member("editor", language="ru", cities=[almaty()])
    send_digests()
    (mail,) = sent_to(mailoutbox, editor.user)
    assert mail.subject == "Записи справочника для проверки: 4"  # two offices, two partner branches
    for slug in ALMATY_TO_CHECK:
        assert f"- {Office.objects.get(slug=slug).name_ru}" in mail.body  # named in the editor's language
    assert "Ни разу не проверялось" in mail.body
    assert Office.objects.get(slug="migration-service-almaty").name_ru not in mail.body  # a former office
    assert Office.objects.get(slug="employment-office-taldykorgan").name_ru not in mail.body  # another city
    assert f"/admin/offices/office/?due=due&is_current__exact=1&city__id__in={almaty().pk}" in mail.body
    assert "Отделения партнёров:" in mail.body
    for branch in Branch.objects.filter(city=almaty()).select_related("partner"):
        assert f"- {branch.partner.name_ru} (Алматы): Ни разу не проверялось" in mail.body
    assert f"/admin/partners/branch/?due=due&city__id__in={almaty().pk}" in mail.body


def test_an_editor_who_chose_no_city_gets_every_city_and_stale_dates_are_shown(mailoutbox):
    Office.objects.filter(slug="employment-office-almaty").update(
        verified_on=datetime.date(2025, 3, 14), next_check_due=datetime.date(2025, 4, 13))
    editor = member("editor")
    send_digests()
    (mail,) = sent_to(mailoutbox, editor.user)
    assert mail.subject == "Directory entries to check: 5"  # offices: Almaty's 2, the hotline; 2 branches (Taldykorgan's office is history now)
    assert "last checked on 14 March 2025, due on 13 April 2025" in mail.body
    assert Office.objects.get(slug="employment-office-astana").name not in mail.body  # checked this week


def test_the_digest_is_sent_once_a_day_however_often_it_runs(mailoutbox):
    editor = member("editor", cities=[almaty()])
    assert send_digests() == [editor.user]
    assert send_digests() == []
    out = io.StringIO()
    call_command("send_staff_digest", stdout=out)
    assert "Digests sent: 0" in out.getvalue()
    assert len(sent_to(mailoutbox, editor.user)) == 1
    record = DigestSent.objects.get(user=editor.user, day=TODAY)
    assert sorted(record.offices) == sorted(Office.objects.filter(slug__in=ALMATY_TO_CHECK).values_list("pk", flat=True))
    assert sorted(record.branches) == sorted(Branch.objects.filter(city=almaty()).values_list("pk", flat=True))
    send_digests(today=TODAY + datetime.timedelta(days=1))
    assert len(sent_to(mailoutbox, editor.user)) == 2  # the next day, again


def test_only_those_who_asked_and_may_edit_offices_get_it(mailoutbox):
    quiet = member("editor", directory_digest=False)
    translator = member("translator")
    publisher = member("publisher", language="kk")
    send_digests()
    assert sent_to(mailoutbox, quiet.user) == [] and sent_to(mailoutbox, translator.user) == []
    (mail,) = sent_to(mailoutbox, publisher.user)  # publishers keep the directory too
    assert mail.subject.startswith("Тексерілетін анықтамалық жазбалары")


def test_nothing_to_check_sends_nothing_and_records_nothing(mailoutbox):
    for model in (Office, Branch, Partner):
        model.objects.update(verified_on=TODAY, next_check_due=TODAY + datetime.timedelta(days=1))
    member("editor")
    assert send_digests() == []
    assert mailoutbox == [] and not DigestSent.objects.exists()


def test_a_failed_mail_is_not_recorded_as_sent(mailoutbox, monkeypatch):
    editor = member("editor")

    def refuse(*args, **kwargs):
        raise ConnectionRefusedError("the mail server is down")

    monkeypatch.setattr("django.core.mail.backends.locmem.EmailBackend.send_messages", refuse)
    with pytest.raises(ConnectionRefusedError):
        send_digests()
    assert not DigestSent.objects.filter(user=editor.user).exists()  # tomorrow's run, or a re-run, sends it
