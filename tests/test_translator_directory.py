"""Translators update the directory in their languages: from the admin home to the entry's translation editor
(English then and now beside their text), saved with the entry's version check, field history and quality
checks; their exchange files apply; they are e-mailed when the English leaves their language behind; a refusal
in the admin is the admin's own page, in their language."""

import re
from http import HTTPStatus

import polib
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from config.history.models import FieldChange
from offices.models import Office
from tests.pages import page_html

from .admin_forms import form_values, open_form, send
from .factories import committed
from .staff_profiles import member, sent_to

pytestmark = pytest.mark.django_db

SLUG = "employment-office-almaty"
NEW_ENGLISH = "87 Dostyk Ave."
NEW_RUSSIAN = "пр. Достык, 87"
IMPORT_URL = "/admin/guidance/guidancepage/translations/import/"


def office():
    return Office.objects.get(slug=SLUG)


def editor_url(language):
    return f"/admin/guidance/guidancepage/translations/directory/offices.office.{office().pk}/{language}/"


@pytest.fixture
def russian(mailoutbox):
    """A translator for Russian (only), after an editor changed the office's English address."""
    translator = member("translator", translates=["ru"])
    editor = member("editor")
    url = f"/admin/offices/office/{office().pk}/change/"
    with committed():
        assert send(editor, url, open_form(editor, url), address_en=NEW_ENGLISH).status_code == HTTPStatus.FOUND
    return translator


def links(html, text):
    return [href.replace("&amp;", "&") for href, label in re.findall(r'<a href="([^"]+)"[^>]*>([^<]+)</a>', html) if label == text]


def test_a_translator_goes_from_the_admin_home_to_the_office_and_readers_see_the_new_russian(client, russian):
    home = page_html(russian, "/admin/")
    (status_url,) = links(home, "Directory translations to update: Russian")
    assert '<td class="count">1</td>' in home.split("Directory translations to update: Russian", 1)[1][:60]
    status = page_html(russian, status_url.split("#")[0])
    assert links(status, "Translate into Russian") == [editor_url("ru")]
    assert "Translate into Dari" not in status  # not one of their languages
    assert f'href="/admin/offices/office/{office().pk}/change/"' not in status  # a page they may not open

    html = page_html(russian, editor_url("ru"))
    assert "English when it was translated" in html and "English now" in html
    assert "<td><del>85</del> Dostyk Ave.</td><td><ins>87</ins> Dostyk Ave.</td>" in html and "пр. Достык, 85" in html
    assert "Review and publish" not in html
    response = russian.post(editor_url("ru"), {**form_values(html), "address_ru": NEW_RUSSIAN})
    assert response.status_code == HTTPStatus.FOUND and response["Location"] == editor_url("ru")

    assert "The Russian translation of" in page_html(russian, editor_url("ru"))
    assert office().address_ru == NEW_RUSSIAN and "ru" not in office().outdated_translations.get("address", [])
    assert FieldChange.objects.of(office()).get(field="address_ru").changed_by == russian.user
    assert NEW_RUSSIAN in page_html(client, "/ru/cities/almaty/")


def test_the_same_translator_cannot_save_dari_and_nothing_is_saved(russian):
    dari_before = office().address_prs
    html = page_html(russian, editor_url("prs"))
    assert "Dari is not one of the languages you translate (Russian)" in html
    assert 'value="Save the translation"' not in html
    response = russian.post(editor_url("prs"), {**form_values(html), "address_prs": "سرک دوستیک، 87",
                                                "seen_version": office().version}, follow=True)
    assert response.status_code == HTTPStatus.OK
    assert "Dari is not one of the languages you translate (Russian): nothing was saved." in response.content.decode()
    assert office().address_prs == dari_before
    assert not FieldChange.objects.of(office()).filter(field="address_prs").exists()


