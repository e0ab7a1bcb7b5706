"""How search compares text: case and accents do not matter where the script allows, letters of their own stay apart."""

import pytest

from config.site.search.excerpts import excerpt, highlight
from config.site.search.text import light_stem, normalise, parse_query


@pytest.mark.parametrize(
    "typed, written, language",
    [
        ("ALMATY", "Almaty", "en"),
        ("ecole", "École", "en"),
        ("strasse", "Straße", "en"),
        ("елка", "Ёлка", "ru"),
        ("убежище", "убе́жище", "ru"),  # a stress mark, as in textbooks
        ("ҚАЗАҚСТАН", "Қазақстан", "kk"),
        ("ozbekiston", "Oʻzbekiston", "uz"),  # Uzbek Latin with the modifier letter…
        ("o'zbekiston", "O‘zbekiston", "uz"),  # …or any apostrophe
        ("لجوء", "لُجُوء", "ar"),  # harakat
        ("اسلام", "إسلام", "ar"),  # alef with hamza below
        ("امن", "آمن", "ar"),  # alef with madda
        ("كتاب", "كــتــاب", "ar"),  # tatweel
        ("يمين", "یمین", "prs"),  # Persian yeh
        ("كابل", "کابل", "prs"),  # Persian keheh
        ("123", "١٢٣", "ar"),  # Arabic-Indic digits
        ("می خواهم", "می\u200cخواهم", "prs"),  # the zero-width non-joiner Persian writes inside words
    ],
)
def test_same_word_compares_equal(typed, written, language):
    assert normalise(typed, language).replace(" ", "") == normalise(written, language).replace(" ", "")


@pytest.mark.parametrize(
    "letter, other, language",
    [
        ("ә", "а", "kk"),
        ("қ", "к", "kk"),
        ("ғ", "г", "kk"),
        ("ң", "н", "kk"),
        ("ө", "о", "kk"),
        ("ұ", "у", "kk"),
        ("ү", "у", "kk"),
        ("і", "и", "kk"),
        ("ї", "і", "uk"),
        ("й", "и", "ru"),
        ("ў", "у", "uz"),
        ("ئ", "ي", "ug"),  # Uyghur writes ئ before every vowel at the start of a word
        ("ى", "ي", "ug"),  # and uses these as two letters
    ],
)
def test_letters_of_their_own_still_match_only_themselves(letter, other, language):
    assert normalise(letter, language) == letter
    assert normalise(letter, language) != normalise(other, language)
    assert normalise(letter.upper(), language) == letter


def test_light_stems_match_other_forms_of_a_word():
    assert "беженцев".startswith(light_stem("беженцы"))
    assert "refugee".startswith(light_stem("refugees"))
    assert "босқын".startswith(light_stem("босқындар"))
    assert light_stem("اللاجئين") == "لاجئ"


def test_query_drops_noise_and_keeps_meaning():
    query = parse_query("  What is ASYLUM??  ", "en")
    assert [term.word for term in query.terms] == ["asylum"]
    assert query.text == "What is ASYLUM??"
    assert not parse_query("!!! ??? ...", "en")
    assert not parse_query("\x00\x01", "en")


def test_highlight_marks_the_whole_word_and_escapes_the_rest():
    query = parse_query("refugees", "en")
    assert str(highlight("<b>Refugee</b> & rights", query, "en")) == "&lt;b&gt;<mark>Refugee</mark>&lt;/b&gt; &amp; rights"


def test_highlight_keeps_marks_of_the_original_text():
    query = parse_query("убежище", "ru")
    assert str(highlight("Право на убе́жище", query, "ru")) == "Право на <mark>убе́жище</mark>"
    assert str(highlight("حق اللُّجوء", parse_query("لجوء", "ar"), "ar")) == "حق <mark>اللُّجوء</mark>"


def test_excerpt_is_cut_around_the_first_match():
    text = "Start. " + "Filler words here. " * 30 + "The appeal deadline is 5 days. " + "More filler. " * 30
    shown = str(excerpt(text, parse_query("appeal", "en"), "en"))
    assert "<mark>appeal</mark>" in shown
    assert shown.startswith("… ") and shown.endswith(" …")
    assert len(shown) < 260
