"""Exchange files: a page (or all pages) out for one language as PO and XLIFF 2.0, edited in a translator's tool
(polib, translate-toolkit), back into the draft, published, and read; a file made from an older English text."""

import xml.etree.ElementTree as ET

import polib
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from translate.storage.xliff2 import Xliff2File

from guidance.models import Revision
from guidance.segments.page_status import draft_map
from guidance.segments.status import SegmentState, states
from tests.pages import page_html

from .factories import APPEAL_SENTENCE, ASYLUM_SEEKERS, DECISION_SENTENCE
from .staff import decide, page, save_draft, start_draft

pytestmark = pytest.mark.django_db

SLUG, OLD, NEW = ASYLUM_SEEKERS, DECISION_SENTENCE, APPEAL_SENTENCE
RUSSIAN_NEW = "Вы остаётесь лицом, ищущим убежище, до окончательного решения по заявлению, включая время на обжалование."
ARABIC_NEW = "تبقى طالب لجوء حتى يصدر قرار نهائي في طلبك، بما في ذلك وقت الطعن."
XLIFF = "{urn:oasis:names:tc:xliff:document:2.0}"
IMPORT_URL = "/admin/guidance/guidancepage/translations/import/"


def export_url(language, file_format, slug=SLUG):
    return f"/admin/guidance/guidancepage/{page(slug).pk}/export/{language}.{file_format}"


def upload(client, name, content, language=None):
    data = {"file": SimpleUploadedFile(name, content.encode() if isinstance(content, str) else content)}
    if language:
        data["language"] = language
    return client.post(IMPORT_URL, data)


def test_a_page_exports_to_po_with_english_translation_and_state(staff_client, draft):
    response = staff_client("translator").get(export_url("ru", "po"))
    assert response.status_code == 200
    assert response["Content-Disposition"] == 'attachment; filename="asylum-seekers.ru.po"'
    catalog = polib.pofile(response.content.decode())
    assert catalog.metadata["Language"] == "ru" and f"asylum-seekers:{draft.pk}" in catalog.metadata["X-Guidance-Revisions"]
    title = next(e for e in catalog if e.msgctxt == "asylum-seekers/title")
    assert title.msgid == draft.title_en and title.msgstr == draft.title_ru and "fuzzy" not in title.flags
    outdated = [e for e in catalog if "fuzzy" in e.flags]
    assert [(e.msgid, e.previous_msgid) for e in outdated] == [(NEW, OLD)]
    assert outdated[0].msgstr.startswith("Вы остаётесь лицом") and "immediate-update" in outdated[0].comment
    note = next(e for e in catalog if e.msgctxt == "asylum-seekers/change-note")
    assert note.msgid == "Appeals count too." and note.msgstr == ""


def test_po_edited_in_a_tool_is_imported_published_and_read(client, staff_client, draft):
    translator, publisher = staff_client("translator"), staff_client("publisher")
    catalog = polib.pofile(translator.get(export_url("ru", "po")).content.decode())
    for entry in catalog:
        if "fuzzy" in entry.flags:
            entry.msgstr = RUSSIAN_NEW
            entry.flags.remove("fuzzy")
        if entry.msgctxt.endswith("/change-note"):
            entry.msgstr = "Срок обжалования тоже учитывается."
    response = upload(translator, "asylum-seekers.ru.po", str(catalog), language="ru")
    assert response.status_code == 200
    html = response.content.decode()
    assert "1 segment imported into the draft." in html, html[-3000:]
    saved = Revision.objects.get(pk=draft.pk)
    assert RUSSIAN_NEW in saved.body_ru and saved.change_note_ru == "Срок обжалования тоже учитывается."
    assert set(states(draft_map(saved), "ru").values()) == {SegmentState.CURRENT}
    assert decide(publisher, saved, "publish", significance="major", change_note="Appeals count too.").status_code == 302
    reader = page_html(client, "/ru/guidance/asylum-seekers/")
    assert RUSSIAN_NEW in reader and 'class="outdated-notice"' not in reader
    assert "Срок обжалования тоже учитывается." in page_html(client, "/ru/guidance/asylum-seekers/history/")
    assert 'class="outdated-notice"' in page_html(client, "/kk/guidance/asylum-seekers/")


def test_xliff_edited_with_translate_toolkit_is_imported_published_and_read(client, staff_client, draft):
    translator, publisher = staff_client("translator"), staff_client("publisher")
    response = translator.get(export_url("ar", "xlf"))
    assert response["Content-Type"].startswith("application/xliff+xml")
    store = Xliff2File.parsestring(response.content)
    assert store.getsourcelanguage() == "en" and store.gettargetlanguage() == "ar"
    fuzzy = [unit for unit in store.units if unit.isfuzzy()]
    assert [unit.source for unit in fuzzy] == [NEW]
    fuzzy[0].target = ARABIC_NEW
    fuzzy[0].markfuzzy(False)
    response = upload(translator, "asylum-seekers.ar.xlf", bytes(store))
    assert "1 segment imported into the draft." in response.content.decode()
    saved = Revision.objects.get(pk=draft.pk)
    assert ARABIC_NEW in saved.body_ar and set(states(draft_map(saved), "ar").values()) == {SegmentState.CURRENT}
    assert decide(publisher, saved, "publish", significance="major", change_note="Appeals count too.").status_code == 302
    reader = page_html(client, "/ar/guidance/asylum-seekers/")
    assert ARABIC_NEW in reader and 'class="outdated-notice"' not in reader


