"""A spreadsheet import's preview tells staff, in their language, what their file would change and which rows
to correct: an unknown city or service is an error of its row and column, not the end of the whole file; only
the changed cells are listed, old → new, with readable column names; an empty cell is empty."""

import re

import pytest
import tablib
from django.core.files.uploadedfile import SimpleUploadedFile
from pytest_django.asserts import assertContains, assertNotContains

from offices.models import Office
from partners.models import Partner

from .test_directory_import_export import XLSX_FORMAT, exported, preview

pytestmark = pytest.mark.django_db

ALMATY, ASTANA = "employment-office-almaty", "employment-office-astana"


def xlsx_with(content, changes):
    """The exported workbook with cells changed: {slug: {column: value}}; None is an emptied cell."""
    table = tablib.Dataset().load(content, format="xlsx")
    for index, row in enumerate(table.dict):
        for column, value in changes.get(row["slug"], {}).items():
            values = list(table[index])
            values[table.headers.index(column)] = value
            table[index] = values
    return table.export("xlsx")


def spreadsheet_row(content, slug):
    """The row a spreadsheet program shows the entry on (the header is row 1)."""
    return [row["slug"] for row in tablib.Dataset().load(content, format="xlsx").dict].index(slug) + 2


def changes_table(html):
    return re.search(r'<table class="import-changes">.*?</table>', html, re.S).group(0)


def test_an_unknown_city_is_a_row_error_and_the_other_rows_are_previewed(staff_client):
    editor = staff_client("editor")
    content = exported(editor, XLSX_FORMAT)
    upload = xlsx_with(content, {ASTANA: {"city": "atyrau"}, ALMATY: {"address_en": "87 Dostyk Ave."}})

    response = preview(editor, upload, name="offices.xlsx", file_format=XLSX_FORMAT)

    assert response.status_code == 200
    html = response.content.decode()
    assert "matching query does not exist" not in html
    row = spreadsheet_row(content, ASTANA)
    assertContains(response, f"Row {row}, column “City”: “atyrau” is not in the admin; write one of: almaty, astana")
    assert "87 Dostyk Ave." in changes_table(html)  # the other rows are previewed
    assertNotContains(response, "Confirm import")
    assert Office.objects.get(slug=ALMATY).address_en == "85 Dostyk Ave."


def test_an_unknown_service_is_a_row_error(staff_client):
    editor = staff_client("editor")
    partner = Partner.objects.filter(services__isnull=False).first()
    page = editor.get("/admin/partners/partner/export/").content.decode()
    columns = dict.fromkeys(re.findall(r'name="(partnerresource_[a-z0-9_]+)"', page), "on")
    content = editor.post("/admin/partners/partner/export/", {"format": "0", "resource": "0", **columns}).content
    table = tablib.Dataset().load(content.decode("utf-8-sig"), format="csv")
    index = table["slug"].index(partner.slug)
    values = list(table[index])
    values[table.headers.index("services")] += "|haircuts"
    table[index] = values
    upload = SimpleUploadedFile("partners.csv", table.export("csv").encode())
    response = editor.post("/admin/partners/partner/import/", {"import_file": upload, "format": "0", "resource": "0"})
    assert response.status_code == 200
    assertContains(response, "column “Services”: “haircuts” is not in the admin; write one of:")
    assertNotContains(response, "Confirm import")


def test_the_preview_lists_only_the_changed_cells_old_to_new_and_an_empty_cell_is_empty(staff_client):
    editor = staff_client("editor")
    office = Office.objects.get(slug=ALMATY)
    assert office.notes_en
    upload = xlsx_with(exported(editor, XLSX_FORMAT), {ALMATY: {"phones": "8 727 222 33 44", "notes_en": None}})

    response = preview(editor, upload, name="offices.xlsx", file_format=XLSX_FORMAT)

    assert response.status_code == 200
    table = changes_table(response.content.decode())
    assert re.findall(r'<span class="column-label">([^<]+)</span>', table) == ["Notes (English)", "Phones"]
    assert '<ins class="new-value"><bdi dir="ltr">+77272223344</bdi></ins>' in table
    assert '<ins class="new-value"><bdi dir="ltr">—</bdi></ins>' in table  # the emptied note
    assert "None" not in table and "Note on opening hours" not in table
    assertContains(response, "Confirm import")


def test_column_names_are_readable_and_translated(staff_client):
    editor = staff_client("editor")
    assertContains(editor.get("/admin/offices/office/export/"), "Note on opening hours (Dari)")
    editor.cookies["django_language"] = "ru"
    page = editor.get("/admin/offices/office/export/")
    assertNotContains(page, "Opening Hours Prs")
    assertContains(page, "Примечание о часах работы (Дари)")


def test_the_dari_preview_names_the_row_error_in_dari(staff_client):
    editor = staff_client("editor")
    editor.cookies["django_language"] = "prs"
    content = exported(editor, XLSX_FORMAT)
    response = preview(editor, xlsx_with(content, {ASTANA: {"city": "atyrau"}}), name="o.xlsx", file_format=XLSX_FORMAT)
    assert response.status_code == 200
    assertNotContains(response, "is not in the admin")
    assertContains(response, "atyrau")
