"""One word for one thing: pages, directory data and catalogs use the terms of locale/glossary.yaml."""

import re
import unicodedata
from pathlib import Path

import polib
import pytest
import yaml
from django.conf import settings

pytestmark = pytest.mark.same_on_every_database

ROOT = Path(settings.BASE_DIR)
GLOSSARY = yaml.safe_load((ROOT / "locale" / "glossary.yaml").read_text(encoding="utf-8"))
PAGES_DIR = ROOT / "guidance" / "content" / "pages"
DIRECTORY_FILES = [
    "offices/content/cities.yaml",
    "offices/content/offices.yaml",
    "partners/content/partners.yaml",
    "partners/content/services.yaml",
    "guidance/content/key_figures.yaml",
]
LANGUAGES = [code for code, _name in settings.LANGUAGES]
TRANSLATIONS = [code for code in LANGUAGES if code != settings.LANGUAGE_CODE]
ARABIC_MARKS = re.compile("[\u064b-\u0652\u0670]")  # harakat: an optional reading aid, not part of the word
# oʻ and gʻ take U+02BB; a look-alike after o or g (‘ ’ ' ` ʼ ´) is the wrong character.
UZBEK_WRONG_APOSTROPHE = re.compile("[oOgG][\u2018\u2019'`\u02bc\u00b4]")
# An e-mail address is not a term: UNHCR's kazas@unhcr.org stays as it is in every language.
EMAIL_ADDRESS = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")


def normalised(text):
    return ARABIC_MARKS.sub("", unicodedata.normalize("NFC", text)).casefold()


def newest_revisions(language):
    """{slug: text} of the newest revision of each page, in this language where it is translated."""
    found = {}
    for page_dir in sorted(p for p in PAGES_DIR.iterdir() if p.is_dir()):
        newest = max(path.name.split(".", 1)[0] for path in page_dir.glob(f"*.{settings.LANGUAGE_CODE}.md"))
        path = page_dir / f"{newest}.{language}.md"
        if path.exists():
            found[page_dir.name] = path.read_text(encoding="utf-8")
    return found


def uses(text, entry):
    return any(normalised(form) in normalised(text) for form in [entry["term"], *entry.get("forms", [])])


def directory_values(node, language):
    """Every value a data file gives for one language (address_local is in Russian)."""
    if isinstance(node, list):
        for item in node:
            yield from directory_values(item, language)
    elif isinstance(node, dict):
        for key, value in node.items():
            written_in = "ru" if key == "address_local" else key
            if written_in == language and isinstance(value, str):
                yield value
            else:
                yield from directory_values(value, language)


def directory_texts(language):
    for name in DIRECTORY_FILES:
        data = yaml.safe_load((ROOT / name).read_text(encoding="utf-8"))
        yield from ((name, text) for text in directory_values(data, language))


def catalog_texts(language):
    folder = "zh_Hans" if language == "zh-hans" else language
    for entry in polib.pofile(str(ROOT / "locale" / folder / "LC_MESSAGES" / "django.po")):
        for text in [entry.msgstr, *entry.msgstr_plural.values()]:
            yield f"catalog {entry.msgid!r}", text


def page_texts(language):
    return ((f"page {slug}", text) for slug, text in newest_revisions(language).items())


def mentioned_concepts():
    english = newest_revisions(settings.LANGUAGE_CODE)
    return [
        (language, slug, concept)
        for language in TRANSLATIONS
        for slug, text in english.items()
        if slug in newest_revisions(language)
        for concept, entries in GLOSSARY.items()
        if uses(text, entries[settings.LANGUAGE_CODE])
    ]


def test_the_glossary_names_every_concept_in_all_nine_languages():
    for concept, entries in GLOSSARY.items():
        assert sorted(entries) == sorted(LANGUAGES), concept
        assert all(entry["term"] for entry in entries.values()), concept


@pytest.mark.parametrize(("language", "slug", "concept"), mentioned_concepts())
def test_a_translated_page_uses_the_glossary_term(language, slug, concept):
    entry = GLOSSARY[concept][language]
    assert uses(newest_revisions(language)[slug], entry), f"{slug}.{language} should say {entry['term']!r}"


@pytest.mark.parametrize("language", TRANSLATIONS)
def test_no_text_uses_a_variant_the_glossary_replaced(language):
    avoided = [
        (concept, variant) for concept, entries in GLOSSARY.items() for variant in entries[language].get("avoid", [])
    ]
    texts = [*page_texts(language), *directory_texts(language), *catalog_texts(language)]
    found = [
        (where, concept, variant)
        for where, text in texts
        for concept, variant in avoided
        if normalised(variant) in normalised(EMAIL_ADDRESS.sub("", text))
    ]
    assert found == []


def test_uzbek_writes_o_and_g_with_the_turned_comma_only():
    texts = [*directory_texts("uz"), *catalog_texts("uz")]
    texts += [(path.name, path.read_text(encoding="utf-8")) for path in PAGES_DIR.glob("*/*.uz.md")]
    texts += [("glossary", entry["uz"]["term"]) for entry in GLOSSARY.values()]
    assert [(where, match) for where, text in texts for match in UZBEK_WRONG_APOSTROPHE.findall(text)] == []
    assert any("\u02bb" in text for _where, text in texts)
