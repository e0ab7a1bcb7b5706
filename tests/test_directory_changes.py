"""Directory changes readers must hear about are recorded by themselves; corrections and translations are not."""

import pytest
from django.forms import modelform_factory

from offices.directory_changes import mark_as_correction
from offices.forms import DirectoryEntryForm
from offices.models import City, DirectoryChange, Office
from partners.models import Branch, Partner

pytestmark = pytest.mark.django_db

Kind = DirectoryChange.Kind


@pytest.fixture
def office():
    return Office.objects.get(slug="unhcr-national-office-astana")


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


def test_a_move_is_recorded_and_keeps_the_new_address(office):
    office.address_en = "20 Kunaev St."
    office.address_local = "ул. Кунаева, 20"
    office.save()
    office.address_en = "21 Kunaev St."
    office.save()
    first, second = DirectoryChange.objects.order_by("pk")
    assert (first.kind, first.address_en, second.address_en) == (Kind.MOVED, "20 Kunaev St.", "21 Kunaev St.")


def test_new_phone_numbers_are_recorded(office):
    office.phones = "+77172696545, +77172696546"
    office.save()
    assert kinds() == [Kind.PHONES]
    assert DirectoryChange.objects.get().phones == "+77172696545, +77172696546"


def test_closing_an_office_is_recorded(office):
    office.is_current = False
    office.save()
    assert kinds() == [Kind.CLOSED]


def test_translating_or_resaving_is_not_a_change(office):
    office.address_ru = "ул. Мамбетова, 14"
    office.name_kk = "БҰҰ БЖКБ Қазақстандағы ұлттық кеңсесі"
    office.phones = " +77172696545 "
    office.save()
    office.save()
    assert kinds() == []


def test_a_correction_ticked_by_staff_is_not_announced(office):
    mark_as_correction(office)
    office.address_en = "14 Mambetov Street"
    office.save()
    assert kinds() == []


def test_the_admin_form_offers_the_correction_tick(office):
    Form = modelform_factory(Office, form=DirectoryEntryForm, fields=["phones"])
    form = Form({"phones": "+77172696546", "correction_only": "on", "seen_version": office.version}, instance=office)
    assert form.is_valid(), form.errors
    form.save()
    assert kinds() == []
    stored = Office.objects.get(pk=office.pk)
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


def test_staff_can_review_recorded_changes_in_the_admin(admin_client, office):
    office.phones = "+77172696546"
    office.save()
    change = DirectoryChange.objects.get()
    assert admin_client.get("/admin/offices/directorychange/").status_code == 200
    response = admin_client.get(f"/admin/offices/directorychange/{change.pk}/change/")
    assert response.status_code == 200
    assert "+77172696546" in response.content.decode()


def test_office_and_partner_admin_forms_offer_the_correction_tick(admin_client, office):
    for url in [
        f"/admin/offices/office/{office.pk}/change/",
        f"/admin/partners/partner/{Partner.objects.get(slug='bhr').pk}/change/",
        f"/admin/partners/branch/{Branch.objects.filter(partner__slug='bhr').first().pk}/change/",
    ]:
        response = admin_client.get(url)
        assert response.status_code == 200
        assert "Only a correction of a mistake" in response.content.decode()
