"""What the fact check against the source documents corrected, as readers see it in every language."""

import re

import pytest
from django.utils import translation
from django.utils.translation import gettext

from config.content_files import read_front_matter
from guidance.content import CONTENT_DIR

from .conftest import LANGUAGE_CODES

pytestmark = pytest.mark.django_db

SLUGS = ["asylum-seekers", "refugees", "stateless"]
# UNHCR's 2025 factsheet, as the residence-permit section reports it: naturalisation is one of the rights
# refugees lack. Since 2026-12-07 the page says whose rule that is, beside the Ministry of Labour's 2024/2025 word.
NATURALISATION = {
    "en": "This includes naturalisation: by this rule, refugees cannot become citizens of Kazakhstan.",
    "ru": "Это касается и натурализации",
    "kk": "Бұған натурализация да жатады",
    "ar": "ويشمل ذلك التجنّس",
    "prs": "این شامل گرفتن تابعیت هم می‌شود",
    "zh-hans": "这也包括入籍",
    "ug": "پۇقرالىققا ئۆتۈشمۇ (ناتۇراللىشىش) بار",
    "uz": "Bunga naturalizatsiya ham kiradi",
    "uk": "Це стосується й натуралізації",
}


def page(client, lang, slug):
    response = client.get(f"/{lang}/guidance/{slug}/")
    assert response.status_code == 200
    return response.content.decode()


def old_definition_sentence(lang):
    """The paragraph of the first refugees text that called the definition the Convention's."""
    _header, body = read_front_matter(CONTENT_DIR / "pages" / "refugees" / f"2025-03-31.{lang}.md")
    return next(paragraph for paragraph in body.split("\n\n") if "1951" in paragraph)


# The languages whose 2025 revision carried the old sentence (Pashto came later, with the corrected text).
CORRECTED = [lang for lang in LANGUAGE_CODES if (CONTENT_DIR / "pages" / "refugees" / f"2025-03-31.{lang}.md").exists()]


@pytest.mark.parametrize("lang", CORRECTED)
def test_refugee_definition_is_the_national_laws_and_naturalisation_is_out_of_reach(client, lang):
    html = page(client, lang, "refugees")
    assert old_definition_sentence(lang) not in html
    assert NATURALISATION[lang] in html


def test_refugees_page_says_what_each_source_says_about_citizenship_and_when(client):
    html = page(client, "en", "refugees")
    assert "UNHCR&#x27;s factsheet of early 2025 says" in html or "UNHCR's factsheet of early 2025 says" in html
    assert "The Ministry of Labour said in October 2024, and again in April 2025" in html
    assert "refugees may apply for a permanent residence permit and for citizenship" in html
    assert "The sources disagree." in html
    assert "But they get no social support, and they cannot become citizens." not in html


def test_english_refugees_page_says_whose_definition_it_is(client):
    html = page(client, "en", "refugees")
    assert "This is the definition in Kazakhstan" in html
    assert "It follows the 1951 Refugee Convention" in html
    assert "This is the definition of the 1951 Refugee Convention" not in html
    assert "most refugees cannot become citizens" not in html
    assert "<strong>refugee certificate</strong>" in html
    assert "crime against humanity" in html
    assert "except education" in html


def test_asylum_page_keeps_the_warnings_the_law_still_carries(client):
    html = page(client, "en", "asylum-seekers")
    assert "The authorities can remove you from Kazakhstan, fine you, or both." in html
    assert "If you still believe the decision is wrong, contact UNHCR." in html
    assert "Bring your identity documents to the interview." in html
    assert "Untrue or incomplete answers can lead to a rejection." in html
    assert "de-register with the authority and with the internal affairs bodies" in html


@pytest.mark.parametrize("slug", SLUGS)
def test_every_page_says_how_to_report_sexual_exploitation_abuse_and_harassment(client, slug):
    html = page(client, "en", slug)
    assert "sexual exploitation, sexual abuse and sexual harassment" in html
    for contact in ['href="tel:+77017447238"', 'href="tel:+77172696545"', 'href="mailto:kazas@unhcr.org"']:
        assert contact in html


def test_stateless_page_explains_undetermined_nationality_in_full(client):
    html = page(client, "en", "stateless")
    assert "from birth, from their parents (descent), from marriage" in html
    assert "education, healthcare, work and freedom of movement" in html
    assert "confidential" not in re.search(r"<article.*?</article>", html, re.DOTALL).group(0)


@pytest.mark.parametrize("lang", LANGUAGE_CODES)
@pytest.mark.parametrize("slug", SLUGS)
def test_no_guidance_page_falls_back_to_another_language(client, lang, slug):
    html = page(client, lang, slug)
    with translation.override(lang):
        notices = [
            gettext("This section is not translated yet. It is shown in %(language)s."),
            gettext("This part is not translated yet. It is shown in %(language)s."),
        ]
    for notice in notices:
        assert notice.split("%(")[0] not in html
    assert 'class="fallback-notice"' not in html and 'class="fallback-section"' not in html


@pytest.mark.parametrize("lang", LANGUAGE_CODES)
def test_hotline_box_does_not_promise_a_confidential_call(client, lang):
    response = client.get(f"/{lang}/no-such-page/")
    assert response.status_code == 404
    html = response.content.decode()
    with translation.override(lang):
        assert gettext("Call the UNHCR hotline.") in html
    assert "The call is confidential" not in html
    assert "Звонок конфиденциален" not in html


def test_key_figures_carry_the_dates_the_sources_give(client):
    html = client.get("/en/about/").content.decode()
    assert "As of 2009. Source: 2009 National Population Census" in html
    assert "25 February 2009" not in html and "31 March 2025" not in html
    assert html.count("As of 1 January 2025.") == 4


def test_only_bhr_is_listed_for_appeals(client):
    html = client.get("/en/partners/?service=legal-counselling").content.decode()
    listed = html.split("</form>", 1)[-1]
    assert "BHR" in listed or "Kazakhstan International Bureau" in listed
    assert "Sana Sezim" not in listed
    assert "Sana Sezim" in client.get("/en/partners/?service=documentation-nationality").content.decode()
