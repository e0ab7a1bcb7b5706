"""Public pages of the directory: the list of cities, and the offices."""

from django.shortcuts import get_object_or_404, render

from config.last_updated import latest
from config.page_cache import depends_on

from .closures import follow_closures
from .models import City, Office


@depends_on("directory")
def city_list(request):
    cities = list(City.objects.listed())
    return render(
        request,
        "offices/city_list.html",
        {"cities": cities, "last_updated": latest(*(c.last_changed for c in cities))},
    )


@depends_on("directory")
def office_list(request):
    offices = list(Office.objects.current().directory())
    former = list(Office.objects.former().directory())
    follow_closures(request, offices)
    return render(
        request,
        "offices/office_list.html",
        {
            "offices": offices,
            "former_offices": former,
            "last_updated": latest(*(o.last_changed for o in offices + former)),
        },
    )


@depends_on("directory")
def office_detail(request, slug):
    office = get_object_or_404(Office.objects.select_related("city"), slug=slug)
    follow_closures(request, [office])
    return render(request, "offices/office_detail.html", {"office": office, "last_updated": office.last_changed})
