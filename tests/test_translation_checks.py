"""Quality checks on translated segments: shown to the translator on save and on import, and stopping a
publication unless a publisher overrides them."""

import pytest

from guidance.models import Revision
from guidance.segments.checks import check_segment
from tests.pages import page_html

from .staff import decide, page, save_draft, start_draft

pytestmark = pytest.mark.django_db

SLUG = "asylum-seekers"
ENGLISH = "Apply **within 5 calendar days** of arriving in Kazakhstan."
RUSSIAN = "Подайте заявление **в течение 5 календарных дней** после приезда в Казахстан."
WRONG = "Подайте заявление **в течение 3 дней** после приезда в Казахстан."


def codes(english, translation, language="ru"):
    return [problem.code for problem in check_segment("s1", english, translation, language)]


def test_a_translation_that_says_3_days_where_the_english_says_5_calendar_days_is_refused():
    problems = check_segment("s1", ENGLISH, WRONG, "ru")
    assert [p.code for p in problems] == ["numbers"] and problems[0].blocking
    assert "Numbers of the English missing here: 5." in problems[0].message
    assert codes(ENGLISH, RUSSIAN) == []


def test_localized_digits_are_the_same_numbers():
    assert codes(ENGLISH, "قدّم طلبك **خلال ٥ أيام تقويمية** من وصولك إلى كازاخستان.", "ar") == []
    assert codes(ENGLISH, "درخواست را **در ظرف ۵ روز تقویمی** پس از رسیدن به قزاقستان بدهید.", "prs") == []
    assert codes("More than 16,000 people.", "16 مىڭدىن ئارتۇق كىشى.", "ug") == []
    assert codes("More than 16,000 people.", "超过16,000人。", "zh-hans") == []
    assert codes(ENGLISH, "قدّم طلبك **خلال ٣ أيام تقويمية** من وصولك إلى كازاخستان.", "ar") == ["numbers"]


def test_thousands_grouped_by_a_space_are_one_number():
    english = "7,399 registered by the Government, and 466 people registered by partners"
    assert codes(english, "7 399 зарегистрированы государством, ещё 466 человек — партнёрами") == []
    assert codes(english, "7\u00a0399 зарегистрированы государством, ещё 466 человек — партнёрами") == []
    assert codes(english, "7 390 зарегистрированы государством, ещё 466 человек — партнёрами") == ["numbers"]


def test_one_and_two_written_as_words_are_the_numbers_in_arabic_and_dari():
    english = "The permit is valid for 1 year; renew it **at least 2 months** before it ends."
    assert codes(english, "التصريح صالح لمدة سنة واحدة؛ جدّده **قبل انتهائه بشهرين على الأقل**.", "ar") == []
    assert codes(english, "اجازه برای یک سال اعتبار دارد؛ آن را **دست کم دو ماه** پیش از پایانش تمدید کنید.", "prs") == []
    # A word for another number, or a dual where the English says 3, is still a number lost.
    assert codes(english, "التصريح صالح لمدة سنة واحدة؛ جدّده **قبل انتهائه بثلاثة أشهر**.", "ar") == ["numbers"]
    assert codes("Within 3 days.", "خلال يومين.", "ar") == ["numbers"]
    assert codes("Bring 1 photo and 2 copies.", "أحضر صورةً واحدةً ونسختَين.", "ar") == []  # with vowel marks
    assert codes("Within 1 day.", "В течение одного дня.", "ru") == ["numbers"]  # Russian writes the digit


def test_link_targets_and_bold_parts_stay():
    english = "[Find the office in your city](../../cities/)."
    assert codes(english, "[Найдите управление в вашем городе](../../cities/).") == []
    assert codes(english, "Найдите управление в вашем городе.") == ["links"]
    assert codes(ENGLISH, "Подайте заявление в течение 5 календарных дней после приезда в Казахстан.") == ["bold"]


def test_no_english_left_where_the_script_differs():
    english = "Tell the whole truth, and tell everything."
    assert codes(english, "Говорите всю правду. Tell the whole truth.") == ["english"]
    assert codes(english, english, "ar") == ["english"]
    assert codes(english, english, "uz") == []  # Uzbek is written in Latin letters too
    # A name quoted as it is in English, an address or a link is not text left untranslated.
    assert codes('On the "department of employment" page of egov.kz.', "На странице «department of employment» на egov.kz.") == []


