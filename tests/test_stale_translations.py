"""A translation written for an earlier English text is never shown as current: it "needs update" until a translator acts."""

import pytest

from .admin_forms import open_form, send
from .factories import starting_office

pytestmark = pytest.mark.django_db

SLUG = "employment-office-almaty"
NEW_ADDRESS = "87 Dostyk Ave."


def url():
    return f"/admin/offices/office/{starting_office(SLUG).pk}/change/"


def edit(client, **changes):
    response = send(client, url(), open_form(client, url()), **changes)
    assert response.status_code == 302, response.content.decode()[:3000]


def test_an_english_address_change_makes_the_translations_and_the_driver_address_need_an_update(staff_client):
    edit(staff_client("editor"), address_en=NEW_ADDRESS)
    flags = starting_office(SLUG).outdated_translations
    assert {"ru", "kk", "uk"} <= set(flags["address"])
    assert flags["address_local"] == ["ru"]
    assert "name" not in flags  # only the field whose English changed


def test_russian_readers_see_the_new_english_address_marked_not_the_old_russian_one(staff_client, client):
    edit(staff_client("editor"), address_en=NEW_ADDRESS)
    response = client.get(f"/ru/offices/{SLUG}/")
    assert response.status_code == 200
    html = response.content.decode()
    assert f'<span lang="en" dir="ltr">{NEW_ADDRESS}</span>' in html
    assert "пр. Достык, 85" not in html  # neither the old Russian address nor the old one for a driver
    assert "Управление занятости и социальных программ" in html  # the name did not change: still in Russian


def test_staff_see_what_needs_translating_on_the_entry_and_in_the_translation_status(staff_client):
    editor = staff_client("editor")
    edit(editor, address_en=NEW_ADDRESS)
    entry_page = editor.get(url()).content.decode()
    assert "Needs update:" in entry_page and "Address — Russian" in entry_page
    assert "Address to show a driver — Russian" in entry_page
    status = editor.get("/admin/guidance/guidancepage/translations/")
    assert status.status_code == 200
    assert "Address — Russian" in status.content.decode() and starting_office(SLUG).name_en in status.content.decode()


def test_updating_the_russian_address_makes_it_current_again(staff_client, client):
    editor = staff_client("editor")
    edit(editor, address_en=NEW_ADDRESS)
    edit(editor, address_ru="пр. Достык, 87")
    assert "ru" not in starting_office(SLUG).outdated_translations["address"]
    html = client.get(f"/ru/offices/{SLUG}/").content.decode()
    assert "пр. Достык, 87" in html and NEW_ADDRESS not in html


def test_a_translator_can_confirm_a_translation_is_still_right(staff_client):
    editor = staff_client("editor")
    edit(editor, address_en="85 Dostyk Avenue")
    edit(editor, confirm_translations=["address:uk", "address_local:ru"])
    flags = starting_office(SLUG).outdated_translations
    assert "uk" not in flags["address"] and "address_local" not in flags


def test_only_a_correction_keeps_the_translations_current(staff_client):
    edit(staff_client("editor"), address_en="85 Dostyk Avenue", correction_only="on")
    assert starting_office(SLUG).outdated_translations == {}


def test_a_translation_that_loses_a_number_of_the_english_is_refused_until_the_person_says_it_is_right(staff_client):
    editor = staff_client("editor")
    response = send(editor, url(), open_form(editor, url()), address_ru="пр. Достык, 58")
    assert response.status_code == 200  # the form again, with what the person typed
    html = response.content.decode()
    assert "Numbers of the English missing here: 85." in html and "пр. Достык, 58" in html
    assert 'type="checkbox" name="save_despite_problems"' in html
    assert starting_office(SLUG).address_ru == "пр. Достык, 85"
    response = send(editor, url(), open_form(editor, url()), address_ru="пр. Достык, 58", save_despite_problems="on")
    assert response.status_code == 302 and starting_office(SLUG).address_ru == "пр. Достык, 58"


def test_a_translation_confirmed_for_new_english_it_does_not_fit_is_refused(staff_client):
    editor = staff_client("editor")
    edit(editor, address_en=NEW_ADDRESS)  # 87, where the Ukrainian says 85
    response = send(editor, url(), open_form(editor, url()), confirm_translations=["address:uk"])
    assert response.status_code == 200
    assert "Numbers of the English missing here: 87." in response.content.decode()
    assert "uk" in starting_office(SLUG).outdated_translations["address"]
