"""Public pages of the directory: cities, and the offices in them."""

from django.db.models import Prefetch
from django.shortcuts import get_object_or_404, redirect, render

from guidance.models import Audience, GuidancePage
from guidance.page_cache import depends_on
from partners.grouping import branches_by_service
from partners.models import Branch, Partner

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

    offices = list(Office.objects.current().filter(city=city).directory())
    national_unhcr = list(Office.objects.current().filter(kind=Office.Kind.UNHCR).exclude(city=city).directory())
    branches = list(
        Branch.objects.filter(city=city, partner__is_active=True)
        .select_related("partner", "city")
        .prefetch_related("services")
        .order_by("partner__order")
    )
    countrywide_partners = list(
        Partner.objects.filter(is_active=True, branches__isnull=True).prefetch_related("services")
    )
    asylum_page = GuidancePage.objects.for_reading().filter(audience=Audience.ASYLUM_SEEKER).first()
    context = {
        "city": city,
        "apply_offices": [o for o in offices if o.kind == Office.Kind.ASYLUM_AUTHORITY],
        "unhcr_offices": [o for o in offices if o.kind == Office.Kind.UNHCR] + national_unhcr,
        "other_offices": [o for o in offices if o.kind not in (Office.Kind.ASYLUM_AUTHORITY, Office.Kind.UNHCR)],
        "services": branches_by_service(branches),
        "countrywide_partners": countrywide_partners,
        "asylum_page": asylum_page,
        "last_updated": latest(
            city.updated_at, *(o.updated_at for o in offices), *(b.updated_at for b in branches)
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
