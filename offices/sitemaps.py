"""Sitemap of the city list and the office pages (former offices are history: not offered to search engines)."""

from config.sitemaps import NamedPagesSitemap, RowsSitemap, newest

from .models import City, Office


class OfficesStaticSitemap(NamedPagesSitemap):
    pages = {
        "offices:cities": lambda: newest(City.objects.all()),
        "offices:offices": lambda: newest(Office.objects.all()),
    }


class OfficeSitemap(RowsSitemap):
    url_name = "offices:office"

    def listed(self):
        return Office.objects.current().only("slug", "updated_at").order_by("kind_order", "order", "slug")


sitemaps = {"offices-static": OfficesStaticSitemap, "offices": OfficeSitemap}
