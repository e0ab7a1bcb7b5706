"""Change notes and restore notes are translated like the rest, and translators are credited in the history."""

import pytest
from django.contrib.auth.models import Group, User
from django.test import Client

from guidance.models import Revision
from tests.pages import page_html

from .staff import decide, page, save_draft, start_draft

pytestmark = pytest.mark.django_db

SLUG = "refugees"


def translator_named(first, last, username):
    user = User.objects.create_user(username, is_staff=True, first_name=first, last_name=last)
    user.groups.add(Group.objects.get(name="translator"))
    client = Client()
    client.force_login(user)
    return client


def test_a_restore_takes_a_change_note_in_every_language(client, staff_client):
    publisher = staff_client("publisher")
    before = page(SLUG).current_revision
    draft = start_draft(publisher, page(SLUG))
    save_draft(publisher, draft, body_en=before.body_en + "\n\nA rule that was wrong.")
    decide(publisher, draft, "publish", significance="major", change_note="A new rule.", override_checks="on")
    form = page_html(publisher, f"/admin/guidance/revision/{before.pk}/restore/")
    assert 'name="change_note_ru" lang="ru" dir="ltr"' in form and 'name="change_note_ar" lang="ar" dir="rtl"' in form
    response = publisher.post(f"/admin/guidance/revision/{before.pk}/restore/", {
        "significance": "major", "change_note": "The rule was wrong: back to the earlier text.",
        "change_note_ru": "Правило было ошибочным: возвращён прежний текст.",
        "change_note_ar": "كانت القاعدة خاطئة: أُعيد النص السابق.",
        "seen_version": before.version, "seen_current": draft.pk,
    })
    assert response.status_code == 302
    russian = page_html(client, "/ru/guidance/refugees/history/")
    assert "Правило было ошибочным: возвращён прежний текст." in russian
    assert "The rule was wrong" not in russian
    assert "كانت القاعدة خاطئة" in page_html(client, "/ar/guidance/refugees/history/")


def test_translators_are_credited_in_the_history_by_the_name_they_gave(client, staff_client):
    elena = translator_named("Elena", "Kim", "ekim")
    nameless = staff_client("translator")
    User.objects.filter(pk=nameless.user.pk).update(first_name="")
    publisher = staff_client("publisher")
    draft = start_draft(publisher, page(SLUG))
    save_draft(publisher, draft, body_en=page(SLUG).current_revision.body_en + "\n\nAsk UNHCR if anything is unclear.",
               change_note_en="Clearer wording.")
    draft = Revision.objects.get(pk=draft.pk)
    save_draft(elena, draft, change_note_ru="Уточнена формулировка.")
    draft = Revision.objects.get(pk=draft.pk)
    save_draft(nameless, draft, change_note_kk="Тұжырым нақтыланды.")
    response = decide(publisher, draft, "publish", significance="major", change_note="Clearer wording.")
    assert response.status_code == 302, response.content.decode().split("errornote")[1][:800]
    assert "Перевод: Elena Kim" in page_html(client, "/ru/guidance/refugees/history/")
    kazakh = page_html(client, "/kk/guidance/refugees/history/")
    assert nameless.user.username not in kazakh and "translated-by" not in kazakh.split("Тұжырым нақтыланды.")[1][:200]
    history = page_html(publisher, f"/admin/guidance/guidancepage/{page(SLUG).pk}/change/")
    assert "ru: Elena Kim" in history and f"kk: {nameless.user.username}" in history
