"""Segment-level translation status: exactly the English segments that changed are flagged, in every language,
and readers are told on the sections that are behind, not on the whole page."""

import re
from pathlib import Path

import pytest
from django.contrib.auth.models import User

from config.content_files import read_front_matter
from guidance import publishing
from guidance.content import CONTENT_DIR
from guidance.models import Revision
from guidance.segments import status as segment_status
from guidance.segments.cutting import cut_body
from guidance.segments.page_status import TranslationState
from guidance.segments.status import SegmentState
from tests.pages import page_html

from .factories import ASYLUM_SEEKERS, DECISION_SENTENCE
from .staff import decide, save_draft, start_draft
from .staff import page as page_of

pytestmark = pytest.mark.django_db

SLUG, OLD = ASYLUM_SEEKERS, DECISION_SENTENCE
NEW = "You stay an asylum-seeker until there is a final decision on your application, including any appeal in court."
TRANSLATED = segment_status.TRANSLATED_LANGUAGES


def page(slug=SLUG):
    return page_of(slug)


def publisher():
    return User.objects.get_or_create(username="segments-publisher")[0]


def publish_change(significance, note="Changed.", slug=SLUG, draft_data=None, **fields):
    draft = publishing.open_draft(page(slug), by=publisher())
    for name, value in fields.items():
        setattr(draft, name, value)
    draft.significance, draft.change_note_en = significance, note
    if draft_data:
        draft.segments = draft_data
    return publishing.publish(draft, by=publisher())


def english(slug=SLUG):
    return page(slug).current_revision.body_en


def segment_id(text, slug=SLUG):
    revision = page(slug).current_revision
    found = segment_status.segments_by_id(revision, revision.segments, "en")
    return next(sid for sid, segment in found.items() if segment.text == text)


def states(language, slug=SLUG):
    return segment_status.states(page(slug).current_revision.segments, language)


def outdated(language, slug=SLUG):
    return {sid: state for sid, state in states(language, slug).items() if state != SegmentState.CURRENT}


@pytest.mark.parametrize("path", sorted(CONTENT_DIR.glob("pages/*/*.md")), ids=lambda p: f"{p.parent.name}/{p.name}")
def test_every_body_cuts_into_segments_and_back_with_the_english_structure(path):
    body = read_front_matter(path)[1]
    cut = cut_body(body)
    assert cut.rebuild([None] * len(cut.segments)) == body
    english_file = Path(path).with_name(path.name.split(".")[0] + ".en.md")
    assert [s.kind for s in cut.segments] == [s.kind for s in cut_body(read_front_matter(english_file)[1]).segments]


def test_headings_paragraphs_list_items_and_table_cells_are_segments():
    cut = cut_body("## Deadlines\n\nApply **early**.\n\n- in writing\n- in person\n\n| When | What |\n|---|---|\n| 5 days | apply |")
    assert [(s.kind, s.text) for s in cut.segments] == [
        ("h2", "Deadlines"), ("p", "Apply **early**."), ("li", "in writing"), ("li", "in person"),
        ("th", "When"), ("th", "What"), ("td", "5 days"), ("td", "apply"),
    ]
    assert cut.rebuild(["Сроки", None, "письменно"]) .startswith("## Сроки\n\nApply **early**.\n\n- письменно\n")


def test_the_starting_pages_are_current_in_every_language():
    for slug in ("asylum-seekers", "refugees", "stateless"):
        assert set(page(slug).translation_status.values()) == {TranslationState.UP_TO_DATE}, slug
        assert all(not outdated(language, slug) for language in TRANSLATED), slug


def test_one_changed_paragraph_in_a_major_revision_flags_that_segment_only(client, staff_client):
    changed = segment_id(OLD)
    editor, reviewer = staff_client("editor"), staff_client("publisher")
    draft = start_draft(editor, page())
    save_draft(editor, draft, body_en=english().replace(OLD, NEW), submit=True)
    response = decide(reviewer, draft, "publish", significance="major", change_note="Appeals count too.")
    assert response.status_code == 302
    assert segment_id(NEW) == changed  # the same segment, changed: not a new one
    for language in TRANSLATED:
        assert outdated(language) == {changed: SegmentState.IMMEDIATE_UPDATE}, language
        assert page().translation_status[language] == TranslationState.IMMEDIATE_UPDATE

    html = page_html(client, "/ru/guidance/asylum-seekers/")
    assert html.count('class="outdated-notice"') == 1
    notice_at = html.index('class="outdated-notice"')
    section = html.rindex("<h2", 0, notice_at)
    assert 'id="кто-считается-лицом-ищущим-убежище"' in html[section:notice_at]
    assert '<a href="/en/guidance/asylum-seekers/#who-is-an-asylum-seeker" hreflang="en" rel="noreferrer">' in html
    assert html.index("</h1>") < html.index("toc-heading") < notice_at  # not at the top of the page
    arabic = page_html(client, "/ar/guidance/asylum-seekers/")
    assert arabic.count('class="outdated-notice"') == 1 and "#who-is-an-asylum-seeker" in arabic
    assert 'class="outdated-notice"' not in page_html(client, "/en/guidance/asylum-seekers/")


