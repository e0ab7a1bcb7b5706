"""Where a text is missing in a language, readers see it from their fallback chain, and are told so."""

import pytest

from guidance.models import GuidancePage
from offices.models import City
from tests.factories import published_revision
from tests.pages import page_html

pytestmark = [pytest.mark.django_db, pytest.mark.same_on_every_database]

ENGLISH_BODY = "## Where to apply\n\nGo to the office.\n\n## Deadlines\n\nApply **within 5 calendar days**."


def publish_page(slug="refugees", **fields):
    return published_revision(slug, **{"body_en": ENGLISH_BODY, **fields})


def body_of(client, path):
    html = page_html(client, path)
    return html, html.split('<div class="body"', 1)[1].split("</article>", 1)[0]


def test_untranslated_body_is_shown_in_english_marked_as_english(client):
    publish_page(title_ar="العنوان", summary_ar="ملخص")
    html, body = body_of(client, "/ar/guidance/refugees/")
    assert '<h1>العنوان</h1>' in html
    assert 'class="fallback-notice"' in html
    assert ' lang="en" dir="ltr">' in html.split('<div class="body"', 1)[1][:40]
    assert "Go to the office." in body


def test_empty_sections_fall_back_one_by_one_under_translated_headings(client):
    publish_page(
        title_ar="العنوان", summary_ar="ملخص",
        body_ar="## أين تقدم الطلب\n\nاذهب إلى المكتب.\n\n## المواعيد النهائية\n",
    )
    html, body = body_of(client, "/ar/guidance/refugees/")
    assert "اذهب إلى المكتب." in body
    assert '<h2 id="المواعيد-النهائية">المواعيد النهائية</h2>' in body
    assert '<div class="fallback-section" dir="ltr" lang="en">' in body or 'lang="en"' in body
    assert "<strong>within 5 calendar days</strong>" in body
    assert body.count('class="fallback-notice"') == 1
    # The table of contents is in Arabic, for every section.
    assert '<a href="#المواعيد-النهائية">المواعيد النهائية</a>' in html


def test_kazakh_falls_back_to_russian_before_english(client):
    publish_page(
        title_ru="Заголовок", summary_ru="Кратко",
        body_ru="## Куда обращаться\n\nИдите в управление.\n\n## Сроки\n\nПодайте в течение 5 дней.",
        title_kk="Тақырып", summary_kk="Қысқаша",
        body_kk="## Қайда бару керек\n\nБасқармаға барыңыз.\n\n## Мерзімдер\n",
    )
    html, body = body_of(client, "/kk/guidance/refugees/")
    assert "Басқармаға барыңыз." in body
    assert "Подайте в течение 5 дней." in body
    assert 'lang="ru"' in body
    assert "Apply" not in body


def test_fully_translated_page_has_no_fallback_notice(client):
    publish_page(
        title_ru="Заголовок", summary_ru="Кратко",
        body_ru="## Куда обращаться\n\nИдите.\n\n## Сроки\n\n5 дней.",
    )
    html = page_html(client, "/ru/guidance/refugees/")
    assert "fallback-notice" not in html
    assert "fallback-section" not in html


def test_untranslated_directory_name_carries_its_own_language(client):
    city = City.objects.get(slug="taldykorgan")
    city.name_ar = ""
    city.save()
    html = page_html(client, "/ar/cities/")
    assert '<span lang="en" dir="ltr">Taldykorgan</span>' in html
    assert 'class="fallback-note"' in html


@pytest.mark.parametrize("lang", ["en", "ru", "kk", "ar", "prs", "zh-hans", "ug", "uz", "uk", "ps"])
@pytest.mark.parametrize("slug", ["asylum-seekers", "refugees", "stateless"])
def test_loaded_pages_show_a_notice_exactly_where_a_section_is_missing(client, lang, slug):
    from modeltranslation.utils import build_localized_fieldname

    from guidance.sections import split_sections

    revision = GuidancePage.objects.get(slug=slug).current_revision
    body = getattr(revision, build_localized_fieldname("body", lang))
    missing = [s.heading for s in split_sections(body) if s.heading and not s.text]
    html, rendered = body_of(client, f"/{lang}/guidance/{slug}/")
    assert rendered.count('class="fallback-notice"') == len(missing)
    for heading in missing:
        section = rendered.split(heading.removeprefix("## ") + "</h2>", 1)[1].split("<h2", 1)[0]
        assert 'class="fallback-notice"' in section and 'class="fallback-section"' in section
    assert 'class="fallback-notice"' not in html.split('<div class="body"', 1)[0].split("<main", 1)[1]
