"""The admin speaks every staff language fully: Django's own catalogs (and django-import-export's and
django-axes') lack strings in each of them, and locale/django-admin/<lang> fills every gap (Kazakh and
Uzbek the most; Dari is built from Persian, see build_dari_admin_catalog). A Django upgrade that adds
strings fails the coverage test until they are translated."""

import functools
import json
from pathlib import Path

import axes
import django
import import_export
import polib
import pytest
from django.conf import settings
from django.utils.translation import to_locale
from pytest_django.asserts import assertContains

from offices.models import Office

from .test_admin_languages import visible_texts

pytestmark = [pytest.mark.django_db, pytest.mark.same_on_every_database]

ROOT = Path(settings.BASE_DIR)
DJANGO = Path(django.__file__).parent
# Where each reference catalog lives; import-export and axes have no English catalog, so their
# reference is every msgid any of their catalogs knows.
SOURCES = {
    "admin": (DJANGO / "contrib/admin/locale", "django"),
    "admin javascript": (DJANGO / "contrib/admin/locale", "djangojs"),
    "auth": (DJANGO / "contrib/auth/locale", "django"),
    "contenttypes": (DJANGO / "contrib/contenttypes/locale", "django"),
    "core": (DJANGO / "conf/locale", "django"),
    "import-export": (Path(import_export.__file__).parent / "locale", "django"),
    "axes": (Path(axes.__file__).parent / "locale", "django"),
}
# Django's strings on the pages below that must not stay English.
ENGLISH = [
    "Save and add another", "Save and continue editing", "Save", "Delete", "History", "Filter", "Show counts",
    "Hide counts", "Change password", "Import", "Export", "Log out", "Search", "Action", "Go", "Recent actions",
    "View site", "Home", "Add", "Change", "Submit", "File to import", "Format", "Old password", "New password",
    "Password change", "Select all", "Today", "Now", "Currently", "Clear all filters", "Run the selected action",
    "Toggle navigation", "Sidebar", "Skip to main content",
]
# What each page says instead, in our translation or Django's.
SEEN = {
    "kk": {"index": "Соңғы әрекеттер", "office change": "Сақтап, жаңасын қосу", "office list": "Санын көрсету",
           "guidance pages": "Кіру журналдары", "password change": "Құпия сөзді өзгерту", "office import": "Импортталатын файл"},
    "uz": {"index": "Soʻnggi harakatlar", "office change": "Saqlash va yana qoʻshish", "office list": "Sonini koʻrsatish",
           "guidance pages": "Kirish jurnallari", "password change": "Parolni oʻzgartirish",
           "office import": "Import qilinadigan fayl"},
}
# The admin's calendar and clock (its JavaScript catalog).
CALENDAR = {"kk": ["Қаңтар", "Жексенбі", "Ескерту: сіздің уақытыңыз"], "uz": ["Yanvar", "Yakshanba", "Yak"]}


# Every language of the site but English, as the language cookie names it.
STAFF_LANGUAGES = [code for code, _name in settings.LANGUAGES if code != "en"]


def key(entry):
    return entry.msgctxt, entry.msgid, entry.msgid_plural or None


@functools.cache  # a catalog is read once, not once for each language and source that looks into it
def translated(path):
    if not path.exists():
        return set()
    return {key(entry) for entry in polib.pofile(str(path)) if entry.translated()}


@functools.cache
def reference(base, domain):
    english = base / "en" / "LC_MESSAGES" / f"{domain}.po"
    paths = [english] if english.exists() else sorted(base.glob(f"*/LC_MESSAGES/{domain}.po"))
    return {key(entry) for path in paths for entry in polib.pofile(str(path)) if entry.msgid and not entry.obsolete}


def covered(lang, domain):
    """What a staff member of this language (a locale folder: zh_Hans) sees translated: Django's and the libraries' catalogs, ours, the site's."""
    catalogs = {base / lang / "LC_MESSAGES" / f"{dom}.po" for base, dom in SOURCES.values() if dom == domain}
    catalogs |= {ROOT / "locale" / "django-admin" / lang / "LC_MESSAGES" / f"{domain}.po"}
    if domain == "django":
        catalogs |= {ROOT / "locale" / lang / "LC_MESSAGES" / "django.po"}
    return set().union(*map(translated, catalogs))


@pytest.mark.parametrize("lang", STAFF_LANGUAGES)
@pytest.mark.parametrize("source", SOURCES)
def test_every_django_string_is_translated(lang, source):
    base, domain = SOURCES[source]
    missing = reference(base, domain) - covered(to_locale(lang), domain)
    assert missing == set(), f"{lang} {source}: {len(missing)} untranslated, e.g. {sorted(missing, key=str)[:5]}"


@pytest.mark.parametrize("lang", ["kk", "uz"])
def test_our_catalogs_are_complete_and_agree_with_djangos_plural_forms(lang):
    django_plurals = polib.pofile(str(DJANGO / "contrib/admin/locale" / lang / "LC_MESSAGES/django.po")).metadata["Plural-Forms"]
    for domain in ("django", "djangojs"):
        catalog = polib.pofile(str(ROOT / "locale/django-admin" / lang / "LC_MESSAGES" / f"{domain}.po"))
        assert catalog.metadata["Plural-Forms"] == django_plurals
        assert catalog.fuzzy_entries() == [] and catalog.untranslated_entries() == []
        if lang == "uz":
            assert not any(letter in entry.msgstr for entry in catalog for letter in "‘’"), "oʻ gʻ take U+02BB"


def admin_pages(lang):
    client = staff_client_for(lang)
    office = Office.objects.first()
    return {
        "index": client.get("/admin/"),
        "office change": client.get(f"/admin/offices/office/{office.pk}/change/"),
        "office list": client.get("/admin/offices/office/"),
        "guidance pages": client.get("/admin/guidance/guidancepage/"),
        "password change": client.get("/admin/password_change/"),
        "office import": client.get("/admin/offices/office/import/"),
    }


def staff_client_for(lang):
    from .staff import staff_client

    client = staff_client(superuser=True)
    client.cookies["django_language"] = lang
    return client


@pytest.mark.parametrize("lang", STAFF_LANGUAGES)
def test_the_admin_pages_show_no_english_django_string(lang):
    pages = admin_pages(lang)
    for name, response in pages.items():
        assert response.status_code == 200, name
        english = visible_texts(response.content.decode()) & set(ENGLISH)
        assert english == set(), f"{lang} {name}: {sorted(english)}"
    for name, text in SEEN.get(lang, {}).items():
        assertContains(pages[name], text)


@pytest.mark.parametrize("lang", ["kk", "uz"])
def test_the_admin_calendar_speaks_the_language(lang):
    response = staff_client_for(lang).get("/admin/jsi18n/")
    for text in CALENDAR[lang]:
        assertContains(response, json.dumps(text)[1:-1])  # the catalog is JSON, with \u escapes