def test_a_typo_revision_flags_nothing(client):
    publish_change("typo", body_en=english().replace("stateless person and", "stateless person, and"))
    publish_change("typo", body_en=english().replace(OLD, NEW))
    assert all(not outdated(language) for language in TRANSLATED)
    assert set(page().translation_status.values()) == {TranslationState.UP_TO_DATE}
    assert 'class="outdated-notice"' not in page_html(client, "/ru/guidance/asylum-seekers/")


def test_a_comma_in_a_major_revision_flags_nothing_but_the_changed_words():
    changed = segment_id(OLD)
    body = english().replace("stateless person and", "stateless person, and").replace(OLD, NEW)
    publish_change("major", body_en=body)
    assert outdated("kk") == {changed: SegmentState.IMMEDIATE_UPDATE}


def test_a_minor_change_needs_an_update_and_tells_readers_nothing(client):
    changed = segment_id(OLD)
    publish_change("minor", body_en=english().replace(OLD, NEW))
    assert outdated("uz") == {changed: SegmentState.NEEDS_UPDATE}
    assert page().translation_status["uz"] == TranslationState.NEEDS_UPDATE
    assert 'class="outdated-notice"' not in page_html(client, "/uz/guidance/asylum-seekers/")


def test_a_new_paragraph_is_behind_in_every_language_and_keeps_the_others_ids():
    before = segment_status.segments_by_id(page().current_revision, page().current_revision.segments, "en")
    publish_change("major", body_en=english().replace(OLD, OLD + "\n\nYou may not be sent back while you wait."))
    after = segment_status.segments_by_id(page().current_revision, page().current_revision.segments, "en")
    new = [sid for sid in after if sid not in before]
    assert len(new) == 1 and after[new[0]].text == "You may not be sent back while you wait."
    assert {sid: segment.text for sid, segment in before.items()} == {
        sid: segment.text for sid, segment in after.items() if sid != new[0]
    }
    assert outdated("zh-hans") == {new[0]: SegmentState.IMMEDIATE_UPDATE}


def test_updating_the_translated_segment_makes_it_current_and_a_typo_in_it_does_not():
    changed = segment_id(OLD)
    publish_change("major", body_en=english().replace(OLD, NEW))
    russian = page().current_revision.body_ru
    sentence = "Вы остаётесь лицом, ищущим убежище, пока по вашему заявлению не принято окончательное решение."
    assert sentence in russian
    publish_change("minor", body_ru=russian.replace(sentence, sentence.replace("решение.", "решение!")))
    assert outdated("ru") == {changed: SegmentState.IMMEDIATE_UPDATE}  # a typo in the translation is not an update
    publish_change("minor", body_ru=russian.replace(sentence, sentence[:-1] + ", включая обжалование в суде."))
    assert outdated("ru") == {} and page().translation_status["ru"] == TranslationState.UP_TO_DATE
    assert outdated("kk") == {changed: SegmentState.IMMEDIATE_UPDATE}


def test_a_translator_confirming_a_segment_unchanged_marks_it_current():
    changed = segment_id(OLD)
    publish_change("major", body_en=english().replace(OLD, NEW))
    publish_change("minor", draft_data={"confirmed": {"uk": [changed]}}, change_note_uk="")
    assert outdated("uk") == {}
    assert outdated("ru") == {changed: SegmentState.IMMEDIATE_UPDATE}


def test_restoring_the_english_that_was_translated_makes_it_current_again():
    translated = page().current_revision
    publish_change("major", body_en=english().replace(OLD, NEW))
    publishing.restore(translated, by=publisher(), change_note="Back.")
    assert all(not outdated(language) for language in TRANSLATED)


def test_the_summary_behind_a_major_change_is_told_at_the_top(client):
    summary = page().current_revision.summary_en
    publish_change("major", summary_en=summary.replace("within one day", "within 24 hours"))
    assert outdated("ru") == {"summary": SegmentState.IMMEDIATE_UPDATE}
    html = page_html(client, "/ru/guidance/asylum-seekers/")
    assert html.count('class="outdated-notice"') == 1
    assert html.index("</h1>") < html.index("outdated-notice") < html.index('class="lead"')
    assert '<a href="/en/guidance/asylum-seekers/" hreflang="en">' in html


def test_published_revisions_keep_their_segment_map():
    publish_change("minor", body_en=english().replace(OLD, NEW))
    stored = Revision.objects.get(pk=page().current_revision_id).segments
    assert stored["ids"]["en"][:2] == ["title", "summary"]
    assert len(stored["ids"]["ru"]) == len(stored["ids"]["en"])
    assert re.fullmatch(r"s\d+", stored["ids"]["en"][2])
