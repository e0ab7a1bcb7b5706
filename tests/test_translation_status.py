"""Translation status: missing, up to date, needs update, immediate update needed (after Kitsune)."""

import re

import pytest
from django.contrib.auth.models import User

from guidance import publishing
from guidance.models import Revision
from guidance.segments.page_status import TranslationState, statuses_for_pages
from tests.factories import QUERY_BUDGET, new_guidance_page
from tests.pages import page_html

from .staff import decide, page, review_url, save_draft, start_draft

pytestmark = pytest.mark.django_db

SLUG = "work-permits"
RUSSIAN = {"title_ru": "Разрешение на работу", "summary_ru": "Кратко.", "body_ru": "Русский текст страницы."}


@pytest.fixture(autouse=True)
def english_only_page():
    """A page published in English only (the starting pages are translated into every language)."""
    return new_guidance_page(SLUG, title_en="Work permits", body_en="English text.").current_revision


def publish_change(significance, note="", slug=SLUG, **fields):
    """Publish a new revision of the page with these field values (through the workflow)."""
    user = User.objects.get_or_create(username="publisher-for-tests")[0]
    draft = publishing.open_draft(page(slug), by=user)
    for name, value in fields.items():
        setattr(draft, name, value)
    draft.significance = significance
    draft.change_note_en = note
    # These short texts merge the English paragraphs: the quality checks would stop them (tests/test_translation_checks.py).
    return publishing.publish(draft, by=user, override_checks=True)


def state(language, slug=SLUG):
    return page(slug).translation_status[language]


def english_body(extra):
    return page(SLUG).current_revision.body_en + "\n\n" + extra


def test_untranslated_languages_are_missing():
    assert state("ru") == TranslationState.MISSING
    assert state("ar") == TranslationState.MISSING


def test_translation_published_with_the_english_is_up_to_date():
    publish_change("minor", **RUSSIAN)
    assert state("ru") == TranslationState.UP_TO_DATE
    assert state("kk") == TranslationState.MISSING


def test_half_translated_page_is_still_missing():
    publish_change("minor", body_ru="Только текст.")
    assert state("ru") == TranslationState.MISSING


def test_typo_in_english_leaves_translations_up_to_date():
    publish_change("minor", **RUSSIAN)
    publish_change("typo", body_en=english_body("Fixed a comma."))
    assert state("ru") == TranslationState.UP_TO_DATE


def test_minor_english_change_means_needs_update():
    publish_change("minor", **RUSSIAN)
    publish_change("minor", body_en=english_body("Clearer wording."))
    assert state("ru") == TranslationState.NEEDS_UPDATE


def test_major_english_change_means_immediate_update_even_after_a_minor_one():
    publish_change("minor", **RUSSIAN)
    publish_change("major", "New deadline.", body_en=english_body("The deadline changed."))
    publish_change("minor", body_en=english_body("Clearer wording."))
    assert state("ru") == TranslationState.IMMEDIATE_UPDATE


def test_updating_the_translation_makes_it_up_to_date_again():
    publish_change("minor", **RUSSIAN)
    publish_change("major", "New deadline.", body_en=english_body("The deadline changed."))
    publish_change("minor", body_ru="Русский текст страницы, с новым сроком.")
    assert state("ru") == TranslationState.UP_TO_DATE


def test_english_change_undone_later_leaves_the_translation_up_to_date():
    translated = publish_change("minor", **RUSSIAN)
    publish_change("major", "New deadline.", body_en=english_body("The deadline changed."))
    assert state("ru") == TranslationState.IMMEDIATE_UPDATE
    publishing.restore(translated, by=User.objects.get(username="publisher-for-tests"), change_note="Undone.")
    assert state("ru") == TranslationState.UP_TO_DATE


def test_change_made_in_english_and_translation_together_is_up_to_date():
    publish_change("major", "Both at once.", body_en=english_body("New rule."), **RUSSIAN)
    assert state("ru") == TranslationState.UP_TO_DATE


