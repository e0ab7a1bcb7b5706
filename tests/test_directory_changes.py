"""Directory changes readers must hear about are recorded by themselves; corrections and translations are not."""

import pytest
from django.forms import modelform_factory

from config.history.recording import mark_as_correction
from offices.forms import DirectoryEntryForm
from offices.models import City, DirectoryChange, Office
from partners.models import Branch, Partner

pytestmark = pytest.mark.django_db

Kind = DirectoryChange.Kind


def kinds():
    return list(DirectoryChange.objects.order_by("pk").values_list("kind", flat=True))


def test_loading_the_starting_content_is_not_news():
    assert DirectoryChange.objects.count() == 0


def test_new_office_is_recorded_with_its_address_and_phones():
    new = Office.objects.create(
        slug="unhcr-field-office-almaty", kind=Office.Kind.UNHCR, city=City.objects.get(slug="almaty"),
        name_en="UNHCR field office", address_en="5 Abai Ave.", address_local="пр. Абая, 5", phones="+77272496045",
    )
    change = DirectoryChange.objects.get()
    assert (change.kind, change.office) == (Kind.OPENED, new)
    assert (change.address_en, change.address_local, change.phones) == ("5 Abai Ave.", "пр. Абая, 5", "+77272496045")


def test_a_move_is_recorded_and_keeps_the_new_address(astana_office):
    astana_office.address_en = "20 Kunaev St."
    astana_office.address_local = "ул. Кунаева, 20"
    astana_office.save()
    astana_office.address_en = "21 Kunaev St."
    astana_office.save()
    first, second = DirectoryChange.objects.order_by("pk")
    assert (first.kind, first.address_en, second.address_en) == (Kind.MOVED, "20 Kunaev St.", "21 Kunaev St.")


def test_new_phone_numbers_are_recorded(astana_office):
    astana_office.phones = "+77172696545, +77172696546"
    astana_office.save()
    assert kinds() == [Kind.PHONES]
    assert DirectoryChange.objects.get().phones == "+77172696545, +77172696546"


def test_closing_an_office_is_recorded(astana_office):
    astana_office.is_current = False
    astana_office.save()
    assert kinds() == [Kind.CLOSED]


def test_translating_or_resaving_is_not_a_change(astana_office):
    astana_office.address_ru = "ул. Мамбетова, 14"
    astana_office.name_kk = "БҰҰ БЖКБ Қазақстандағы ұлттық кеңсесі"
    astana_office.phones = " +77172696545 "
    astana_office.save()
    astana_office.save()
    assert kinds() == []


def test_a_correction_ticked_by_staff_is_not_announced(astana_office):
    mark_as_correction(astana_office)
    astana_office.address_en = "14 Mambetov Street"
    astana_office.save()
    assert kinds() == []


def test_the_admin_form_offers_the_correction_tick(astana_office):
    Form = modelform_factory(Office, form=DirectoryEntryForm, fields=["phones"])
    form = Form({"phones": "+77172696546", "correction_only": "on", "seen_version": astana_office.version}, instance=astana_office)
    assert form.is_valid(), form.errors
    form.save()
    assert kinds() == []
    stored = Office.objects.get(pk=astana_office.pk)
    form = Form({"phones": "+77172696547", "seen_version": stored.version}, instance=stored)
    assert form.is_valid(), form.errors
    form.save()
    assert kinds() == [Kind.PHONES]


def test_new_branch_of_a_partner_is_recorded():
    branch = Branch.objects.create(
        partner=Partner.objects.get(slug="bhr"), city=City.objects.get(slug="astana"), address_en="7 Kenesary St.",
    )
    assert DirectoryChange.objects.get().branch == branch
    assert kinds() == [Kind.OPENED]


def test_staff_can_review_recorded_changes_in_the_admin(admin_client, astana_office):
    astana_office.phones = "+77172696546"
    astana_office.save()
    change = DirectoryChange.objects.get()
    assert admin_client.get("/admin/offices/directorychange/").status_code == 200
    response = admin_client.get(f"/admin/offices/directorychange/{change.pk}/change/")
    assert response.status_code == 200
    assert "+77172696546" in response.content.decode()


def test_office_and_partner_admin_forms_offer_the_correction_tick(admin_client, astana_office):
    for url in [
        f"/admin/offices/office/{astana_office.pk}/change/",
        f"/admin/partners/partner/{Partner.objects.get(slug='bhr').pk}/change/",
        f"/admin/partners/branch/{Branch.objects.filter(partner__slug='bhr').first().pk}/change/",
    ]:
        response = admin_client.get(url)
        assert response.status_code == 200
        assert "Only a correction of a mistake" in response.content.decode()
