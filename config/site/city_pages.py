"""The city page, its share kit for partners, its print sheet and its QR codes.

The pages only read, so they run outside a transaction (non_atomic_requests): nothing to commit.
"""

import functools

from django.db import transaction
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language, gettext

from config.page_cache import depends_on
from offices.closures import follow_closures
from offices.models import City, FormerCityName

from .city_directory import city_directory
from .qr import qr_png, qr_svg
from .share import permanent_url, share_kit


def city_page(view):
    """Give the view its City; an old name of the city redirects permanently to the same page."""

    @functools.wraps(view)
    def with_city(request, slug):
        city = City.objects.filter(slug=slug).first()
        if city is None:
            former = get_object_or_404(FormerCityName.objects.select_related("city"), slug=slug)
            return redirect(request.resolver_match.view_name, slug=former.city.slug, permanent=True)
        return view(request, city)

    return transaction.non_atomic_requests(with_city)


@city_page
@depends_on("directory", "guidance")
def city_detail(request, city):
    directory = city_directory(city)
    follow_closures(request, directory.shown_places)
    context = directory.as_context()
    context.update(share_url=permanent_url(request, city))
    return render(request, "site/city_detail.html", context)


@city_page
@depends_on("directory")
def city_share(request, city):
    """For partners: the permanent link, QR code, a snippet for their website, messenger links."""
    return render(request, "site/city_share.html", {"city": city, "share": share_kit(request, city)})


@city_page
@depends_on("directory", "guidance")
def city_print(request, city):
    """One A4 sheet for a partner's wall, with a QR code back to the live page."""
    directory = city_directory(city)
    follow_closures(request, directory.shown_places)
    context = directory.as_context()
    context.update(permanent_url=permanent_url(request, city), printed_on=timezone.localdate(),
                   report_url=request.build_absolute_uri(reverse("reports:city", kwargs={"slug": city.slug})))
    context.update(  # "Check a contact" and the official contacts, as addresses to type from paper
        check_url=request.build_absolute_uri(reverse("site:check")),
        official_url=request.build_absolute_uri(reverse("site:check_official")),
    )
    return render(request, "site/city_print.html", context)


@city_page
@depends_on("directory")
def city_qr_svg(request, city):
    url = permanent_url(request, city)
    title = gettext("QR code of %(url)s") % {"url": url}
    return HttpResponse(qr_svg(url, title), content_type="image/svg+xml")


@city_page
@depends_on("directory")
def city_qr_png(request, city):
    response = HttpResponse(qr_png(permanent_url(request, city)), content_type="image/png")
    response["Content-Disposition"] = f'inline; filename="help-{city.slug}-{get_language()}-qr.png"'
    return response
