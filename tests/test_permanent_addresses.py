"""A public page's address never changes: slugs are fixed once an entry exists; old partner names redirect."""

import pytest
from django.core.exceptions import ValidationError

from guidance.models import GuidancePage
from offices.models import City, Office
from partners.models import FormerPartnerName, Partner, Service

from .admin_forms import open_form, send

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("model", [Office, City, Partner, GuidancePage])
def test_a_public_slug_cannot_be_changed(model):
    entry = model.objects.order_by("pk").first()
    entry.slug = "a-new-address"
    with pytest.raises(ValidationError) as refused:
        entry.full_clean()
    assert "The address of a public page cannot change" in str(refused.value)


@pytest.mark.parametrize("model", [Office, City, Partner, Service])
def test_the_slug_is_read_only_in_the_admin_after_creation(staff_client, model):
    editor = staff_client("editor")
    entry = model.objects.order_by("pk").first()
    url = f"/admin/{model._meta.app_label}/{model._meta.model_name}/{entry.pk}/change/"
    form = open_form(editor, url)
    assert "slug" not in form
    assert send(editor, url, form, slug="a-new-address").status_code == 302
    assert model.objects.get(pk=entry.pk).slug == entry.slug


def test_the_slug_is_typed_when_an_entry_is_added(staff_client):
    assert 'name="slug"' in staff_client("editor").get("/admin/offices/office/add/").content.decode()


def test_a_former_partner_address_redirects_permanently(client):
    partner = Partner.objects.get(slug="bhr")
    FormerPartnerName.objects.create(partner=partner, name_en="Old name", slug="kibhr")
    response = client.get("/ru/partners/kibhr/")
    assert response.status_code == 301
    assert response["Location"] == "/ru/partners/bhr/"


def test_a_former_name_cannot_take_a_current_partners_address():
    former = FormerPartnerName(partner=Partner.objects.get(slug="bhr"), name_en="Red Crescent", slug="bhr")
    with pytest.raises(ValidationError):
        former.full_clean()
