"""Public pages of the partner directory. They only read, so they run outside a transaction
(non_atomic_requests): no savepoints to spend the query budget on."""

from django.db import transaction
from django.shortcuts import get_object_or_404, redirect, render

from config.language_fallback import localized_choices
from config.last_updated import latest
from config.page_cache import depends_on, keep_out_of_cache
from offices.closures import follow_closures
from offices.models import City
from offices.pagination import page_links, page_of

from .forms import PartnerFilterForm
from .models import FormerPartnerName, Partner, Service

PARTNERS_PER_PAGE = 20


@transaction.non_atomic_requests  # it only reads: no transaction (and its savepoint queries) needed
@depends_on("directory", query=("city", "service", "page"))
def partner_list(request):
    form = PartnerFilterForm(
        request.GET or None,
        cities=localized_choices(City.objects.listed(), "name"),
        services=localized_choices(Service.objects.all(), "name"),
    )
    partners = Partner.objects.filter(is_active=True).listing()
    if not form.is_valid():  # reports a choice that is not valid; the valid one still filters
        keep_out_of_cache(request)  # a stranger's made-up choices are answered, not stored
    filters = getattr(form, "cleaned_data", {})  # absent when nothing was chosen
    city, service = filters.get("city"), filters.get("service")
    if city:
        partners = partners.filter(branches__city__slug=city)
    if service:
        partners = partners.filter(services__slug=service)
    if city or service:
        partners = partners.distinct()
    page = page_of(request, partners, PARTNERS_PER_PAGE)
    partners = list(page.object_list)
    return render(
        request,
        "partners/partner_list.html",
        {
            "form": form,
            "partners": partners,
            "city": city,
            "service": service,
            "last_updated": latest(*(p.last_changed for p in partners)),
            **page_links(request, page),
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
