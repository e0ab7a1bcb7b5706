"""Public pages of "Is this information wrong?": the form of one entry (and its POST), the thanks, and a
city's entries for the print sheet's short address.

The form sits on cached pages, so it carries no CSRF token: config.same_origin checks where the POST
came from, and config.flood_limit bounds how many one client sends. Nothing about the reader is kept
or logged: not their address, browser, cookie or the time of day.
"""

from http import HTTPStatus

from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import get_language
from django.views.decorators.csrf import csrf_exempt

from config import flood_limit
from config.middleware import serves
from config.page_cache import depends_on
from config.same_origin import is_same_origin
from offices.models import City, Office
from partners.models import Branch

from . import entries
from .forms import ReportForm
from .models import Report

REPORTS_PER_HOUR = 10  # per client address: a family or an NGO office shares one


@serves("POST")
@csrf_exempt  # the form is on cached pages: see config.same_origin for the protection used instead
@depends_on("directory")
def entry(request, kind, key):
    """GET: the form for one entry. POST: a reader's report on it, then the thanks."""
    found = entries.find(kind, key)
    form = ReportForm()
    status = HTTPStatus.OK
    if request.method == "POST":
        if not is_same_origin(request):
            return _refused(request, found, status=HTTPStatus.FORBIDDEN)
        form = ReportForm(request.POST)
        if form.is_valid():
            if not flood_limit.allowed(request, "report", REPORTS_PER_HOUR):
                return _refused(request, found, status=HTTPStatus.TOO_MANY_REQUESTS)
            Report.objects.create(
                entry=found, entry_name=entries.name_of(found), city=entries.city_of(found),
                problem=form.cleaned_data["problem"], note=form.cleaned_data["note"], language=get_language(),
            )
            response = redirect("reports:thanks", kind=kind, key=key)
            response.status_code = HTTPStatus.SEE_OTHER  # the thanks is read with a GET, whatever the form's method
            return response
        status = HTTPStatus.BAD_REQUEST
    return render(request, "reports/entry.html", {"entry": found, "entry_url": entries.page_url(found), "kind": kind, "key": key, "form": form}, status=status)


@depends_on("directory")
def thanks(request, kind, key):
    found = entries.find(kind, key)
    return render(request, "reports/thanks.html", {"entry": found, "entry_url": entries.page_url(found)})


@depends_on("directory")
def city(request, slug):
    """Every office and partner branch of a city, each with its form: where the print sheet sends readers."""
    found = get_object_or_404(City, slug=slug)
    offices = Office.objects.current().filter(city=found).order_by("kind_order", "order", "name")
    branches = Branch.objects.filter(city=found, partner__is_active=True).select_related("partner")
    return render(request, "reports/city.html", {"city": found, "offices": offices, "branches": branches})


def _refused(request, found, *, status):
    """403: not sent from our own page; 429: too many reports from this connection this hour."""
    context = {"entry": found, "entry_url": entries.page_url(found), "too_many": status == HTTPStatus.TOO_MANY_REQUESTS}
    return render(request, "reports/refused.html", context, status=status)
