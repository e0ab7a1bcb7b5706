"""Public pages of the directory: cities, and the offices in them."""

from django.db.models import Prefetch
from django.shortcuts import get_object_or_404, redirect, render

from guidance.models import Audience, GuidancePage
from guidance.page_cache import depends_on
from partners.grouping import branches_by_service, countrywide_partners

from .models import City, FormerCityName, Office


def latest(*dates):
    present = [d for d in dates if d]
    return max(present) if present else None


@depends_on("directory")
def city_list(request):
    cities = list(City.objects.listed())
    return render(
        request,
        "offices/city_list.html",
        {"cities": cities, "last_updated": latest(*(c.updated_at for c in cities))},
    )


@depends_on("directory", "guidance")
def city_detail(request, slug):
    city = City.objects.filter(slug=slug).first()
    if city is None:
        former = get_object_or_404(FormerCityName.objects.select_related("city"), slug=slug)
        return redirect("offices:city", slug=former.city.slug, permanent=True)

    offices = list(Office.objects.for_city_page(city))
    services = branches_by_service(city)
    branches = {branch.pk: branch for group in services for branch in group.branches}.values()
    asylum_page = GuidancePage.objects.for_reading().filter(audience=Audience.ASYLUM_SEEKER).first()
    context = {
        "city": city,
        "apply_offices": [o for o in offices if o.kind == Office.Kind.ASYLUM_AUTHORITY],
        # UNHCR offices here first, then those elsewhere, who help people in every city.
        "unhcr_offices": sorted(
            (o for o in offices if o.kind == Office.Kind.UNHCR), key=lambda o: o.city_id != city.pk
        ),
        "other_offices": [
            o for o in offices if o.city_id == city.pk and o.kind not in (Office.Kind.ASYLUM_AUTHORITY, Office.Kind.UNHCR)
        ],
        "services": services,
        "countrywide_partners": countrywide_partners(),
        "asylum_page": asylum_page,
        "last_updated": latest(
            city.updated_at, *(o.updated_at for o in offices if o.city_id == city.pk), *(b.updated_at for b in branches)
        ),
    }
    return render(request, "offices/city_detail.html", context)


@depends_on("directory")
def office_list(request):
    offices = list(Office.objects.current().directory())
    former = list(Office.objects.former().directory())
    return render(
        request,
        "offices/office_list.html",
        {
            "offices": offices,
            "former_offices": former,
            "last_updated": latest(*(o.updated_at for o in offices + former)),
        },
    )


@depends_on("directory")
def office_detail(request, slug):
    office = get_object_or_404(Office.objects.select_related("city"), slug=slug)
    return render(request, "offices/office_detail.html", {"office": office, "last_updated": office.updated_at})
