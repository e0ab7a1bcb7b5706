"""Sitemap of the city list and the office pages (former offices are history: not offered to search engines)."""

from config.sitemaps import NamedPagesSitemap, RowsSitemap, newest

from .models import City, Office


class OfficesStaticSitemap(NamedPagesSitemap):
    pages = {
        "offices:cities": lambda: newest(City.objects.all(), "changed_at"),
        "offices:offices": lambda: newest(Office.objects.all(), "changed_at"),
    }


class OfficeSitemap(RowsSitemap):
    date_field = "changed_at"  # the entry's last real change, never a re-save or the load
    url_name = "offices:office"

    def listed(self):
        return Office.objects.current().only("slug", "changed_at").order_by("kind_order", "order", "slug")


sitemaps = {"offices-static": OfficesStaticSitemap, "offices": OfficeSitemap}
