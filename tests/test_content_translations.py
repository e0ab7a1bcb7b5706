"""The starting content is really translated: guidance in ru/kk/uk, place and service names in all nine."""

import re

import pytest
from modeltranslation.utils import build_localized_fieldname

from offices.models import City, FormerCityName
from partners.models import Service
from tests.pages import page_html

from .conftest import LANGUAGE_CODES

pytestmark = pytest.mark.django_db

GUIDANCE_TITLES = {
    "ru": {
        "asylum-seekers": "Лица, ищущие убежище: как попросить защиты в Казахстане",
        "refugees": "Беженцы: ваши права в Казахстане",
        "stateless": "Лица без гражданства: статус, документы и гражданство",
    },
    "kk": {
        "asylum-seekers": "Пана іздеушілер: Қазақстанда қорғауды қалай сұрауға болады",
        "refugees": "Босқындар: Қазақстандағы құқықтарыңыз",
        "stateless": "Азаматтығы жоқ адамдар: мәртебе, құжаттар және азаматтық",
    },
    "uk": {
        "asylum-seekers": "Шукачі притулку: як попросити захисту в Казахстані",
        "refugees": "Біженці: ваші права в Казахстані",
        "stateless": "Особи без громадянства: статус, документи та громадянство",
    },
}
GUIDANCE_PAGES = [(lang, slug) for lang, titles in GUIDANCE_TITLES.items() for slug in titles]
FULLY_TRANSLATED_DIRECTORY = ["/cities/almaty/", "/cities/shymkent/", "/offices/", "/partners/", "/partners/bhr/", "/about/"]


def guidance_body(client, lang, slug):
    html = page_html(client, f"/{lang}/guidance/{slug}/")
    return html, re.search(r'<div class="body"[^>]*>(.*?)</div>', html, re.S).group(1)


def no_fallback_shown(html):
    return 'class="fallback-notice"' not in html and 'class="fallback-note"' not in html


@pytest.mark.parametrize(("lang", "slug"), GUIDANCE_PAGES)
def test_guidance_page_is_shown_in_the_readers_language(client, lang, slug):
    html, _body = guidance_body(client, lang, slug)
    assert f"<h1>{GUIDANCE_TITLES[lang][slug]}</h1>" in html
    assert no_fallback_shown(html)


@pytest.mark.parametrize(("lang", "slug"), GUIDANCE_PAGES)
def test_translation_has_the_same_sections_and_links_as_english(client, lang, slug):
    _html, english = guidance_body(client, "en", slug)
    html, translated = guidance_body(client, lang, slug)
    assert translated.count("<h2") == english.count("<h2")
    assert re.findall(r'href="([^"]+)"', translated) == re.findall(r'href="([^"]+)"', english)
    assert translated.count("<strong>") == english.count("<strong>")
    for anchor in re.findall(r'<h2 id="([^"]+)"', translated):
        assert f'<a href="#{anchor}">' in html  # the table of contents links to every section


@pytest.mark.parametrize("lang", list(GUIDANCE_TITLES))
@pytest.mark.parametrize("path", FULLY_TRANSLATED_DIRECTORY)
def test_directory_pages_need_no_fallback(client, lang, path):
    html = page_html(client, f"/{lang}{path}")
    assert no_fallback_shown(html)


def test_russian_and_kazakh_pages_name_the_asylum_authority_officially(client):
    _html, russian = guidance_body(client, "ru", "asylum-seekers")
    _html, kazakh = guidance_body(client, "kk", "asylum-seekers")
    assert "Управление занятости и социальных программ" in russian  # the current name (UNHCR's help page, 2026)
    assert "Жұмыспен қамту және әлеуметтік бағдарламалар басқармасы" in kazakh
    assert "координации занятости" not in russian
    assert "<strong>в течение 5 календарных дней</strong>" in russian
    assert "<strong>5 күнтізбелік күн ішінде</strong>" in kazakh


@pytest.mark.parametrize("model", [City, FormerCityName, Service])
def test_every_place_and_service_is_named_in_all_nine_languages(model):
    for row in model.objects.all():
        missing = [code for code in LANGUAGE_CODES if not getattr(row, build_localized_fieldname("name", code))]
        assert not missing, f"{model.__name__} {row.slug} has no name in {missing}"


@pytest.mark.parametrize(("lang", "name"), [("ar", "ألماتي"), ("zh-hans", "阿拉木图"), ("uz", "Olmaota"), ("uk", "Алмати")])
def test_city_page_shows_the_city_name_in_the_readers_language(client, lang, name):
    html = page_html(client, f"/{lang}/cities/almaty/")
    heading = re.search(r"<h1>(.*?)</h1>", html, re.S).group(1)
    assert name in heading
    assert "<span lang=" not in heading  # shown as the reader's own language, not a fallback