def test_a_wrong_number_is_refused_beside_the_field_with_the_text_kept(russian):
    html = page_html(russian, editor_url("ru"))
    response = russian.post(editor_url("ru"), {**form_values(html), "address_ru": "пр. Достык, 78"})
    assert response.status_code == HTTPStatus.OK
    page = response.content.decode()
    assert "пр. Достык, 78" in page and "Save despite the quality problems" in page
    assert office().address_ru == "пр. Достык, 85"


def test_a_save_based_on_an_older_version_is_refused(russian):
    html = page_html(russian, editor_url("ru"))
    editor = member("editor")
    url = f"/admin/offices/office/{office().pk}/change/"
    assert send(editor, url, open_form(editor, url), notes_en="Bring your passport.").status_code == HTTPStatus.FOUND
    response = russian.post(editor_url("ru"), {**form_values(html), "address_ru": NEW_RUSSIAN})
    assert response.status_code == HTTPStatus.OK
    assert "after you opened this form" in response.content.decode()
    assert office().address_ru == "пр. Достык, 85"


def test_a_directory_xliff_import_by_the_translator_applies(client, russian):
    exported = russian.get("/admin/guidance/guidancepage/translations/export/directory/ru.xlf").content.decode()
    key = f"offices.office.{office().pk}"
    entry = re.search(rf'<file id="{re.escape(key)}".*?</file>', exported, re.S).group(0)
    unit = re.search(r'<unit id="address".*?</unit>', entry, re.S).group(0)
    assert 'state="initial"' in unit  # behind the English, with the English it was translated from
    edited = unit.replace('state="initial"', 'state="translated"')
    edited = re.sub(r"<target>.*?</target>", f"<target>{NEW_RUSSIAN}</target>", edited, flags=re.S)
    changed = exported.replace(entry, entry.replace(unit, edited))
    html = russian.post(IMPORT_URL, {"file": SimpleUploadedFile("directory.ru.xlf", changed.encode())})
    assert html.status_code == HTTPStatus.OK
    html = html.content.decode()
    assert "Imported into Russian" in html and "Fields saved in the directory: 1." in html
    assert "ask an editor" not in html
    assert office().address_ru == NEW_RUSSIAN
    assert NEW_RUSSIAN in page_html(client, "/ru/cities/almaty/")


def test_an_import_that_saves_nothing_does_not_say_imported(russian):
    catalog = polib.pofile(russian.get("/admin/guidance/guidancepage/translations/export/directory/ru.po").content.decode())
    html = russian.post(IMPORT_URL, {"file": SimpleUploadedFile("directory.ru.po", str(catalog).encode())}).content.decode()
    assert "Nothing was imported into Russian" in html and "Imported into Russian" not in html


def test_a_dari_file_from_the_russian_translator_is_refused(russian):
    exported = russian.get("/admin/guidance/guidancepage/translations/export/directory/prs.po").content
    html = russian.post(IMPORT_URL, {"file": SimpleUploadedFile("directory.prs.po", exported)}).content.decode()
    assert "Dari is not one of the languages you translate (Russian): nothing was saved." in html


def test_the_translator_is_emailed_about_the_address_with_a_link_to_their_editor(russian, mailoutbox):
    (mail,) = sent_to(mailoutbox, russian.user)
    assert "Russian:\n- Address: 87 Dostyk Ave." in mail.body
    assert f"http://127.0.0.1:8000{editor_url('ru')}" in mail.body


def test_a_refusal_in_the_admin_is_the_admins_own_page_in_the_persons_language(russian):
    russian.cookies["django_language"] = "ru"
    response = russian.get(f"/admin/offices/office/{office().pk}/change/")
    assert response.status_code == HTTPStatus.FORBIDDEN
    html = response.content.decode()
    assert '<html lang="ru"' in html and 'id="site-name"' in html  # the admin's frame, in Russian
    assert "Вам нельзя открыть эту страницу" in html and "403 Forbidden" not in html
