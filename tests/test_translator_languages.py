"""Per-language work on a guidance draft: each language credits who changed it, a translator writes only their
languages (segment editor, full form, files), and submits their translation for review from the editor."""

from http import HTTPStatus

import pytest

from guidance.models import Revision
from tests.pages import page_html

from .factories import committed
from .staff import decide, form_data, page, start_draft
from .staff_profiles import member, sent_to

pytestmark = pytest.mark.django_db

SLUG = "asylum-seekers"


def as_browser_sends(data):
    """Text areas come back from a browser with CRLF line ends."""
    return {name: value.replace("\n", "\r\n") if isinstance(value, str) else value for name, value in data.items()}


def editor_url(draft, language):
    return f"/admin/guidance/revision/{draft.pk}/translate/{language}/"


def first_segment(html):
    return html.split('data-segment="', 1)[1].split('"', 1)[0]


def test_an_english_only_change_by_an_editor_credits_no_translator(client):
    editor, publisher = member("editor"), member("publisher")
    draft = start_draft(editor, page(SLUG))
    body = page(SLUG).current_revision.body_en + "\n\nA new English paragraph."
    data = as_browser_sends(form_data(draft, body_en=body, significance="major", change_note_en="A paragraph added."))
    assert editor.post(f"/admin/guidance/revision/{draft.pk}/change/", {**data, "_save": "1"}).status_code == HTTPStatus.FOUND
    saved = Revision.objects.get(pk=draft.pk)
    assert (saved.segments or {}).get("translators", {}) == {}
    with committed():
        assert decide(publisher, saved, "publish", significance="major").status_code == HTTPStatus.FOUND
    html = page_html(client, f"/ru/guidance/{SLUG}/history/")
    assert "Перевод:" not in html and editor.user.get_full_name() not in html


def test_a_translator_who_changes_russian_in_the_full_form_is_credited_in_russian_only(client):
    translator = member("translator", translates=["ru"])
    translator.user.first_name, translator.user.last_name = "Ольга", "Смирнова"
    translator.user.save()
    draft = start_draft(translator, page(SLUG))
    data = as_browser_sends(form_data(draft, title_ru=draft.title_ru + " (обновлено)"))
    assert translator.post(f"/admin/guidance/revision/{draft.pk}/change/", {**data, "_save": "1"}).status_code == HTTPStatus.FOUND
    credited = Revision.objects.get(pk=draft.pk).segments["translators"]
    assert credited == {"ru": [["Ольга Смирнова", translator.user.username]]}


def test_a_russian_translator_cannot_save_dari_in_the_editor(staff_client):
    translator = member("translator", translates=["ru"])
    draft = start_draft(staff_client("editor"), page(SLUG))
    html = page_html(translator, editor_url(draft, "prs"))
    assert "Dari is not one of the languages you translate (Russian)" in html
    assert "Save the translation" not in html
    response = translator.post(editor_url(draft, "prs"), {
        "seen_version": draft.version, f"text-{first_segment(html)}": "متن دری", "change_note": ""}, follow=True)
    assert "Dari is not one of the languages you translate (Russian): nothing was saved." in response.content.decode()
    stored = Revision.objects.get(pk=draft.pk)
    assert (stored.version, stored.title_prs) == (draft.version, draft.title_prs)


def test_a_russian_translator_cannot_save_dari_in_the_full_form(staff_client):
    translator = member("translator", translates=["ru"])
    draft = start_draft(staff_client("editor"), page(SLUG))
    form = page_html(translator, f"/admin/guidance/revision/{draft.pk}/change/")
    assert 'name="body_ru"' in form and 'name="body_prs"' not in form
    data = form_data(draft, title_ru="Новый заголовок", title_prs="عنوان نو")
    assert translator.post(f"/admin/guidance/revision/{draft.pk}/change/", {**data, "_save": "1"}).status_code == HTTPStatus.FOUND
    stored = Revision.objects.get(pk=draft.pk)
    assert (stored.title_ru, stored.title_prs) == ("Новый заголовок", draft.title_prs)


def test_save_and_submit_from_the_editor_sends_the_draft_to_review(staff_client, mailoutbox):
    translator = member("translator", translates=["ru"])
    publisher = member("publisher")
    draft = start_draft(staff_client("editor"), page(SLUG))
    html = page_html(translator, editor_url(draft, "ru"))
    assert "Save and submit for review" in html and "Review and publish" not in html
    sid = first_segment(html)
    with committed():
        response = translator.post(editor_url(draft, "ru"), {
            "seen_version": draft.version, f"text-{sid}": draft.title_ru + " (проверено)", "change_note": "",
            "_submit_for_review": "1"}, follow=True)
    assert "Submitted for review. A publisher will look at it." in response.content.decode()
    stored = Revision.objects.get(pk=draft.pk)
    assert stored.status == Revision.Status.REVIEW and stored.title_ru.endswith("(проверено)")
    assert len(sent_to(mailoutbox, publisher.user)) == 1
    assert "Review and publish" in page_html(publisher, editor_url(draft, "ru"))
    assert "Save and submit for review" not in page_html(translator, editor_url(draft, "ru"))  # already in review