def test_the_xliff_file_has_the_shape_of_xliff_2_0(staff_client, draft):
    """The core structure of the OASIS XLIFF 2.0 schema: namespace, version, languages, ids, notes, states."""
    root = ET.fromstring(staff_client("translator").get(export_url("uz", "xlf")).content)
    assert root.tag == f"{XLIFF}xliff" and root.get("version") == "2.0"
    assert (root.get("srcLang"), root.get("trgLang")) == ("en", "uz")
    files = root.findall(f"{XLIFF}file")
    assert [f.get("id") for f in files] == ["asylum-seekers"]
    units = files[0].findall(f"{XLIFF}unit")
    assert len({u.get("id") for u in units}) == len(units) > 60
    assert files[0][0].tag == f"{XLIFF}notes"  # notes come first, then the units
    for unit in units:
        children = [child.tag for child in unit]
        assert children == [f"{XLIFF}notes", f"{XLIFF}segment"], unit.get("id")
        segment = unit.find(f"{XLIFF}segment")
        assert segment.get("state") in {"initial", "translated", "reviewed", "final"}
        assert segment.get("subState", "").startswith("helpsite:")
        assert [child.tag for child in segment][0] == f"{XLIFF}source"
        assert set(segment.attrib) <= {"id", "canResegment", "state", "subState"}
    changed = next(u for u in units if u.find(f"{XLIFF}segment/{XLIFF}source").text == NEW)
    assert changed.find(f"{XLIFF}segment").get("state") == "initial"
    assert changed.find(f"{XLIFF}notes/{XLIFF}note[@category='previous-source']").text == OLD


def test_a_file_made_from_an_older_english_text_imports_what_still_matches_and_lists_the_rest(staff_client):
    translator, publisher = staff_client("translator"), staff_client("publisher")
    older = polib.pofile(translator.get(export_url("uk", "po")).content.decode())
    draft = start_draft(publisher, page(SLUG))
    save_draft(publisher, draft, body_en=page(SLUG).current_revision.body_en.replace(OLD, NEW))
    decide(publisher, draft, "publish", significance="major", change_note="Appeals count too.")
    changed = next(e for e in older if e.msgid == OLD)
    changed.msgstr = "Стара версія."
    title = next(e for e in older if e.msgctxt.endswith("/title"))
    title.msgstr = "Шукачі притулку: як попросити захисту в Казахстані (оновлено)"
    response = upload(translator, "old.uk.po", str(older), language="uk")
    html = response.content.decode()
    assert "1 segment imported into the draft." in html
    assert "the English of these segments has changed since the file was made" in html
    stale = html.split('<ul class="import-stale">', 1)[1].split("</ul>", 1)[0]
    assert OLD in stale
    saved = page(SLUG).revisions.open().get()
    assert saved.title_uk.endswith("(оновлено)") and "Стара версія." not in saved.body_uk

    only_changed = polib.POFile()
    only_changed.metadata = older.metadata
    only_changed.append(changed)
    response = upload(translator, "older.uk.po", str(only_changed), language="uk")
    assert "This file was made from an older English text" in response.content.decode()
    assert "Стара версія." not in page(SLUG).revisions.open().get().body_uk


def test_unfinished_entries_stay_as_they_are(staff_client, draft):
    translator = staff_client("translator")
    catalog = polib.pofile(translator.get(export_url("kk", "po")).content.decode())
    entry = next(e for e in catalog if "fuzzy" in e.flags)
    entry.msgstr = "Әлі аяқталмаған аударма."
    html = upload(translator, "kk.po", str(catalog), language="kk").content.decode()
    assert "Әлі аяқталмаған" not in Revision.objects.get(pk=draft.pk).body_kk
    assert "still marked as unfinished" in html


def test_a_file_in_another_language_is_refused(staff_client, draft):
    translator = staff_client("translator")
    catalog = translator.get(export_url("ru", "po")).content.decode()
    response = upload(translator, "ru.po", catalog, language="uk")
    assert "This file translates into another language (ru)." in response.content.decode()
    assert "could not be read as PO or XLIFF 2.0" in upload(translator, "x.po", "/etc/passwd").content.decode()
    assert "not text in UTF-8" in upload(translator, "x.po", b"\xff\xfe\x00garbage").content.decode()
    assert "not an XLIFF 2.0 document" in upload(translator, "x.xlf", "<xliff version='1.2'/>").content.decode()


def test_all_pages_export_in_one_file(staff_client):
    response = staff_client("translator").get("/admin/guidance/guidancepage/translations/export/zh-hans.po")
    catalog = polib.pofile(response.content.decode())
    assert {entry.msgctxt.split("/")[0] for entry in catalog} == {"asylum-seekers", "refugees", "stateless"}
    assert not [entry for entry in catalog if "fuzzy" in entry.flags]
    html = page_html(staff_client("translator"), "/admin/guidance/guidancepage/translations/")
    assert 'href="/admin/guidance/guidancepage/translations/export/zh-hans.xlf" download' in html


def test_the_editor_offers_the_files_and_only_staff_who_translate_import(client, staff_client, draft):
    html = page_html(staff_client("translator"), f"/admin/guidance/revision/{draft.pk}/translate/ug/")
    assert f'href="{export_url("ug", "po")}" download' in html and f'href="{export_url("ug", "xlf")}" download' in html
    assert 'action="/admin/guidance/guidancepage/translations/import/"' in html
    assert client.get(export_url("ru", "po")).status_code == 302
    assert staff_client().post(IMPORT_URL, {}).status_code == 403
