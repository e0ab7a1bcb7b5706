"""Sitemap of the partner directory: only partners that are listed."""

from django.db.models import Max
from django.db.models.functions import Coalesce, Greatest

from config.sitemaps import NamedPagesSitemap, RowsSitemap, newest

from .models import Branch, Partner


class PartnersStaticSitemap(NamedPagesSitemap):
    pages = {
        "partners:partners": lambda: max(
            filter(None, [newest(Partner.objects.filter(is_active=True)), newest(Branch.objects.filter(partner__is_active=True))]),
            default=None,
        ),
    }


class PartnerSitemap(RowsSitemap):
    """A partner's page shows its branches: it changed when the partner or one of them did."""

    date_field = "changed_at"
    url_name = "partners:partner"

    def listed(self):
        return (
            Partner.objects.filter(is_active=True)
            .only("slug", "updated_at")
            .annotate(changed_at=Greatest("updated_at", Coalesce(Max("branches__updated_at"), "updated_at")))
            .order_by("order", "name", "pk")
        )


sitemaps = {"partners-static": PartnersStaticSitemap, "partners": PartnerSitemap}
