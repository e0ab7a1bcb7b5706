"""Phones typed as people write them are stored in E.164 and shown grouped the Kazakh way for each area code."""

import pytest
from django.utils import translation

from offices.models import Office
from offices.phones import normalize_phone_list, parse_phone_list

from .admin_forms import open_form, send

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("typed", ["+7 727 123 45 67", "8 727 123 45 67", "8 (727) 123-45-67", "+7-727-123-45-67"])
def test_usual_ways_of_writing_a_number_are_stored_in_e164(typed):
    assert normalize_phone_list(typed) == "+77271234567"


@pytest.mark.parametrize("stored, shown", [
    ("+77272496044", "+7 727 249 60 44"),  # Almaty: three-digit code
    ("+77172696545", "+7 7172 69 65 45"),  # Astana: four-digit code
    ("+77252976767", "+7 7252 97 67 67"),  # Shymkent
    ("+77017447238", "+7 701 744 7238"),  # mobile
])
def test_numbers_are_shown_grouped_the_kazakh_way(stored, shown):
    assert [phone.display for phone in parse_phone_list(stored)] == [shown]


def office_url():
    return f"/admin/offices/office/{Office.objects.get(slug='unhcr-national-office-astana').pk}/change/"


def test_the_admin_stores_what_staff_typed_in_e164(staff_client):
    editor = staff_client("editor")
    response = send(editor, office_url(), open_form(editor, office_url()), phones="8 727 123 45 67; +7 (7172) 69-65-45")
    assert response.status_code == 302
    assert Office.objects.get(slug="unhcr-national-office-astana").phones == "+77271234567, +77172696545"


def test_a_number_that_cannot_be_read_is_named_in_a_localized_error(staff_client):
    editor = staff_client("editor")
    with translation.override("ru"):
        editor.cookies["django_language"] = "ru"
        response = send(editor, office_url(), open_form(editor, office_url()), phones="+77172696545, 12-34")
    assert "Не удалось прочитать «12-34» как номер телефона" in response.content.decode()
    assert response.status_code == 200
    html = response.content.decode()
    assert "12-34" in html and "+7 727 249 60 44" in html
    assert Office.objects.get(slug="unhcr-national-office-astana").phones != "+77172696545, 12-34"
