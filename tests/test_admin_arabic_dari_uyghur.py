"""The admin fills Django's gaps in Arabic, Dari and Uyghur: locale/django-admin/ar and ug by hand, and the
Dari catalog that build_dari_admin_catalog makes carries the hand translations of locale/dari-admin-additions."""

import json
from pathlib import Path

import polib
import pytest
from django.conf import settings
from pytest_django.asserts import assertContains, assertNotContains

pytestmark = [pytest.mark.django_db, pytest.mark.same_on_every_database]

ROOT = Path(settings.BASE_DIR) / "locale"


@pytest.mark.parametrize("domain", ["django", "djangojs"])
def test_the_built_dari_catalog_carries_every_hand_translation(domain):
    built = {(entry.msgctxt, entry.msgid): entry for entry in polib.pofile(str(ROOT / f"django-admin/prs/LC_MESSAGES/{domain}.po"))}
    for entry in polib.pofile(str(ROOT / f"dari-admin-additions/{domain}.po")):
        assert entry.translated() and not entry.fuzzy, entry.msgid
        made = built[entry.msgctxt, entry.msgid]
        assert (made.msgstr, made.msgstr_plural) == (entry.msgstr, entry.msgstr_plural), entry.msgid


@pytest.mark.parametrize(("lang", "words"), [
    ("ar", ["الأربعاء", "أربعاء", "(انقر للمسح)"]),
    ("prs", ["چهارشنبه", "پنجشنبه", "(برای پاک کردن کلیک کنید)"]),
])
def test_the_admin_calendar_names_the_days(staff_client, lang, words):
    client = staff_client(superuser=True)
    client.cookies["django_language"] = lang
    response = client.get("/admin/jsi18n/")
    for word in words:
        assertContains(response, json.dumps(word)[1:-1])  # the catalog is JSON, with \u escapes


def test_the_uyghur_import_page_speaks_uyghur(staff_client):
    client = staff_client(superuser=True)
    client.cookies["django_language"] = "ug"
    response = client.get("/admin/offices/office/import/")
    assertContains(response, "ئەكىرىدىغان ھۆججەت")  # File to import
    assertContains(response, "فورمات")
    assertNotContains(response, "File to import")
