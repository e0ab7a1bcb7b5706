"""The translator's editor: each outdated segment shows the old and new English beside the translation, a filter
keeps only what needs updating, progress is counted per language, and saving writes the segment into the draft."""

import pytest

from guidance.models import Revision
from tests.pages import page_html

from .factories import APPEAL_SENTENCE, ASYLUM_SEEKERS, DECISION_SENTENCE
from .staff import page, save_draft

pytestmark = pytest.mark.django_db

SLUG, OLD, NEW = ASYLUM_SEEKERS, DECISION_SENTENCE, APPEAL_SENTENCE
RUSSIAN = "Вы остаётесь лицом, ищущим убежище, пока по вашему заявлению не принято окончательное решение."
RUSSIAN_NEW = "Вы остаётесь лицом, ищущим убежище, пока по вашему заявлению не принято окончательное решение, включая время на обжалование."


def editor_url(draft, language, todo=False):
    return f"/admin/guidance/revision/{draft.pk}/translate/{language}/" + ("?todo=1" if todo else "")


def segments_shown(html):
    return html.count('<section class="segment state-')


def test_an_outdated_segment_shows_old_and_new_english_beside_the_translation(staff_client, draft):
    html = page_html(staff_client("translator"), editor_url(draft, "ru"))
    section = html.split('<section class="segment state-immediate-update"', 1)[1].split("</section>", 1)[0]
    assert "English when it was translated" in section and "English now" in section
    assert f"<td>{OLD}</td>" in section
    assert "<td>You stay an asylum-seeker until there is a final decision on your application<ins>, including the time to appeal</ins>.</td>" in section
    assert 'lang="ru" dir="ltr" class="segment-text" id="id_text-' in section and RUSSIAN in section
    assert "Still right: the English change needs no change here" in section
    assert "67 of 68 segments up to date" in html
    assert segments_shown(html) == 68


def test_the_filter_shows_only_what_needs_updating(staff_client, draft):
    html = page_html(staff_client("translator"), editor_url(draft, "kk", todo=True))
    assert segments_shown(html) == 1
    assert "Only what needs updating (1 segment)" in html and "Show all segments" in html


def test_saving_a_segment_updates_it_in_the_draft_and_nowhere_else(staff_client, draft):
    translator = staff_client("translator")
    html = page_html(translator, editor_url(draft, "ru", todo=True))
    sid = html.split('data-segment="', 1)[1].split('"', 1)[0]
    response = translator.post(editor_url(draft, "ru", todo=True), {
        "seen_version": draft.version, f"text-{sid}": RUSSIAN_NEW, "change_note": "Срок обжалования учитывается.",
    })
    assert response.status_code == 302 and response["Location"] == editor_url(draft, "ru", todo=True)
    saved = Revision.objects.get(pk=draft.pk)
    assert saved.body_ru == draft.body_ru.replace(RUSSIAN, RUSSIAN_NEW)
    assert saved.body_en == draft.body_en and saved.body_kk == draft.body_kk
    assert saved.change_note_ru == "Срок обжалования учитывается."
    html = page_html(translator, editor_url(draft, "ru"))
    assert "68 of 68 segments up to date" in html and "The Russian translation is saved in the draft." in html
    assert segments_shown(page_html(translator, editor_url(draft, "ru", todo=True))) == 0


def test_confirming_a_segment_unchanged_makes_it_current(staff_client, draft):
    translator = staff_client("translator")
    html = page_html(translator, editor_url(draft, "uk", todo=True))
    sid = html.split('data-segment="', 1)[1].split('"', 1)[0]
    translator.post(editor_url(draft, "uk", todo=True), {"seen_version": draft.version, f"confirm-{sid}": "on"})
    saved = Revision.objects.get(pk=draft.pk)
    assert saved.body_uk == draft.body_uk and saved.segments["confirmed"]["uk"] == [sid]
    assert "68 of 68 segments up to date" in page_html(translator, editor_url(draft, "uk"))


def test_arabic_is_written_right_to_left(staff_client, draft):
    html = page_html(staff_client("translator"), editor_url(draft, "ar", todo=True))
    assert 'lang="ar" dir="rtl" class="segment-text"' in html
    assert '<div class="segment-english" lang="en" dir="ltr">' in html


def test_a_change_saved_meanwhile_is_not_overwritten(staff_client, draft):
    translator, other = staff_client("translator"), staff_client("translator")
    save_draft(other, draft, title_ru="Другой заголовок")
    response = translator.post(editor_url(draft, "ru"), {"seen_version": draft.version, "text-title": "Мой заголовок"})
    assert response.status_code == 200 and "after you opened it" in response.content.decode()
    assert Revision.objects.get(pk=draft.pk).title_ru == "Другой заголовок"


def test_only_staff_who_translate_open_it_and_only_for_drafts(client, staff_client, draft):
    assert client.get(editor_url(draft, "ru")).status_code == 302  # to the log-in
    assert staff_client().get(editor_url(draft, "ru")).status_code == 403
    assert staff_client("translator").get(editor_url(draft, "en")).status_code == 404
    published = page(SLUG).current_revision
    response = staff_client("translator").get(editor_url(published, "ru"))
    assert response.status_code == 302 and response["Location"].endswith(f"/revision/{published.pk}/review/")


def test_the_draft_form_links_to_the_editor_in_every_language(staff_client, draft):
    html = page_html(staff_client("translator"), f"/admin/guidance/revision/{draft.pk}/change/")
    for language in ("ru", "kk", "ar", "prs", "zh-hans", "ug", "uz", "uk", "ps"):
        assert f'href="{editor_url(draft, language)}"' in html
