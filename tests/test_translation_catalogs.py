"""Every interface catalog is complete, current, compiled, and keeps its placeholders intact."""

import re
import shutil
import subprocess
import sys
from pathlib import Path

import polib
import pytest

pytestmark = pytest.mark.same_on_every_database

ROOT = Path(__file__).resolve().parent.parent
CATALOGS = sorted((ROOT / "locale").glob("*/LC_MESSAGES/django.po"))
PLACEHOLDER = re.compile(r"%\((\w+)\)[sdif]|%[sdif]")


def catalog_id(path):
    return path.parts[-3]


def placeholders(text):
    return sorted(PLACEHOLDER.findall(text))


def test_there_is_a_catalog_for_every_language():
    from django.conf import settings
    from django.utils.translation import to_locale

    assert {catalog_id(p) for p in CATALOGS} == {to_locale(code) for code, _name in settings.LANGUAGES}


@pytest.mark.parametrize("path", CATALOGS, ids=catalog_id)
def test_catalog_has_no_untranslated_or_fuzzy_entry(path):
    catalog = polib.pofile(str(path))
    untranslated = [e.msgid for e in catalog.untranslated_entries()]
    fuzzy = [e.msgid for e in catalog.fuzzy_entries()]
    assert not untranslated, f"{len(untranslated)} untranslated, e.g. {untranslated[:3]}"
    assert not fuzzy, f"{len(fuzzy)} fuzzy, e.g. {fuzzy[:3]}"


@pytest.mark.parametrize("path", CATALOGS, ids=catalog_id)
def test_placeholders_survive_translation(path):
    catalog = polib.pofile(str(path))
    for entry in catalog.translated_entries():
        if entry.msgid_plural:
            allowed = set(placeholders(entry.msgid_plural)) | set(placeholders(entry.msgid))
            # A form may spell out "none", "one" or "two" instead of showing the count.
            required = (set(placeholders(entry.msgid_plural)) & set(placeholders(entry.msgid))) - {"count", "counter"}
            for form in entry.msgstr_plural.values():
                assert required <= set(placeholders(form)) <= allowed, (entry.msgid, form)
        else:
            assert placeholders(entry.msgstr) == placeholders(entry.msgid), (entry.msgid, entry.msgstr)


@pytest.mark.parametrize("path", CATALOGS, ids=catalog_id)
def test_plural_forms_are_all_filled(path):
    catalog = polib.pofile(str(path))
    nplurals = int(re.search(r"nplurals=(\d+)", catalog.metadata["Plural-Forms"]).group(1))
    for entry in catalog.translated_entries():
        if entry.msgid_plural:
            assert sorted(entry.msgstr_plural) == list(range(nplurals)), entry.msgid


@pytest.mark.parametrize("path", CATALOGS, ids=catalog_id)
def test_compiled_catalog_matches_the_source(path):
    compiled = polib.mofile(str(path.with_suffix(".mo")))
    source = polib.pofile(str(path))
    as_compiled = {(e.msgctxt, e.msgid): (e.msgstr, e.msgstr_plural) for e in compiled if e.msgid}
    as_source = {
        (e.msgctxt, e.msgid): (e.msgstr, {int(k): v for k, v in e.msgstr_plural.items()})
        for e in source.translated_entries()
    }
    for key, (msgstr, plural) in as_source.items():
        assert key in as_compiled, f"{key} missing from the .mo: run `make messages`"
        compiled_msgstr, compiled_plural = as_compiled[key]
        assert (compiled_msgstr, {int(k): v for k, v in compiled_plural.items()}) == (msgstr, plural), key


@pytest.mark.skipif(shutil.which("xgettext") is None, reason="gettext tools are not installed")
def test_catalogs_are_current(tmp_path):
    """`makemessages` would add nothing: every interface string in the code is in the catalogs."""
    copy = tmp_path / "project"
    shutil.copytree(
        ROOT, copy,
        ignore=shutil.ignore_patterns(".venv", ".git", "staticfiles", "node_modules", "test-artifacts", "*.sqlite3", "__pycache__"),
    )
    subprocess.run(
        [sys.executable, "manage.py", "makemessages", "-l", "en", "--no-obsolete",
         "-i", "tests/*", "-i", "benchmarks/*", "-v0"],
        cwd=copy, check=True,
    )
    fresh = {(e.msgctxt, e.msgid) for e in polib.pofile(str(copy / "locale/en/LC_MESSAGES/django.po"))}
    for path in CATALOGS:
        present = {(e.msgctxt, e.msgid) for e in polib.pofile(str(path)) if not e.obsolete}
        missing = fresh - present
        assert not missing, f"{catalog_id(path)} lacks {len(missing)} strings, e.g. {sorted(missing, key=str)[:3]}: run `make messages`"
