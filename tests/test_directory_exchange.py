"""The directory in exchange files: every translated field of every entry out as PO and XLIFF 2.0, edited in a
translator's tool, back onto the entries (checked, in the field history), and read; older or wrong files refused."""

import polib
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from translate.storage.xliff2 import Xliff2File

from config.history.models import FieldChange
from guidance.models import KeyFigure
from tests.pages import page_html

from .admin_forms import open_form, send
from .factories import starting_office

pytestmark = pytest.mark.django_db

SLUG = "employment-office-almaty"
OLD_ADDRESS = "85 Dostyk Ave."
NEW_ADDRESS = "87 Dostyk Ave."
NEW_RUSSIAN = "пр. Достык, 87"
IMPORT_URL = "/admin/guidance/guidancepage/translations/import/"


def export(client, language, file_format="po"):
    response = client.get(f"/admin/guidance/guidancepage/translations/export/directory/{language}.{file_format}")
    assert response.status_code == 200
    assert response["Content-Disposition"] == f'attachment; filename="directory.{language}.{file_format}"'
    return response.content


def upload(client, name, content):
    response = client.post(IMPORT_URL, {"file": SimpleUploadedFile(name, content.encode() if isinstance(content, str) else content)})
    assert response.status_code == 200
    return response.content.decode()


def address_entry(catalog):
    return next(e for e in catalog if e.msgctxt == f"offices.office.{starting_office(SLUG).pk}/address")


def change_english_address(editor, new=NEW_ADDRESS):
    url = f"/admin/offices/office/{starting_office(SLUG).pk}/change/"
    assert send(editor, url, open_form(editor, url), address_en=new).status_code == 302


def test_the_directory_exports_each_translated_field_with_its_english_and_state(staff_client):
    catalog = polib.pofile(export(staff_client("translator"), "ru").decode())
    assert catalog.metadata["Project-Id-Version"] == "Directory" and catalog.metadata["Language"] == "ru"
    entry = address_entry(catalog)
    assert entry.msgid == OLD_ADDRESS and entry.msgstr == starting_office(SLUG).address_ru and "fuzzy" not in entry.flags
    kinds = {e.msgctxt.split("/")[0].rsplit(".", 1)[0] for e in catalog}
    assert {"offices.city", "offices.office", "partners.partner", "partners.branch", "partners.service", "guidance.keyfigure"} <= kinds


def test_a_field_whose_english_changed_is_fuzzy_with_the_english_it_was_translated_from(staff_client):
    change_english_address(staff_client("editor"))
    entry = address_entry(polib.pofile(export(staff_client("translator"), "ru").decode()))
    assert entry.msgid == NEW_ADDRESS and "fuzzy" in entry.flags and entry.previous_msgid == OLD_ADDRESS
    assert "needs-update" in entry.comment


def test_po_edited_in_a_tool_is_saved_on_the_entry_in_its_history_and_read(client, staff_client):
    editor = staff_client("editor")
    change_english_address(editor)
    catalog = polib.pofile(export(editor, "ru").decode())
    entry = address_entry(catalog)
    entry.msgstr, entry.flags = NEW_RUSSIAN, []
    html = upload(editor, "directory.ru.po", str(catalog))
    assert "Fields saved in the directory: 1." in html, html[-3000:]
    assert starting_office(SLUG).address_ru == NEW_RUSSIAN and "ru" not in starting_office(SLUG).outdated_translations.get("address", [])
    change = FieldChange.objects.of(starting_office(SLUG)).get(field="address_ru", new_value=NEW_RUSSIAN)
    assert change.changed_by == editor.user
    assert NEW_RUSSIAN in page_html(client, f"/ru/offices/{SLUG}/")


def test_xliff_edited_with_translate_toolkit_is_saved_on_the_entry(staff_client):
    editor = staff_client("editor")
    change_english_address(editor)
    store = Xliff2File.parsestring(export(editor, "kk", "xlf"))
    assert store.getsourcelanguage() == "en" and store.gettargetlanguage() == "kk"
    fuzzy = [unit for unit in store.units if unit.isfuzzy()]
    assert NEW_ADDRESS in [unit.source for unit in fuzzy]
    for unit in fuzzy:
        if unit.source == NEW_ADDRESS:
            unit.target = "Достық даңғылы, 87"
            unit.markfuzzy(False)
    assert "Fields saved in the directory: 1." in upload(editor, "directory.kk.xlf", bytes(store))
    assert starting_office(SLUG).address_kk == "Достық даңғылы, 87"


