"""The content loader is idempotent and never overwrites what staff changed in the admin."""

import pytest
from django.core.management import call_command

from guidance.models import GuidancePage, KeyFigure, Revision
from offices.models import City, FormerCityName, Office
from partners.models import Branch, Partner, Service

pytestmark = pytest.mark.django_db

MODELS = [City, FormerCityName, Office, Service, Partner, Branch, GuidancePage, Revision, KeyFigure]


def counts():
    return {model.__name__: model.objects.count() for model in MODELS}


def load():
    call_command("load_content", stdout=open("/dev/null", "w"))


def test_starting_content_is_all_there():
    assert set(City.objects.values_list("slug", flat=True)) == {"astana", "almaty", "shymkent", "konaev", "taldykorgan"}
    assert Office.objects.current().filter(kind=Office.Kind.ASYLUM_AUTHORITY).count() == 4
    assert Office.objects.former().count() == 5  # the Migration Service's four, and Taldykorgan's (not on UNHCR's current list)
    assert Office.objects.hotlines().get().phones == "+77017447238"
    assert set(Partner.objects.values_list("slug", flat=True)) == {"bhr", "red-crescent", "sana-sezim", "iasp"}
    assert Branch.objects.count() == 3
    assert KeyFigure.objects.filter(is_current=True).count() == 4
    for slug in ["asylum-seekers", "refugees", "stateless"]:
        assert GuidancePage.objects.get(slug=slug).current_revision is not None


def test_loading_twice_changes_nothing():
    before = counts()
    load()
    assert counts() == before


def test_loading_again_keeps_staff_edits():
    office = Office.objects.get(slug="unhcr-national-office-astana")
    office.address_en = "15 New St."
    office.save()
    city = City.objects.get(slug="almaty")
    city.name_ru = "Алма-Ата (edited)"
    city.save()
    load()
    assert Office.objects.get(slug="unhcr-national-office-astana").address_en == "15 New St."
    assert City.objects.get(slug="almaty").name_ru == "Алма-Ата (edited)"


def test_loading_again_restores_nothing_staff_removed_or_replaced():
    page = GuidancePage.objects.get(slug="refugees")
    current = page.current_revision
    load()
    page.refresh_from_db()
    assert page.current_revision == current


def test_older_source_is_an_earlier_revision_with_its_real_date():
    revisions = list(GuidancePage.objects.get(slug="asylum-seekers").revisions.history())
    assert [r.published_at.date().isoformat() for r in revisions] == ["2026-12-07", "2026-12-01", "2022-09-17", "2018-07-01"]
    assert "Migration Service" in revisions[3].summary_en
    assert "Office for the Coordination of Employment and Social Programs" in revisions[2].summary_en
    assert "Department of Employment and Social Programs" in revisions[0].summary_en  # the newer sources' name
    revisions = revisions[1:]  # below: the correction of 2026-12-01 and the texts it corrected
    # The older texts are dated by their sources; the correction by the day it was published.
    assert [r.dated_by_source for r in revisions] == [False, True, True]
    assert [s.as_of_en for s in revisions[2].sources.all()] == ["July 2018"]
