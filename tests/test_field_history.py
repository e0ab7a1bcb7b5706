"""Who changed which field of a directory entry, when, from what to what — and one click to put the old value back."""

import pytest

from config.history.models import FieldChange
from offices.models import Office

from .admin_forms import open_form, send

pytestmark = pytest.mark.django_db

HISTORY = "/admin/history/fieldchange/"


def change_url(office):
    return f"/admin/offices/office/{office.pk}/change/"


def test_a_phone_change_shows_who_old_and_new_next_to_the_entry_and_in_the_list(staff_client, astana_office):
    editor = staff_client("editor", username="amina")
    old_phones = astana_office.phones
    send(editor, change_url(astana_office), open_form(editor, change_url(astana_office)), phones="+77172696546")

    page = editor.get(change_url(astana_office))
    assert page.status_code == 200
    html = page.content.decode()
    assert "Editor" in html and "phones" in html
    assert old_phones == "+77172696545"
    assert (
        '<del class="old-value"><bdi dir="ltr" class="unbroken">+7 7172 69 65 45</bdi></del> → '
        '<ins class="new-value"><bdi dir="ltr" class="unbroken">+7 7172 69 65 46</bdi></ins>'
    ) in html  # grouped as readers see them

    listing = editor.get(HISTORY, {"q": "National Office"})
    assert listing.status_code == 200
    assert '<ins class="new-value"><bdi dir="ltr" class="unbroken">+7 7172 69 65 46</bdi></ins>' in listing.content.decode()


def test_each_language_of_a_translated_field_is_its_own_line(staff_client, astana_office):
    editor = staff_client("editor")
    send(editor, change_url(astana_office), open_form(editor, change_url(astana_office)), address_ru="ул. Мамбетова, д. 14")
    listing = editor.get(HISTORY, {"language": "ru"})
    html = listing.content.decode()
    assert "address (Russian)" in html and "ул. Мамбетова, д. 14" in html
    assert "address (English)" not in html


def test_restoring_a_value_puts_it_back_and_is_itself_recorded(staff_client, astana_office):
    editor = staff_client("editor")
    old_phones = astana_office.phones
    send(editor, change_url(astana_office), open_form(editor, change_url(astana_office)), phones="+77172696546")
    change = FieldChange.objects.of(astana_office).get(field="phones")

    response = editor.post(f"{HISTORY}restore/", {"restore": change.pk}, follow=True)

    assert response.status_code == 200
    assert "Restored the old value of phones" in response.content.decode()
    assert Office.objects.get(pk=astana_office.pk).phones == old_phones
    restored = FieldChange.objects.of(astana_office).filter(field="phones").first()
    assert (restored.old_value, restored.new_value, restored.restores) == ("+77172696546", old_phones, change)
    listing = editor.get(HISTORY, {"object_id": astana_office.pk}).content.decode()
    assert "(restored)" in listing


def test_only_staff_who_may_edit_the_entry_may_restore(staff_client, astana_office):
    editor = staff_client("editor")
    send(editor, change_url(astana_office), open_form(editor, change_url(astana_office)), phones="+77172696546")
    change = FieldChange.objects.of(astana_office).get(field="phones")
    translator = staff_client("translator")
    assert translator.post(f"{HISTORY}restore/", {"restore": change.pk}).status_code == 403
    assert Office.objects.get(pk=astana_office.pk).phones == "+77172696546"


def test_a_save_that_changes_nothing_records_nothing(staff_client, astana_office):
    editor = staff_client("editor")
    send(editor, change_url(astana_office), open_form(editor, change_url(astana_office)))
    assert not FieldChange.objects.of(astana_office).exists()
    assert Office.objects.get(pk=astana_office.pk).version == astana_office.version
