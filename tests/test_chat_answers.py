"""The chat lines' answers (config/chat/answers.py): what a person writes is read in any of our languages and
scripts, and every answer is short plain text in the chat's language, from the published content, with the hotline."""

import datetime

import pytest
from django.conf import settings
from django.utils.translation import gettext, override
from modeltranslation.utils import build_localized_fieldname

from config.chat import answers
from config.chat.reading import chat_language, find_city, read_date
from config.site.models import Notice
from offices.models import City

pytestmark = pytest.mark.same_on_every_database

LANGUAGE_CODES = [code for code, _name in settings.LANGUAGES]
HOTLINE = "+7 701 744 7238"


@pytest.mark.parametrize(
    ("typed", "day"),
    [
        ("2026-12-05", datetime.date(2026, 12, 5)),
        ("05.12.2026", datetime.date(2026, 12, 5)),
        ("5/12/2026", datetime.date(2026, 12, 5)),
        (" 2026/12/05 ", datetime.date(2026, 12, 5)),
        ("۰۵.۱۲.۲۰۲۶", datetime.date(2026, 12, 5)),  # Persian digits (Dari, Pashto keyboards)
        ("٠٥-١٢-٢٠٢٦", datetime.date(2026, 12, 5)),  # Arabic-Indic digits
        ("31.02.2026", None),
        ("12.2026", None),
        ("tomorrow", None),
    ],
)
def test_dates_in_common_forms_and_digits(typed, day):
    assert read_date(typed) == day


@pytest.mark.parametrize(
    ("code", "language"),
    [("fa", "prs"), ("fa-AF", "prs"), ("prs", "prs"), ("pus", "ps"), ("ps", "ps"), ("rus", "ru"), ("zh-hant", "zh-hans"),
     ("uig", "ug"), ("uz-Cyrl", "uz"), ("de", "en"), ("", "en"), (None, "en")],
)
def test_telegrams_and_rapidpros_language_codes(code, language):
    assert chat_language(code) == language


@pytest.mark.django_db
def test_every_city_is_found_by_its_name_in_every_language():
    for city in City.objects.listed():
        for code in LANGUAGE_CODES:
            name = getattr(city, build_localized_fieldname("name", code))
            if name:
                found, spelled_in = find_city(f"  {name.upper()} ")
                assert found == city, (city.slug, code, name)


@pytest.mark.django_db
def test_a_city_is_found_whatever_the_keyboards_letters_and_by_a_former_name():
    almaty = City.objects.get(slug="almaty")
    assert find_city("آلماتی") == (almaty, ["prs"])  # Dari's spelling: Persian yeh
    assert find_city("آلماتي")[0] == almaty  # the same with an Arabic yeh (Pashto's spelling)
    assert find_city("ALMATY")[0] == almaty
    assert find_city("Kapchagay")[0].slug == "konaev"
    assert find_city("Atlantis") == (None, [])


def every_answer(language):
    almaty = City.objects.get(slug="almaty")
    return [
        answers.welcome(language), answers.hotline_answer(language), answers.apply_answer(language, almaty),
        answers.deadline_answer(language, "rejected", "2026-12-01"), answers.changes_answer(language),
        answers.check_answer(language, "+7 701 744 72 38"), answers.not_understood(language),
    ]


@pytest.mark.django_db
@pytest.mark.parametrize("language", LANGUAGE_CODES)
def test_each_answer_is_in_the_language_and_ends_with_the_hotline(language):
    given = every_answer(language)
    with override(language):
        expected_starts = [
            gettext("Help for people forced to flee in Kazakhstan"), gettext("Call the UNHCR hotline."),
            gettext("Where to apply"), gettext("Appeal in court"), None, gettext("Yes: this contact is on our list"),
            gettext("Sorry, this was not understood. Choose a question, or write the name of your city or a date."),
        ]
    english = every_answer("en")
    for answer, start, in_english in zip(given, expected_starts, english, strict=True):
        assert HOTLINE in answer.text.splitlines()[-1], answer.text
        if start:
            assert answer.text.startswith(start), (language, answer.text)
        assert (answer.text != in_english.text) == (language != "en"), answer.text  # no English left in a translation
    rtl = language in settings.LANGUAGES_BIDI
    assert (f"\u2066{HOTLINE}\u2069" in given[0].text) == rtl  # a phone number stays left-to-right in RTL text


@pytest.mark.django_db
@pytest.mark.parametrize("language", LANGUAGE_CODES)
def test_the_deadline_fits_an_sms(language):
    answer = answers.deadline_answer(language, "rejected", "2026-12-01")
    assert len(answer.text) <= 160, answer.text
    assert answer.fields["deadline"] == "2027-03-01"


@pytest.mark.django_db
def test_a_deadline_on_a_day_off_names_the_working_day_before_it():
    answer = answers.deadline_answer("uk", "rejected", "06.12.2026")  # 3 months: Saturday 6 March 2027
    assert answer.fields["deadline"] == "2027-03-06" and answer.fields["go_by"] == "2027-03-05"
    assert "Це вихідний день: прийдіть не пізніше 05 березня 2027 р.\n" in answer.text


@pytest.mark.django_db
def test_a_city_without_an_application_point_says_so_and_shows_its_notice():
    answer = answers.apply_answer("ru", City.objects.get(slug="taldykorgan"))
    with override("ru"):
        no_point = gettext("UNHCR's current list names no place to apply for asylum in %(city)s.") % {"city": "Талдыкорган"}
    assert answer.text.splitlines()[:2] == ["Куда подавать заявление — Талдыкорган:", no_point], answer.text
    assert answer.fields["offices"] == []
    assert any("Конаев" in title for title in answer.fields["notices"]), answer.fields


@pytest.mark.django_db
def test_bad_input_is_refused_with_a_message_in_the_language():
    with pytest.raises(answers.Refusal) as refused:
        answers.deadline_answer("prs", "rejected", "31.02.2026")
    with override("prs"):
        assert str(refused.value.message) == gettext("Please give the date as day, month and year, e.g. 2026-12-14.")
    with pytest.raises(answers.Refusal) as refused:
        answers.check_answer("en", "")
    assert refused.value.field_name == "contact" and "could not be read" in str(refused.value.message)
    assert "31.02" not in repr(refused.value)  # the exception never carries what was sent


@pytest.mark.django_db
def test_only_published_notices_are_told():
    almaty = City.objects.get(slug="almaty")
    for status in Notice.Status:
        notice = Notice.objects.create(title=f"Almaty office: {status.label}", status=status, level=Notice.Level.URGENT)
        notice.cities.add(almaty)
    apply = answers.apply_answer("en", almaty)
    changes = answers.changes_answer("en")
    assert apply.fields["notices"] == ["Almaty office: Published"]
    assert "Almaty office: Published" in apply.text and "Draft" not in apply.text and "review" not in apply.text
    assert "Notice: Almaty office: Published" in changes.text
    assert "Draft" not in changes.text and "review" not in changes.text


@pytest.mark.django_db
def test_a_solar_hijri_year_is_asked_again():
    with pytest.raises(answers.Refusal) as refused:
        answers.deadline_answer("prs", "rejected", "۰۵.۱۲.۱۴۰۵")
    with override("prs"):
        assert str(refused.value.message) == gettext("This date is too long ago. Please check the year.")
