"""Sitemap of the partner directory: only partners that are listed."""

from django.db.models import Max
from django.db.models.functions import Coalesce, Greatest

from config.last_updated import latest
from config.sitemaps import NEVER, NamedPagesSitemap, RowsSitemap, known_date, newest

from .models import Branch, Partner


class PartnersStaticSitemap(NamedPagesSitemap):
    pages = {
        "partners:partners": lambda: latest(
            newest(Partner.objects.filter(is_active=True), known_date()),
            newest(Branch.objects.filter(partner__is_active=True), known_date()),
        ),
    }


class PartnerSitemap(RowsSitemap):
    """A partner's page shows its branches: it last changed when the partner or one of them really did."""

    date_field = "page_changed_at"
    url_name = "partners:partner"

    def listed(self):
        return (
            Partner.objects.filter(is_active=True)
            .only("slug", "changed_at")
            .annotate(page_changed_at=Greatest(known_date(), Coalesce(Max(known_date("branches__")), NEVER)))
            .order_by("order", "name", "pk")
        )


sitemaps = {"partners-static": PartnersStaticSitemap, "partners": PartnerSitemap}