def test_status_explains_which_revisions_it_comes_from():
    translated = publish_change("minor", **RUSSIAN)
    major = publish_change("major", "New deadline.", body_en=english_body("The deadline changed."))
    status = statuses_for_pages([page(SLUG)])[page(SLUG).pk]["ru"]
    assert status.translated_in.pk == translated.pk
    assert status.english_changed_in.pk == major.pk
    assert status.label == "Immediate update needed"


def test_dashboard_shows_pages_by_languages_with_links_to_edit(staff_client):
    publish_change("minor", **RUSSIAN)
    publish_change("major", "New deadline.", body_en=english_body("The deadline changed."))
    response = staff_client("translator").get("/admin/guidance/guidancepage/translations/")
    assert response.status_code == 200
    html = response.content.decode()
    assert '<th scope="col">Russian</th>' in html and '<th scope="col">Uyghur</th>' in html
    edit = f'href="/admin/guidance/guidancepage/{page(SLUG).pk}/edit/"'
    assert f'<td class="state-immediate-update"><a {edit}>Immediate update needed</a>' in html
    assert f'<td class="state-missing"><a {edit}>Missing</a>' in html
    assert "English changed on" in html
    translated = f'href="/admin/guidance/guidancepage/{page("refugees").pk}/edit/"'
    assert f'<td class="state-up-to-date"><a {translated}>Up to date</a>' in html


def test_dashboard_is_for_staff_only(client, staff_client):
    assert client.get("/admin/guidance/guidancepage/translations/").status_code == 302  # to the log-in
    assert staff_client().get("/admin/guidance/guidancepage/translations/").status_code == 403


def test_readers_of_an_outdated_translation_are_told_and_linked_to_english(client):
    publish_change("minor", **RUSSIAN)
    publish_change("major", "New deadline.", body_en=english_body("The deadline changed."))
    html = page_html(client, "/ru/guidance/work-permits/")
    assert 'class="outdated-notice"' in html
    assert '<a href="/en/guidance/work-permits/" hreflang="en">' in html
    assert html.index("</h1>") < html.index("outdated-notice")
    # Kazakh readers see the Russian text (their fallback), so they are told too.
    assert 'class="outdated-notice"' in page_html(client, "/kk/guidance/work-permits/")
    assert 'class="outdated-notice"' not in page_html(client, "/en/guidance/work-permits/")
    # Arabic readers see English (no translation): nothing is outdated, the fallback notice says it.
    assert 'class="outdated-notice"' not in page_html(client, "/ar/guidance/work-permits/")


def test_no_notice_for_a_minor_english_change(client):
    publish_change("minor", **RUSSIAN)
    publish_change("minor", body_en=english_body("Clearer wording."))
    assert 'class="outdated-notice"' not in page_html(client, "/ru/guidance/work-permits/")


def test_notice_costs_no_query(client, django_assert_max_num_queries):
    publish_change("minor", **RUSSIAN)
    publish_change("major", "New deadline.", body_en=english_body("The deadline changed."))
    client.get("/en/guidance/work-permits/")
    with django_assert_max_num_queries(QUERY_BUDGET):
        html = page_html(client, "/ru/guidance/work-permits/")
    assert 'class="outdated-notice"' in html


def test_line_ends_sent_by_browsers_are_not_an_english_change(staff_client):
    editor = staff_client("publisher")
    draft = start_draft(editor, page(SLUG))
    english = page(SLUG).current_revision.body_en
    save_draft(editor, draft, body_en=english.replace("\n", "\r\n"), **RUSSIAN)
    assert Revision.objects.get(pk=draft.pk).body_en == english
    review = page_html(editor, review_url(draft))
    changed = re.findall(r'<a href="\?lang=([\w-]+)"[^>]*>[^<]+</a> <span class="changed-mark">', review)
    assert changed == ["ru"]
    decide(editor, draft, "publish", significance="minor")
    assert state("ru") == TranslationState.UP_TO_DATE
