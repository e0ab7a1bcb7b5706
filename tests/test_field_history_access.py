"""The field history is shown only to staff whose role lets them view the entries it is about."""

from http import HTTPStatus

import pytest
from django.test import Client

from config.history.models import FieldChange
from offices.models import Office

from .admin_forms import open_form, send

pytestmark = pytest.mark.django_db
HISTORY = "/admin/history/fieldchange/"


@pytest.fixture
def changed_office(staff_client):
    office = Office.objects.get(slug="unhcr-national-office-astana")
    editor = staff_client("editor")
    url = f"/admin/offices/office/{office.pk}/change/"
    send(editor, url, open_form(editor, url), phones="+77172696546")
    return FieldChange.objects.of(office).get(field="phones")


def test_a_staff_account_without_a_role_gets_the_admins_own_403(staff_client, changed_office):
    nobody = staff_client()
    for url in (HISTORY, f"{HISTORY}{changed_office.pk}/change/"):
        response = nobody.get(url)
        assert response.status_code == HTTPStatus.FORBIDDEN
        html = response.content.decode()
        assert "Your role does not allow this page" in html and 'id="site-name"' in html
        assert "+7 7172 69 65 46" not in html and "+77172696546" not in html
    assert HISTORY not in nobody.get("/admin/").content.decode()


def test_the_403_page_is_in_the_admins_language(staff_client, changed_office):
    nobody = staff_client()
    nobody.cookies["django_language"] = "ar"
    response = nobody.get(HISTORY)
    assert response.status_code == HTTPStatus.FORBIDDEN
    assert '<html lang="ar" dir="rtl"' in response.content.decode()
    assert "Your role does not allow this page" not in response.content.decode()


@pytest.mark.parametrize("role", ["editor", "publisher"])
def test_roles_that_view_the_entries_read_their_history(staff_client, changed_office, role):
    response = staff_client(role).get(HISTORY)
    assert response.status_code == HTTPStatus.OK
    assert "+7 7172 69 65 46" in response.content.decode()  # grouped as readers see it


def test_a_role_reads_only_the_history_of_entries_it_may_view(staff_client, changed_office):
    translator = staff_client("translator")
    response = translator.get(HISTORY)
    if translator.user.has_perm("offices.view_office") or translator.user.has_perm("offices.change_office"):
        assert "+7 7172 69 65 46" in response.content.decode()  # grouped as readers see it
    else:
        assert response.status_code in (HTTPStatus.OK, HTTPStatus.FORBIDDEN)
        assert "+77172696546" not in response.content.decode()


def test_anonymous_visitors_are_sent_to_log_in(changed_office):
    response = Client().get(HISTORY)
    assert response.status_code == HTTPStatus.FOUND and "/admin/login/" in response["Location"]
