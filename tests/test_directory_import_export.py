"""Staff who keep the directory in a spreadsheet export it (CSV, XLSX), change it and import it back: with a
preview of what changes, per-row errors, and the same conflict check, history and translation flags as the form."""

import csv
import io
import re

import pytest
import tablib
from django.core.files.uploadedfile import SimpleUploadedFile

from config.history.models import FieldChange
from offices.models import Office
from offices.resources import OfficeResource

from .admin_forms import open_form, send

pytestmark = pytest.mark.django_db

OFFICES = "/admin/offices/office/"
SLUG = "employment-office-almaty"
CSV_FORMAT, XLSX_FORMAT = "0", "1"


def exported(client, file_format=CSV_FORMAT):
    """Press Export on the office list with every column ticked; returns the file's bytes."""
    page = client.get(f"{OFFICES}export/").content.decode()
    columns = dict.fromkeys(re.findall(r'name="(officeresource_[a-z0-9_]+)"', page), "on")
    response = client.post(f"{OFFICES}export/", {"format": file_format, "resource": "0", **columns})
    assert response.status_code == 200
    return response.content


def rows(content):
    return list(csv.DictReader(io.StringIO(content.decode("utf-8-sig"))))


def as_csv(table):
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(table[0]))
    writer.writeheader()
    writer.writerows(table)
    return out.getvalue().encode()


def preview(client, content, name="offices.csv", file_format=CSV_FORMAT):
    upload = SimpleUploadedFile(name, content)
    return client.post(f"{OFFICES}import/", {"import_file": upload, "format": file_format, "resource": "0"})


def confirm(client, preview_response):
    html = preview_response.content.decode()
    hidden = dict(re.findall(r'<input type="hidden" name="(import_file_name|original_file_name|format|resource)" value="([^"]*)"', html))
    return client.post(f"{OFFICES}process_import/", hidden, follow=True)


def edited(table, slug=SLUG, **changes):
    for row in table:
        if row["slug"] == slug:
            row.update(changes)
    return table


def test_export_has_every_language_and_the_version(staff_client):
    table = rows(exported(staff_client("editor")))
    almaty = next(row for row in table if row["slug"] == SLUG)
    assert almaty["address_en"] == "85 Dostyk Ave." and almaty["address_ru"] == "пр. Достык, 85"
    assert almaty["version"] == str(Office.objects.get(slug=SLUG).version) and almaty["city"] == "almaty"


def test_an_import_shows_what_changes_then_saves_it_with_history_and_translation_flags(staff_client):
    editor = staff_client("editor", username="amina")
    table = edited(rows(exported(editor)), address_en="87 Dostyk Ave.", phones="8 727 123 45 67")

    shown = preview(editor, as_csv(table))
    assert shown.status_code == 200
    html = shown.content.decode()
    assert '<del class="old-value"><bdi dir="ltr">85 Dostyk Ave.</bdi></del> → <ins class="new-value"><bdi dir="ltr">87 Dostyk Ave.</bdi></ins>' in html
    assert "Confirm import" in html
    assert Office.objects.get(slug=SLUG).address_en == "85 Dostyk Ave."  # the preview saved nothing

    done = confirm(editor, shown)
    assert done.status_code == 200
    office = Office.objects.get(slug=SLUG)
    assert (office.address_en, office.phones) == ("87 Dostyk Ave.", "+77271234567")
    assert "ru" in office.outdated_translations["address"] and office.outdated_translations["address_local"] == ["ru"]
    change = FieldChange.objects.of(office).get(field="address_en")
    assert (change.old_value, change.new_value, change.changed_by.username) == ("85 Dostyk Ave.", "87 Dostyk Ave.", "amina")
    assert FieldChange.objects.filter(field="address_en").count() == 1  # unchanged rows were skipped


def test_a_row_based_on_an_older_version_is_refused_in_the_preview(staff_client):
    amina, boris = staff_client("editor"), staff_client("editor")
    table = rows(exported(boris))
    url = f"{OFFICES}{Office.objects.get(slug=SLUG).pk}/change/"
    send(amina, url, open_form(amina, url), notes_en="Bring your passport.")

    shown = preview(boris, as_csv(edited(table, phones="+77272496045")))
    html = shown.content.decode()
    assert shown.status_code == 200
    assert "changed notes (English) at" in html and "Nothing was saved over their change." in html
    assert "Confirm import" not in html
    office = Office.objects.get(slug=SLUG)
    assert office.notes_en == "Bring your passport." and office.phones != "+77272496045"


def test_a_row_with_a_number_that_cannot_be_read_is_a_row_error(staff_client):
    editor = staff_client("editor")
    html = preview(editor, as_csv(edited(rows(exported(editor)), phones="12-34"))).content.decode()
    assert "“12-34” could not be read as a phone number." in html
    assert "Confirm import" not in html


def test_an_xlsx_export_imports_back_as_no_change(staff_client):
    editor = staff_client("editor")
    content = exported(editor, XLSX_FORMAT)
    assert len(tablib.Dataset().load(content, format="xlsx")) == Office.objects.count()
    shown = preview(editor, content, name="offices.xlsx", file_format=XLSX_FORMAT)
    assert shown.status_code == 200
    confirm(editor, shown)
    assert not FieldChange.objects.exists()


def test_only_staff_who_may_change_offices_may_import(staff_client):
    translator = staff_client("translator")
    content = OfficeResource().export().csv.encode()
    assert preview(translator, content).status_code == 403


def test_a_row_whose_translation_loses_a_number_of_the_english_is_a_row_error(staff_client):
    editor = staff_client("editor")
    html = preview(editor, as_csv(edited(rows(exported(editor)), address_ru="пр. Достык, 58"))).content.decode()
    assert "Numbers of the English missing here: 85." in html
    assert "Confirm import" not in html
    assert Office.objects.get(slug=SLUG).address_ru == "пр. Достык, 85"
