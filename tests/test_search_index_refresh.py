"""The search index refreshes only the rows a change touched, all at once, after the transaction commits."""

import pytest
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext
from pytest_django.asserts import assertContains, assertNotContains

from config.site.models import SearchEntry
from offices.models import City, Office
from partners.models import Partner, Service
from tests.factories import committed

pytestmark = pytest.mark.django_db
Kind = SearchEntry.Kind


def row_ids(kind, object_id):
    return set(SearchEntry.objects.filter(kind=kind, object_id=object_id).values_list("pk", flat=True))


def test_a_change_is_searchable_once_committed(client):
    office = Office.objects.get(slug="unhcr-hotline")
    with committed():
        office.name_en = "Helpline Quokka"
        office.save()
        assertNotContains(client.get("/en/search/?q=quokka"), "/en/offices/unhcr-hotline/", status_code=200)
    assertContains(client.get("/en/search/?q=quokka"), "/en/offices/unhcr-hotline/", status_code=200)


def test_a_change_rolled_back_leaves_the_index_alone(client):
    before = row_ids(Kind.OFFICE, Office.objects.get(slug="unhcr-hotline").pk)
    with committed():
        try:
            with transaction.atomic():
                office = Office.objects.get(slug="unhcr-hotline")
                office.name_en = "Helpline Wallaby"
                office.save()
                raise RuntimeError("the admin failed after the save")
        except RuntimeError:
            pass
    assert row_ids(Kind.OFFICE, office.pk) == before
    assertNotContains(client.get("/en/search/?q=wallaby"), "/en/offices/unhcr-hotline/", status_code=200)


def test_a_kind_of_help_refreshes_only_the_partners_that_give_it():
    legal = Service.objects.get(slug="legal-counselling")
    givers = set(Partner.objects.filter(services=legal).values_list("pk", flat=True))
    others = Partner.objects.filter(is_active=True).exclude(pk__in=givers)
    assert givers and others.exists()
    untouched = {partner.pk: row_ids(Kind.PARTNER, partner.pk) for partner in others}
    touched = {pk: row_ids(Kind.PARTNER, pk) for pk in givers}
    with committed():
        legal.name_en = "Lawyers for free"
        legal.save()
    assert {pk: row_ids(Kind.PARTNER, pk) for pk in untouched} == untouched
    for pk, rows in touched.items():
        assert row_ids(Kind.PARTNER, pk).isdisjoint(rows)  # rebuilt
        assert SearchEntry.objects.filter(kind=Kind.PARTNER, object_id=pk, search_body__contains="lawyer").exists()


def test_a_city_refreshes_its_own_offices_and_partners_only():
    almaty = City.objects.get(slug="almaty")
    elsewhere = Office.objects.exclude(city=almaty).first()
    untouched = row_ids(Kind.OFFICE, elsewhere.pk)
    with committed():
        almaty.name_en = "Almaty (Alma-Ata)"
        almaty.save()
    assert row_ids(Kind.OFFICE, elsewhere.pk) == untouched
    here = Office.objects.filter(city=almaty).first()
    assert SearchEntry.objects.filter(kind=Kind.OFFICE, object_id=here.pk, body__contains="Alma-Ata").exists()


def test_many_changes_in_one_transaction_refresh_in_one_go():
    offices = list(Office.objects.filter(is_current=True)[:4])
    with CaptureQueriesContext(connection) as queries, committed():
        for number, office in enumerate(offices):
            office.notes_en = f"Note {number}"
            office.save()
    deletes = [q["sql"] for q in queries if q["sql"].startswith("DELETE") and "guidance_searchentry" in q["sql"]]
    assert len(deletes) == 1  # one delete and one bulk insert for all four offices


def test_a_save_that_renames_nothing_rebuilds_only_its_own_rows():
    legal = Service.objects.get(slug="legal-counselling")
    almaty = City.objects.get(slug="almaty")
    partners = {pk: row_ids(Kind.PARTNER, pk) for pk in Partner.objects.values_list("pk", flat=True)}
    offices = {pk: row_ids(Kind.OFFICE, pk) for pk in Office.objects.values_list("pk", flat=True)}
    with committed():
        legal.order += 1
        legal.save()
        almaty.order += 1
        almaty.save()
    assert {pk: row_ids(Kind.PARTNER, pk) for pk in partners} == partners
    assert {pk: row_ids(Kind.OFFICE, pk) for pk in offices} == offices
