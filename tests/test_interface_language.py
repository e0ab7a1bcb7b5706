"""Pages in each language show no interface text left in English."""

from pathlib import Path

import polib
import pytest
from django.utils.translation import to_locale

from tests.pages import page_html

from .conftest import LANGUAGE_CODES

pytestmark = [pytest.mark.django_db, pytest.mark.same_on_every_database]

ROOT = Path(__file__).resolve().parent.parent


def english_leftovers(html, lang):
    """Interface strings whose translation differs from English, but which appear in English."""
    catalog = polib.pofile(str(ROOT / "locale" / to_locale(lang) / "LC_MESSAGES" / "django.po"))
    leftovers = []
    for entry in catalog.translated_entries():
        if entry.msgid_plural or "%" in entry.msgid or "<" in entry.msgid or len(entry.msgid) < 12:
            continue
        if entry.msgstr != entry.msgid and f">{entry.msgid}<" in html:
            leftovers.append(entry.msgid)
    return leftovers


@pytest.mark.parametrize("lang", [code for code in LANGUAGE_CODES if code != "en"])
@pytest.mark.parametrize("path", ["/{lang}/", "/{lang}/guidance/asylum-seekers/", "/{lang}/cities/almaty/"])
def test_no_interface_string_is_left_in_english(client, lang, path):
    html = page_html(client, path.format(lang=lang))
    assert english_leftovers(html, lang) == []
