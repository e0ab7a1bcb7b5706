"""Every public page runs at most 8 SQL queries, and the same number with ten times the content."""

from datetime import timedelta
from uuid import uuid4

import pytest
from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from config.site.models import Notice
from guidance.models import GuidancePage, KeyFigure, Revision
from guidance.publishing import publish
from offices.models import City, Office
from partners.models import Branch, Partner, Service
from tests.factories import QUERY_BUDGET
from tests.pages import page_html

from .pages import public_paths

pytestmark = pytest.mark.django_db

LANGUAGE_FIELDS = [code.replace("-", "_") for code, _name in settings.LANGUAGES]
PATHS = public_paths("en") + public_paths("ar") + [
    "/kk/cities/almaty/",  # read with fallbacks kk → ru → en
    "/en/partners/?city=almaty&service=legal-counselling",
    "/ru/partners/?city=nowhere",  # an invalid filter
]


def queries_for(client, path):
    """Queries of a render from scratch: nothing cached, not even the hotline."""
    cache.clear()
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path)
    assert response.status_code == 200, path
    return len(queries)


def in_every_language(obj, **texts):
    for field, text in texts.items():
        for code in LANGUAGE_FIELDS:
            setattr(obj, f"{field}_{code}", f"{text} ({code})")


def notices_everywhere(number):
    """An urgent and an information notice for every city, office, branch and page (some site-wide too)."""
    for level in Notice.Level.values:
        notice = Notice(status=Notice.Status.PUBLISHED, level=level, site_wide=number % 3 == 0)
        in_every_language(notice, title=f"Notice {number}", text="**Closed** today")
        notice.save()
        notice.cities.set(City.objects.all())
        notice.offices.set(Office.objects.all())
        notice.branches.set(Branch.objects.all())
        notice.pages.set(GuidancePage.objects.all())


def ten_times_the_content():
    """Nine more of every office, partner (with branches and services), city, figure and revision,
    each translated into every language; and nine notices of each level for every place and page."""
    for copy in range(1, 10):
        for service in Service.objects.filter(slug__contains="-").exclude(slug__contains="copy"):
            clone = Service(slug=f"{service.slug}-copy{copy}", order=service.order)
            in_every_language(clone, name=service.name_en, description="What they do")
            clone.save()
        for city in City.objects.exclude(slug__contains="copy"):
            clone = City(slug=f"{city.slug}-copy{copy}", order=city.order + copy)
            in_every_language(clone, name=f"{city.name_en} {copy}")
            clone.save()
        for office in Office.objects.exclude(slug__contains="copy"):
            office.pk = office.id = None
            office.uuid = uuid4()
            office.slug = f"{office.slug}-copy{copy}"
            in_every_language(office, name=f"Office {copy}", address="Street 1", opening_hours="9-18", notes="Note")
            office.save()
        for partner in Partner.objects.exclude(slug__contains="copy").prefetch_related("services", "branches__services"):
            services, branches = list(partner.services.all()), list(partner.branches.all())
            partner.pk = partner.id = None
            partner.uuid = uuid4()
            partner.slug = f"{partner.slug}-copy{copy}"
            in_every_language(partner, name=f"Partner {copy}", short_name="P", description="Helps")
            partner.save()
            partner.services.set(services + list(Service.objects.filter(slug__endswith=f"copy{copy}")))
            for branch in branches:
                branch_services = list(branch.services.all())
                branch.pk = branch.id = None
                branch.uuid = uuid4()
                branch.partner = partner
                in_every_language(branch, address="Street 2", opening_hours="10-17")
                branch.save()
                branch.services.set(branch_services)
        for figure in KeyFigure.objects.filter(label_en__isnull=False)[:3]:
            figure.pk = figure.id = None
            figure.is_current = copy % 2 == 0
            in_every_language(figure, label="People", detail="Detail", source="Source")
            figure.save()
        for page in GuidancePage.objects.all():
            revision = Revision(page=page)
            in_every_language(revision, title=f"Old title {copy}", summary="Summary", body="## Heading\n\nText",
                              change_note=f"Change {copy}")
            revision.save()
            publish(revision, when=page.current_revision.published_at - timedelta(days=copy))
        notices_everywhere(copy)


@pytest.mark.parametrize("path", PATHS)
def test_public_page_stays_within_the_query_budget(client, path):
    assert queries_for(client, path) <= QUERY_BUDGET


def test_query_count_does_not_grow_with_ten_times_the_content(client):
    notices_everywhere(0)  # the notice list reads where notices apply only when there are some
    before = {path: queries_for(client, path) for path in PATHS}
    offices, partners = Office.objects.count(), Partner.objects.count()
    ten_times_the_content()
    assert Office.objects.count() == 10 * offices
    assert Partner.objects.count() == 10 * partners
    after = {path: queries_for(client, path) for path in PATHS}
    assert after == before
    # and the pages really show the extra content
    html = page_html(client, "/en/cities/almaty/")
    assert html.count('class="card"') > 10
    assert html.count('class="notice notice-') == 20
    assert page_html(client, "/en/guidance/asylum-seekers/history/").count("<time") > 10