def test_glossary_terms_are_used_and_replaced_variants_stop_publishing():
    english = "Apply at the Department of Employment and Social Programs."
    right = "Обратитесь в Управление занятости и социальных программ."
    assert codes(english, right) == []
    problems = check_segment("s1", english, "Обратитесь в местный отдел.", "ru")
    assert [(p.code, p.blocking) for p in problems] == [("glossary", False)]
    assert "Управление занятости и социальных программ" in problems[0].message
    avoided = check_segment("s1", english, "تقدّم إلى مكتب تنسيق التوظيف.", "ar")  # the name before 2026
    assert ("avoided", True) in [(p.code, p.blocking) for p in avoided]


@pytest.fixture
def wrong_deadline(staff_client):
    """A draft in which a translator wrote "3 days" for the English "5 calendar days" (in the editor)."""
    translator = staff_client("translator")
    draft = start_draft(translator, page(SLUG))
    editor_url = f"/admin/guidance/revision/{draft.pk}/translate/ru/"
    html = page_html(translator, editor_url)
    sid = html.split(ENGLISH, 1)[0].rsplit('data-segment="', 1)[1].split('"', 1)[0]
    response = translator.post(editor_url, {"seen_version": draft.version, f"text-{sid}": WRONG})
    assert response.status_code == 302
    return translator, Revision.objects.get(pk=draft.pk), sid


def test_the_translator_sees_the_problem_on_save(wrong_deadline):
    translator, draft, sid = wrong_deadline
    html = page_html(translator, f"/admin/guidance/revision/{draft.pk}/translate/ru/?todo=1")
    assert "The quality checks found problems: 1." in html
    section = html.split(f'id="segment-{sid}"', 1)[1].split("</section>", 1)[0]
    assert '<li data-check="numbers">Numbers of the English missing here: 5.' in section


def test_the_problem_stops_publication_unless_a_publisher_overrides_it(client, staff_client, wrong_deadline):
    _translator, draft, sid = wrong_deadline
    publisher = staff_client("publisher")
    review = page_html(publisher, f"/admin/guidance/revision/{draft.pk}/review/")
    assert "Quality checks of the translations this draft changes" in review
    assert f'data-segment="{sid}" data-check="numbers"><strong>stops publishing</strong>' in review
    response = decide(publisher, draft, "publish", significance="minor")
    assert response.status_code == 200
    assert "The quality checks found problems in translations this draft changes: Russian (1)." in response.content.decode()
    assert "<strong>в течение 3 дней</strong>" not in page_html(client, "/ru/guidance/asylum-seekers/")
    response = decide(publisher, draft, "publish", significance="minor", override_checks="on")
    assert response.status_code == 302
    assert "<strong>в течение 3 дней</strong>" in page_html(client, "/ru/guidance/asylum-seekers/")


def test_languages_the_draft_does_not_touch_do_not_stop_it(staff_client):
    publisher = staff_client("publisher")
    draft = start_draft(publisher, page(SLUG))
    english = page(SLUG).current_revision.body_en
    save_draft(publisher, draft, body_en=english.replace("Apply in writing.", "Apply in writing, in any language."))
    assert decide(publisher, draft, "publish", significance="minor").status_code == 302


def test_a_body_that_drops_a_paragraph_breaks_the_structure_but_an_empty_section_does_not(staff_client):
    publisher = staff_client("publisher")
    draft = start_draft(publisher, page(SLUG))
    russian = page(SLUG).current_revision.body_ru
    dropped = russian.replace("Вы остаётесь лицом, ищущим убежище, пока по вашему заявлению не принято окончательное решение.\n\n", "")
    save_draft(publisher, draft, body_ru=dropped)
    review = page_html(publisher, f"/admin/guidance/revision/{draft.pk}/review/")
    assert 'data-segment="body" data-check="structure"' in review
    assert "does not keep the English structure" in review
    heading, rest = russian.split("\n\n", 1)
    section_end = rest.index("\n## ")
    emptied = heading + "\n\n" + rest[section_end + 1:]
    draft = Revision.objects.get(pk=draft.pk)
    save_draft(publisher, draft, body_ru=emptied)
    review = page_html(publisher, f"/admin/guidance/revision/{draft.pk}/review/")
    assert 'data-check="structure"' not in review


def test_other_apps_check_translated_fields_one_segment_per_field():
    """The hook for the directory: each translated field is one segment (here a key figure's label)."""
    from guidance.models import KeyFigure
    from guidance.segments.checks import field_problems

    figure = KeyFigure(label_en="Refugees with 5-year permits", label_ru="Беженцы с разрешениями на 3 года")
    assert [(p.sid, p.code) for p in field_problems(figure, ["label", "detail"], "ru")] == [("label", "numbers")]
