"""The core guidance pages in Arabic, Dari, Chinese, Uyghur and Uzbek: translated title, summary and headings.

A translation may leave a section empty (it then falls back), but never drop or reorder a heading,
and never leave empty a section that carries a deadline or says where to go.
"""

import re

import pytest
from django.utils.html import escape

from config.content_files import read_front_matter
from guidance.content import CONTENT_DIR
from tests.factories import QUERY_BUDGET
from tests.pages import page_html

from .conftest import RTL_LANGUAGES

pytestmark = pytest.mark.django_db

LANGUAGES = ["ar", "prs", "zh-hans", "ug", "uz"]
PAGES = {"asylum-seekers": "2026-12-07", "refugees": "2026-12-07", "stateless": "2026-12-01"}
# Sections every language must translate in full: deadlines and where to go.
MUST_TRANSLATE = {
    "asylum-seekers": ["Where to apply", "When to apply: deadlines", "After you apply", "If your application is rejected"],
    "refugees": ["Your rights", "Residence permit and citizenship: what the sources say"],
    "stateless": ["The stateless person certificate", "Children born in Kazakhstan"],
}
CASES = [(slug, lang) for slug in PAGES for lang in LANGUAGES]
LINK = r"\]\(([^)]+)\)"


def translation(slug, lang):
    """(front matter, [(heading, section text)]) of the data file of the page's current revision."""
    header, body = read_front_matter(CONTENT_DIR / "pages" / slug / f"{PAGES[slug]}.{lang}.md")
    parts = re.split(r"^## (.+)$", body, flags=re.M)
    return header, list(zip(parts[1::2], (text.strip() for text in parts[2::2]), strict=True))


def article(client, slug, lang):
    html = page_html(client, f"/{lang}/guidance/{slug}/")
    return html, re.search(r"<article.*?</article>", html, re.S).group(0)


@pytest.mark.parametrize("slug, lang", CASES)
def test_translated_title_and_summary_with_the_page_language(client, slug, lang):
    header, _sections = translation(slug, lang)
    html, body = article(client, slug, lang)
    direction = "rtl" if lang in RTL_LANGUAGES else "ltr"
    assert f'<html lang="{lang}" dir="{direction}">' in html
    assert f"<h1>{escape(header['title'])}</h1>" in body
    assert f'<p class="lead">{escape(header["summary"])}</p>' in body
    assert f"<title>{escape(header['title'])}" in html


def body_headings(article_html):
    """The text of the article's level-2 headings, without the table of contents' own heading."""
    found = re.findall(r'<h2\b([^>]*)>(.*?)</h2>', article_html, re.S)
    return [re.sub(r"<[^>]+>", "", text) for attributes, text in found if 'id="toc-heading"' not in attributes]


@pytest.mark.parametrize("slug, lang", CASES)
def test_every_english_heading_is_there_translated_in_order(client, slug, lang):
    _header, sections = translation(slug, lang)
    _html, english = article(client, slug, "en")
    _html, body = article(client, slug, lang)
    assert body.count("<h2") == english.count("<h2")
    headings = body_headings(body)
    assert headings == [escape(heading) for heading, _text in sections]
    assert not set(headings) & set(body_headings(english))


@pytest.mark.parametrize("slug, lang", CASES)
def test_deadlines_and_where_to_go_are_translated_not_left_to_fall_back(slug, lang):
    _header, sections = translation(slug, lang)
    _en_header, english = translation(slug, "en")
    english_headings = [heading for heading, _text in english]
    for required in MUST_TRANSLATE[slug]:
        heading, text = sections[english_headings.index(required)]
        assert text, f"{slug} {lang}: section {heading!r} ({required}) is empty"


@pytest.mark.parametrize("slug, lang", CASES)
def test_translated_sections_keep_the_same_bold_deadlines_and_links(slug, lang):
    _header, sections = translation(slug, lang)
    _en_header, english = translation(slug, "en")
    for (_heading, text), (english_heading, english_text) in zip(sections, english, strict=True):
        if not text:
            continue
        assert text.count("**") == english_text.count("**"), f"{slug} {lang}: bold text in {english_heading!r}"
        assert re.findall(LINK, text) == re.findall(LINK, english_text), f"{slug} {lang}: links in {english_heading!r}"


@pytest.mark.parametrize("slug, lang", CASES)
def test_no_markdown_leaks_into_the_page(client, slug, lang):
    _html, body = article(client, slug, lang)
    assert "**" not in body
    assert "](" not in body


def test_translated_page_stays_within_the_query_budget(client, django_assert_max_num_queries):
    with django_assert_max_num_queries(QUERY_BUDGET):
        assert client.get("/ug/guidance/refugees/").status_code == 200
