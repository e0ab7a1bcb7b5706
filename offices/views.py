"""Public pages of the directory: the list of cities, and the offices."""

from django.db import transaction
from django.shortcuts import get_object_or_404, render

from config.last_updated import latest
from config.page_cache import depends_on

from .closures import follow_closures
from .models import DIRECTORY_ORDER, City, Office
from .pagination import page_links, page_of

OFFICES_PER_PAGE = 30  # each card carries its source, last check, hours and the report form


@depends_on("directory")
def city_list(request):
    cities = list(City.objects.listed())
    return render(
        request,
        "offices/city_list.html",
        {"cities": cities, "last_updated": latest(*(c.last_changed for c in cities))},
    )


@transaction.non_atomic_requests  # it only reads: no transaction (and its savepoint queries) needed
@depends_on("directory", query=("page",))
def office_list(request):
    """Current offices by kind, then the former ones, OFFICES_PER_PAGE at a time."""
    page = page_of(request, Office.objects.directory().order_by("-is_current", *DIRECTORY_ORDER), OFFICES_PER_PAGE)
    shown = list(page.object_list)
    follow_closures(request, [o for o in shown if o.is_current])
    return render(
        request,
        "offices/office_list.html",
        {
            "offices": [o for o in shown if o.is_current],
            "former_offices": [o for o in shown if not o.is_current],
            "last_updated": latest(*(o.last_changed for o in shown)),
            **page_links(request, page),
        },
    )


@depends_on("directory")
def office_detail(request, slug):
    office = get_object_or_404(Office.objects.select_related("city", *Office.CHECKS_RELATED), slug=slug)
    follow_closures(request, [office])
    return render(request, "offices/office_detail.html", {"office": office, "last_updated": office.last_changed})
