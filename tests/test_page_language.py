"""Each page states its real language and direction; the switcher keeps the reader on the page."""

import re

import pytest

from tests.pages import page_html

from .conftest import LANGUAGE_CODES, RTL_LANGUAGES
from .pages import public_paths

pytestmark = [pytest.mark.django_db, pytest.mark.same_on_every_database]


@pytest.mark.parametrize("lang", LANGUAGE_CODES)
@pytest.mark.parametrize("path", ["/{lang}/", "/{lang}/guidance/asylum-seekers/", "/{lang}/cities/almaty/", "/{lang}/nowhere/"])
def test_html_lang_and_dir(client, lang, path):
    html = page_html(client, path.format(lang=lang), status=404 if "nowhere" in path else 200)
    direction = "rtl" if lang in RTL_LANGUAGES else "ltr"
    assert f'<html lang="{lang}" dir="{direction}">' in html


def test_switcher_links_to_the_same_page_in_every_language(client):
    html = page_html(client, "/en/cities/almaty/")
    for lang in LANGUAGE_CODES:
        assert f'href="/{lang}/cities/almaty/"' in html


def test_switcher_names_languages_in_their_own_script(client):
    html = page_html(client, "/en/")
    nav = re.search(r'<nav class="languages[^"]*".*?</nav>', html, re.S).group(0)
    for name in ["English", "Русский", "Українська", "دری", "العربيّة", "简体中文"]:
        assert name in nav


@pytest.mark.parametrize("path", public_paths("en"))
def test_every_page_has_hreflang_alternates(client, path):
    html = page_html(client, path)
    for lang in LANGUAGE_CODES:
        assert f'hreflang="{lang}" href="http://testserver/{lang}/' in html
    assert f'hreflang="x-default" href="http://testserver{path.replace("/en/", "/", 1)}"' in html
