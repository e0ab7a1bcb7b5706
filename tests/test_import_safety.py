"""Imports never lose newer work: an exchange file carries the translation each segment had when exported, a
segment changed since is refused with both texts, every refusal names its segment, a new wrong number is
caught, and a quality warning on the directory can be saved anyway, as in the entry's form."""

import polib
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from guidance.models import Revision
from guidance.segments.checks import check_segment

from .factories import APPEAL_SENTENCE, ASYLUM_SEEKERS, starting_office
from .staff import page, save_draft

pytestmark = pytest.mark.django_db

IMPORT_URL = "/admin/guidance/guidancepage/translations/import/"
SAVED_MEANWHILE = "Ищущие убежища: как попросить защиты (правка коллеги)"
IN_THE_OLD_FILE = "Ищущие убежища: как попросить защиты (моя правка)"
DARI_WITH_A_NEW_NUMBER = "شما تا تصمیم نهایی درباره درخواست خود، به شمول زمان اعتراض، پناهجو می‌مانید؛ در ظرف ۳ روز."


def export(client, language, slug=ASYLUM_SEEKERS):
    response = client.get(f"/admin/guidance/guidancepage/{page(slug).pk}/export/{language}.po")
    assert response.status_code == 200
    return polib.pofile(response.content.decode())


def upload(client, catalog, **extra):
    response = client.post(IMPORT_URL, {"file": SimpleUploadedFile("file.po", str(catalog).encode()), **extra})
    assert response.status_code == 200
    return response.content.decode()


def test_an_older_file_is_refused_for_the_segment_changed_since_naming_it_with_both_texts(staff_client, draft):
    mine, colleague = staff_client("translator"), staff_client("translator")
    older = export(mine, "ru")
    assert save_draft(colleague, draft, title_ru=SAVED_MEANWHILE).status_code == 302
    next(e for e in older if e.msgctxt.endswith("/title")).msgstr = IN_THE_OLD_FILE

    html = upload(mine, older)
    table = html.split('<table class="import-changed-since">', 1)[1].split("</table>", 1)[0]
    assert 'data-segment="title"' in table and f"Title “{draft.title_en[:30]}" in table
    assert SAVED_MEANWHILE in table and IN_THE_OLD_FILE in table
    assert "someone changed the translation of these segments after the file was exported" in html
    assert Revision.objects.get(pk=draft.pk).title_ru == SAVED_MEANWHILE  # the newer work stays


def test_a_file_exported_after_the_change_imports(staff_client, draft):
    translator = staff_client("translator")
    save_draft(staff_client("translator"), draft, title_ru=SAVED_MEANWHILE)
    fresh = export(translator, "ru")
    next(e for e in fresh if e.msgctxt.endswith("/title")).msgstr = IN_THE_OLD_FILE
    assert "1 segment imported into the draft." in upload(translator, fresh)
    assert Revision.objects.get(pk=draft.pk).title_ru == IN_THE_OLD_FILE


def test_a_number_added_in_dari_is_caught():
    (problem,) = [p for p in check_segment("s1", APPEAL_SENTENCE, DARI_WITH_A_NEW_NUMBER, "prs") if p.code == "numbers"]
    assert "Numbers not in the English: 3" in problem.message
    assert not [p for p in check_segment("s1", "Apply within 3 days.", "در ظرف ۳ روز درخواست دهید.", "prs")
                if p.code == "numbers"]
    assert not check_segment("s2", "86 Kunaev St., first floor", "ул. Кунаева, 86, 1-й этаж", "ru")
    assert not check_segment("s3", "In July 2018 UNHCR said so.", "联合国难民署2018年7月这样说。", "zh-hans")


def test_the_dari_number_is_named_on_import(staff_client, draft):
    translator = staff_client("translator")
    catalog = export(translator, "prs")
    entry = next(e for e in catalog if e.msgid == APPEAL_SENTENCE)
    entry.msgstr, entry.flags = DARI_WITH_A_NEW_NUMBER, []
    html = upload(translator, catalog)
    problems = html.split('<ul class="segment-problems">', 1)[1].split("</ul>", 1)[0]
    assert "Paragraph “You stay an asylum-seeker until there is a final decision" in problems
    assert "Numbers not in the English: 3" in problems


def test_a_third_floor_written_as_a_word_is_saved_anyway_when_the_person_says_so(staff_client):
    editor = staff_client("editor")
    office = starting_office("employment-office-almaty")
    office.address_en = "85 Dostyk Ave., 3rd floor"
    office.save()
    response = editor.get("/admin/guidance/guidancepage/translations/export/directory/ru.po")
    catalog = polib.pofile(response.content.decode())
    entry = next(e for e in catalog if e.msgctxt == f"offices.office.{office.pk}/address")
    entry.msgstr, entry.flags = "пр. Достык, 85, третий этаж", []

    html = upload(editor, catalog)
    problems = html.split("<ul class=\"segment-problems\">", 1)[1].split("</ul>", 1)[0]
    assert "Address</bdi>: Numbers of the English missing here: 3." in problems  # named: which field of which entry
    assert 'name="save_despite_problems"' in html and "Import the same file again" in html
    office.refresh_from_db()
    assert office.address_ru != "пр. Достык, 85, третий этаж"

    kept = html.split('name="content" value="', 1)[1].split('"', 1)[0]
    html = editor.post(IMPORT_URL, {"content": kept, "save_despite_problems": "on"}).content.decode()
    assert "Fields saved in the directory: 1." in html
    office.refresh_from_db()
    assert office.address_ru == "пр. Достык, 85, третий этаж"
