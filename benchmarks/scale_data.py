"""Grow the starting content SCALE times: cities, offices, partners (with branches) and guidance pages.

Copy k of a city gets copies of that city's offices and partner branches; offices and partners
with no city are copied as they are (so a city page shows SCALE times the countrywide partners,
UNHCR offices and hotlines, the worst case); every guidance page gets SCALE - 1 copies with the
full text in every language, published. Kinds of help are not multiplied: there are not a hundred
times more kinds of help, only more places that give them. Rows are written with bulk_create
(no signals), then the search index is rebuilt once. Used by `benchmarks/run.py` (SCALE=10|100).
"""

import uuid

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from modeltranslation.utils import build_localized_fieldname

CODES = [code for code, _name in settings.LANGUAGES]


def _names(obj, field, suffix):
    """The translated field in every language, with a suffix telling the copies apart."""
    for code in CODES:
        name = build_localized_fieldname(field, code)
        value = getattr(obj, name, None)
        if value:
            setattr(obj, name, f"{value} {suffix}")


def _copy(obj, **changes):
    obj.pk = obj.id = None
    if hasattr(obj, "uuid"):
        obj.uuid = uuid.uuid4()
    for name, value in changes.items():
        setattr(obj, name, value)
    return obj


@transaction.atomic
def grow(scale):
    """Add scale - 1 copies of the content; returns what there is afterwards, by kind."""
    from config.site.search.index import rebuild
    from guidance.models import GuidancePage, Revision
    from offices.models import City, Office
    from partners.models import Branch, Partner

    cities = list(City.objects.all())
    offices = list(Office.objects.all())
    partners = list(Partner.objects.prefetch_related("services", "branches__services"))
    pages = list(GuidancePage.objects.for_reading())
    for k in range(1, scale):
        copies = {}
        for city in cities:
            copy = _copy(City.objects.get(pk=city.pk), slug=f"{city.slug}-{k}", order=city.order + k * 10)
            _names(copy, "name", k)
            copies[city.pk] = copy
        City.objects.bulk_create(copies.values())
        new_offices = []
        for office in offices:
            copy = _copy(Office.objects.get(pk=office.pk), slug=f"{office.slug}-{k}"[:80])
            if office.city_id:
                copy.city = copies[office.city_id]
            elif copy.kind == Office.Kind.HOTLINE:
                copy.kind = Office.Kind.OTHER  # one hotline; its copies are other countrywide lines
            copy.kind_order = Office.KIND_ORDER.get(copy.kind, 5)
            _names(copy, "name", k)
            new_offices.append(copy)
        Office.objects.bulk_create(new_offices)
        _copy_partners(k, partners, copies, Partner, Branch)
        _copy_pages(k, pages, GuidancePage, Revision)
    rebuild()
    return {
        "cities": City.objects.count(), "offices": Office.objects.count(), "partners": Partner.objects.count(),
        "branches": Branch.objects.count(), "guidance pages": GuidancePage.objects.count(),
    }


def _copy_partners(k, partners, city_copies, Partner, Branch):
    new_partners, services, branches = [], [], []
    for partner in partners:
        copy = _copy(Partner.objects.get(pk=partner.pk), slug=f"{partner.slug}-{k}"[:80])
        _names(copy, "name", k)
        new_partners.append(copy)
        services.append(list(partner.services.all()))
    Partner.objects.bulk_create(new_partners)
    links = []
    for copy, partner, partner_services in zip(new_partners, partners, services, strict=True):
        links += [Partner.services.through(partner_id=copy.pk, service_id=s.pk) for s in partner_services]
        for branch in partner.branches.all():
            branch_services = list(branch.services.all())
            branch_copy = _copy(Branch.objects.get(pk=branch.pk), partner=copy, city=city_copies[branch.city_id])
            branches.append((branch_copy, branch_services))
    Partner.services.through.objects.bulk_create(links)
    Branch.objects.bulk_create([branch for branch, _services in branches])
    Branch.services.through.objects.bulk_create(
        [Branch.services.through(branch_id=branch.pk, service_id=s.pk) for branch, ss in branches for s in ss]
    )


def _copy_pages(k, pages, GuidancePage, Revision):
    now = timezone.now()
    new_pages = [
        GuidancePage(slug=f"{page.slug}-{k}", audience=page.audience, order=page.order + k * 10,
                     last_major_update=page.last_major_update, translation_status=page.translation_status)
        for page in pages
    ]
    GuidancePage.objects.bulk_create(new_pages)
    revisions = []
    for new, page in zip(new_pages, pages, strict=True):
        revision = Revision.objects.get(pk=page.current_revision_id)
        revision = _copy(revision, page=new, based_on=None, restores=None, published_at=now, import_key="")
        _names(revision, "title", k)
        revisions.append(revision)
    Revision.objects.bulk_create(revisions)
    for new, revision in zip(new_pages, revisions, strict=True):
        new.current_revision = revision
    GuidancePage.objects.bulk_update(new_pages, ["current_revision"])
