"""Rejecting a whole draft keeps its finished translations: the page's next draft starts from them, segment by
segment where the English is the same, as up to date; a translation of English the next draft does not have
stays in the rejected draft; whoever translated each language is told, in their own language."""

import re

import pytest

from guidance.models import Revision
from guidance.segments.cutting import body_cut

from . import staff
from .factories import committed
from .pages import page_html
from .staff import page
from .staff_profiles import member, sent_to

pytestmark = pytest.mark.django_db

RUSSIAN_TITLE = "Беженцы: ваши права и документы в Казахстане"
RUSSIAN_FIRST_PARAGRAPH = "Беженец — человек вне своей страны, которому там грозит преследование (исправленный перевод)."
NEW_ENGLISH = "A paragraph the publisher did not want."
NEW_RUSSIAN = "Абзац, который издатель не принял."


def rejected_draft():
    """A draft of the refugees page with a new English paragraph and a finished Russian translation (a better
    title, a better first paragraph, the new paragraph translated), rejected as a whole by a publisher."""
    editor, russian, publisher = member("editor"), member("translator", language="ru", translates=["ru"]), member(
        "publisher")
    draft = staff.edited_draft(editor, **staff.appended(f"\n\n{NEW_ENGLISH}"))
    first = body_cut(draft, "ru").segments[0].text
    body_ru = draft.body_ru.replace(first, RUSSIAN_FIRST_PARAGRAPH, 1) + f"\n\n{NEW_RUSSIAN}"
    response = staff.save_draft(russian, draft, title_ru=RUSSIAN_TITLE, body_ru=body_ru, submit=True)
    assert response.status_code == 302
    with committed():
        response = staff.decide(publisher, Revision.objects.get(pk=draft.pk), "reject",
                                comment="The new paragraph is not needed.")
    assert response.status_code == 302
    assert Revision.objects.get(pk=draft.pk).status == Revision.Status.REJECTED
    return draft, editor, russian


def segment_state(html, segment_id):
    match = re.search(rf'<section class="segment state-([\w-]+)" id="segment-{segment_id}"', html)
    assert match, f"no segment {segment_id} in the translator's editor"
    return match.group(1)


def test_the_next_draft_starts_from_the_rejected_russian_translation(mailoutbox):
    rejected, editor, russian = rejected_draft()
    published = page().current_revision
    mailoutbox.clear()

    with committed():
        draft = staff.start_draft(editor, page())
    assert draft.pk != rejected.pk and draft.body_en == published.body_en  # the English change stays rejected
    assert draft.title_ru == RUSSIAN_TITLE and RUSSIAN_FIRST_PARAGRAPH in draft.body_ru
    assert NEW_RUSSIAN not in draft.body_ru  # it translates English this draft does not have

    editor_html = page_html(russian, f"/admin/guidance/revision/{draft.pk}/translate/ru/")
    assert RUSSIAN_TITLE in editor_html and RUSSIAN_FIRST_PARAGRAPH in editor_html
    assert segment_state(editor_html, "title") == "current"
    first_id = re.search(r'id="segment-(s\d+)"', editor_html).group(1)
    assert segment_state(editor_html, first_id) == "current"
    todo = page_html(russian, f"/admin/guidance/revision/{draft.pk}/translate/ru/?todo=1")
    assert 'id="segment-title"' not in todo and f'id="segment-{first_id}"' not in todo  # not asked for again
    assert Revision.objects.get(pk=rejected.pk).title_ru == RUSSIAN_TITLE  # the record is untouched

    (mail,) = sent_to(mailoutbox, russian.user)
    assert mail.subject.startswith("Ваш перевод сохранён в новом черновике (Русский)")  # in Russian, for them
    assert "The new paragraph is not needed." in mail.body
    assert "Сегментов сохранено, готово: 2." in mail.body and "Сегментов не сохранено: 1" in mail.body
    assert f"/admin/guidance/revision/{draft.pk}/translate/ru/" in mail.body
    assert sent_to(mailoutbox, editor.user) == []  # the editor started the draft: nothing to tell them
