"""Public pages of the partner directory. They only read, so they run outside a transaction
(non_atomic_requests): no savepoints to spend the query budget on."""

from django.db import transaction
from django.http import JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import get_language

from config.last_updated import latest
from config.page_cache import depends_on
from offices.closures import follow_closures
from offices.models import City

from .forms import PartnerFilterForm
from .models import FormerPartnerName, Partner, Service
from .open_data import HsdsDocument, alerts_for


@transaction.non_atomic_requests
@depends_on("directory")
def partner_list(request):
    form = PartnerFilterForm(request.GET or None, cities=City.objects.listed(), services=Service.objects.all())
    partners = Partner.objects.filter(is_active=True).directory()
    form.is_valid()  # reports a choice that is not valid; the valid one still filters
    filters = getattr(form, "cleaned_data", {})  # absent when nothing was chosen
    city, service = filters.get("city"), filters.get("service")
    if city:
        partners = partners.filter(branches__city=city)
    if service:
        partners = partners.filter(services=service)
    if city or service:
        partners = partners.distinct()
    partners = list(partners)
    return render(
        request,
        "partners/partner_list.html",
        {
            "form": form,
            "partners": partners,
            "city": city,
            "service": service,
            "last_updated": latest(*(p.last_changed for p in partners)),
        },
    )


@transaction.non_atomic_requests
@depends_on("directory")
def partner_detail(request, slug):
    partner = Partner.objects.filter(is_active=True).directory().filter(slug=slug).first()
    if partner is None:  # an earlier name's address leads to the partner's page, for good
        former = get_object_or_404(FormerPartnerName.objects.select_related("partner"), slug=slug, partner__is_active=True)
        return redirect("partners:partner", slug=former.partner.slug, permanent=True)
    branches = list(partner.branches.all())
    follow_closures(request, branches)
    return render(
        request,
        "partners/partner_detail.html",
        {
            "partner": partner,
            "branches": branches,
            "last_updated": latest(partner.last_changed, *(b.last_changed for b in branches)),
        },
    )


@transaction.non_atomic_requests
def open_data_hsds(request):
    """The directory as Open Referral HSDS 3.0 JSON in the URL's language (documented in the README)."""
    builder = HsdsDocument(get_language(), request.build_absolute_uri, alerts_for(request))
    document = builder.build()
    follow_closures(request, builder.places)  # a closure's start or end changes the document
    response = JsonResponse(document, json_dumps_params={"ensure_ascii": False, "indent": 1})
    response["Access-Control-Allow-Origin"] = "*"  # open data: any website may read it
    return response