def test_a_file_made_from_the_older_english_is_not_imported_and_says_why(staff_client):
    editor = staff_client("editor")
    older = polib.pofile(export(editor, "uk").decode())
    change_english_address(editor)
    address_entry(older).msgstr = "просп. Достик, 85 (новий переклад)"
    html = upload(editor, "directory.uk.po", str(older))
    assert "the English of these segments has changed since the file was made" in html
    assert '<li data-segment="address">85 Dostyk Ave.</li>' in html  # named, with the English the file had
    assert starting_office(SLUG).address_uk != "просп. Достик, 85 (новий переклад)"
    only_the_address = polib.POFile()
    only_the_address.metadata = {"Language": "uk"}
    only_the_address.append(address_entry(older))
    assert "made from an older English text" in upload(editor, "address.uk.po", str(only_the_address))


def test_a_translation_that_changes_a_number_is_refused_by_the_number_check(staff_client):
    editor = staff_client("editor")
    figure = KeyFigure.objects.filter(detail_en__contains="320").first()
    catalog = polib.pofile(export(editor, "ru").decode())
    entry = next(e for e in catalog if e.msgctxt == f"guidance.keyfigure.{figure.pk}/detail")
    entry.msgstr = "в том числе из Афганистана (230) и Украины (244)"
    html = upload(editor, "directory.ru.po", str(catalog))
    assert 'data-check="numbers"' in html and "Fields saved in the directory: 0." in html
    figure.refresh_from_db()
    assert "(320)" in figure.detail_ru


def test_a_translation_too_long_for_its_field_is_refused_not_a_500(staff_client):
    editor = staff_client("editor")
    catalog = polib.pofile(export(editor, "ru").decode())
    name = next(e for e in catalog if e.msgctxt == f"offices.office.{starting_office(SLUG).pk}/name")
    name.msgstr = "Управление " * 100
    html = upload(editor, "directory.ru.po", str(catalog))
    assert 'data-check="invalid"' in html
    assert starting_office(SLUG).name_ru != name.msgstr.strip()


def test_a_translator_who_may_not_change_entries_still_imports_their_translations(staff_client):
    change_english_address(staff_client("editor"))
    translator = staff_client("translator")
    catalog = polib.pofile(export(translator, "ru").decode())
    entry = address_entry(catalog)
    entry.msgstr, entry.flags = NEW_RUSSIAN, []
    html = upload(translator, "directory.ru.po", str(catalog))
    assert "You may not change this kind of entry" not in html and "Fields saved in the directory: 1." in html
    assert starting_office(SLUG).address_ru == NEW_RUSSIAN
    assert FieldChange.objects.of(starting_office(SLUG)).get(field="address_ru").changed_by == translator.user


def test_an_entry_that_does_not_exist_is_named_not_a_500(staff_client):
    po = 'msgid ""\nmsgstr ""\n"Language: ru\\n"\n\nmsgctxt "offices.office.999999/name"\nmsgid "Nowhere"\nmsgstr "Нигде"\n'
    html = upload(staff_client("editor"), "directory.ru.po", po)
    assert "There is no directory entry “offices.office.999999”." in html


def test_the_export_needs_a_language_of_the_site_and_a_known_format(staff_client):
    translator = staff_client("translator")
    assert translator.get("/admin/guidance/guidancepage/translations/export/directory/xx.po").status_code == 404
    assert translator.get("/admin/guidance/guidancepage/translations/export/directory/ru.docx").status_code == 404
    status = staff_client("translator").get("/admin/guidance/guidancepage/translations/")
    assert status.status_code == 200 and "/translations/export/directory/ru.po" in status.content.decode()


def test_a_translation_confirmed_in_the_file_is_current_again_and_untouched_entries_are_not_listed(staff_client):
    """A confirmation is checked too: the old Russian "пр. Достык, 85" could not be confirmed for "87 Dostyk Ave."."""
    editor = staff_client("editor")
    change_english_address(editor, "85 Dostyk Avenue")
    catalog = polib.pofile(export(editor, "ru").decode())
    kept = address_entry(catalog)
    assert "fuzzy" in kept.flags
    kept.flags = []  # the translator says the Russian address is still right for the new English
    html = upload(editor, "directory.ru.po", str(catalog))
    assert html.count('class="import-report"') == 1 and "Fields saved in the directory: 1." in html
    assert "ru" not in starting_office(SLUG).outdated_translations.get("address", [])
    assert starting_office(SLUG).address_ru == kept.msgstr
