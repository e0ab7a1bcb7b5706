"""Readers of ar, prs, zh-hans, ug and uz see offices, partners, cities and key figures in their language."""

import pytest
from django.utils.html import escape
from modeltranslation.utils import build_localized_fieldname
from pytest_django.asserts import assertContains, assertNotContains

from guidance.models import KeyFigure
from offices.models import City, Office
from partners.models import Branch, Partner

pytestmark = pytest.mark.django_db

LANGUAGES = ["ar", "prs", "zh-hans", "ug", "uz"]
SOURCE_LANGUAGES = ["en", "ru"]  # what a reader saw before: English, or Russian for ug and uz


def replaced_languages(obj, field):
    """Russian street and city names stay on the page on purpose: in the address for a taxi driver."""
    return ["en"] if field == "address" or isinstance(obj, City) else SOURCE_LANGUAGES


def value(obj, field, language):
    return getattr(obj, build_localized_fieldname(field, language))


def directory_texts(path):
    """(object, fields) whose text the page at `path` shows."""
    kind, _, slug = path.strip("/").partition("/")
    if kind == "offices" and slug:
        return [(Office.objects.get(slug=slug), ["name", "address", "notes"])]
    if kind == "partners" and slug:
        partner = Partner.objects.get(slug=slug)
        return [(partner, ["name", "description"])] + [(branch, ["address"]) for branch in partner.branches.all()]
    if kind == "cities":
        city = City.objects.get(slug=slug)
        offices = Office.objects.current().filter(city=city)
        branches = Branch.objects.filter(city=city, partner__is_active=True).select_related("partner")
        return (
            [(city, ["name"])]
            + [(office, ["name", "address"]) for office in offices]
            + [(branch, ["address"]) for branch in branches]
            + [(branch.partner, ["name"]) for branch in branches]
        )
    if kind == "offices":
        return [(office, ["name"]) for office in Office.objects.current()]
    if kind == "partners":
        return [(partner, ["name"]) for partner in Partner.objects.filter(is_active=True)]
    return [(figure, ["label", "detail"]) for figure in KeyFigure.objects.all()]  # the about page


PATHS = [
    "/offices/",
    "/offices/employment-office-almaty/",
    "/offices/unhcr-national-office-astana/",
    "/offices/unhcr-hotline/",
    "/offices/migration-service-astana/",
    "/partners/",
    "/partners/bhr/",
    "/partners/red-crescent/",
    "/partners/sana-sezim/",
    "/cities/almaty/",
    "/cities/astana/",
    "/cities/shymkent/",
    "/cities/taldykorgan/",
    "/about/",
]


@pytest.mark.parametrize("path", PATHS)
@pytest.mark.parametrize("language", LANGUAGES)
def test_directory_page_speaks_the_readers_language(client, language, path):
    response = client.get(f"/{language}{path}")
    assert response.status_code == 200
    checked = 0
    for obj, fields in directory_texts(path):
        for field in fields:
            english = value(obj, field, "en")
            if not english:
                continue
            translated = value(obj, field, language)
            assert translated, f"{obj} has no {field} in {language}"
            assertContains(response, escape(translated))
            for source in replaced_languages(obj, field):
                if value(obj, field, source) and value(obj, field, source) != translated:
                    assertNotContains(response, escape(value(obj, field, source)))
            checked += 1
    assert checked
    assertNotContains(response, 'class="fallback-notice"')
    assertNotContains(response, 'class="fallback-note"')


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_driver_reads_the_city_with_the_address(client, language):
    response = client.get(f"/{language}/cities/almaty/")
    assertContains(response, "г. Алматы, пр. Достык, 85")
    assertContains(response, "г. Алматы, мкр. 8, дом 4а, офис 423")
