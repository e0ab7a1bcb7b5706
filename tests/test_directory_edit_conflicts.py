"""Two staff members editing one directory entry: the second save is refused, says who changed what, and loses nothing."""

import pytest

from guidance.models import KeyFigure
from partners.models import Partner

from .admin_forms import open_form, send
from .factories import starting_office

pytestmark = pytest.mark.django_db

OFFICE_SLUG = "unhcr-national-office-astana"


def office_url():
    return f"/admin/offices/office/{starting_office(OFFICE_SLUG).pk}/change/"


def test_second_save_of_one_office_is_refused_and_keeps_both_changes(staff_client):
    amina, boris = staff_client("editor", username="amina"), staff_client("editor", username="boris")
    url = office_url()
    amina_form, boris_form = open_form(amina, url), open_form(boris, url)

    assert send(amina, url, amina_form, phones="+77172696546").status_code == 302
    response = send(boris, url, boris_form, address_en="15 Mambetov St.")

    assert response.status_code == 200
    html = response.content.decode()
    assert "Editor changed phones at" in html and "after you opened this form." in html
    assert "Nothing was saved over their change." in html
    assert "See their change." in html
    assert 'value="15 Mambetov St."' in html  # his typing is still in the form
    stored = starting_office(OFFICE_SLUG)
    assert stored.phones == "+77172696546"  # her change is kept
    assert stored.address_en == "14 Mambetov St."


def test_saving_again_from_the_latest_version_works(staff_client):
    editor = staff_client("editor")
    url = office_url()
    assert send(editor, url, open_form(editor, url), phones="+77172696546").status_code == 302
    assert send(editor, url, open_form(editor, url), address_en="15 Mambetov St.").status_code == 302
    assert (starting_office(OFFICE_SLUG).phones, starting_office(OFFICE_SLUG).address_en) == ("+77172696546", "15 Mambetov St.")


def test_an_untouched_form_saved_after_someone_elses_change_changes_nothing(staff_client):
    amina, boris = staff_client("editor"), staff_client("editor")
    url = office_url()
    amina_form, boris_form = open_form(amina, url), open_form(boris, url)
    send(amina, url, amina_form, notes_en="Call before you come.")
    boris_form["notes_en"] = ["Call before you come."]  # he typed the same: nothing of hers would be lost
    assert send(boris, url, boris_form).status_code == 302
    assert starting_office(OFFICE_SLUG).notes_en == "Call before you come."


def test_second_save_of_a_partner_branch_inline_is_refused(staff_client):
    amina, boris = staff_client("editor"), staff_client("editor")
    partner = Partner.objects.get(slug="bhr")
    branch = partner.branches.order_by("pk").first()
    url = f"/admin/partners/partner/{partner.pk}/change/"
    amina_form, boris_form = open_form(amina, url), open_form(boris, url)
    index = next(name for name, values in amina_form.items() if name.endswith("-id") and values == [str(branch.pk)])
    prefix = index.removesuffix("-id")

    assert send(amina, url, amina_form, **{f"{prefix}-phones": "+77272496045"}).status_code == 302
    response = send(boris, url, boris_form, description_en="Free lawyers.", **{f"{prefix}-address_en": "5 Abai Ave."})

    assert response.status_code == 200
    html = response.content.decode()
    assert "changed phones at" in html and "Nothing was saved over their change." in html
    assert 'value="5 Abai Ave."' in html and "Free lawyers." in html
    branch.refresh_from_db()
    partner.refresh_from_db()
    assert branch.phones == "+77272496045" and branch.address_en != "5 Abai Ave."
    assert partner.description_en != "Free lawyers."  # nothing of the refused form was saved


def test_second_save_of_one_key_figure_is_refused(staff_client):
    amina, boris = staff_client("editor"), staff_client("editor")
    figure = KeyFigure.objects.order_by("pk").first()
    url = f"/admin/guidance/keyfigure/{figure.pk}/change/"
    amina_form, boris_form = open_form(amina, url), open_form(boris, url)

    assert send(amina, url, amina_form, value="700").status_code == 302
    response = send(boris, url, boris_form, value="650")

    assert response.status_code == 200
    assert "changed value at" in response.content.decode()
    assert KeyFigure.objects.get(pk=figure.pk).value == 700


def test_a_missing_version_is_a_clear_form_error_not_a_500(staff_client):
    editor = staff_client("editor")
    url = office_url()
    form = open_form(editor, url)
    form["seen_version"] = [""]
    response = send(editor, url, form, phones="+77172696546")
    assert response.status_code == 200
    assert "The form is incomplete or out of date." in response.content.decode()


def test_checked_today_does_not_mark_an_entry_changed_since_the_list_was_loaded(staff_client):
    amina, boris = staff_client("editor"), staff_client("editor")
    entry = starting_office(OFFICE_SLUG)
    seen = entry.version
    url = office_url()
    send(amina, url, open_form(amina, url), phones="+77172696546")

    response = boris.post(
        "/admin/offices/office/checked/", {"checked": entry.pk, f"seen_version_{entry.pk}": seen}, follow=True,
    )
    assert response.status_code == 200
    assert "changed since you loaded the list" in response.content.decode()
    assert starting_office(OFFICE_SLUG).verified_on == entry.verified_on
