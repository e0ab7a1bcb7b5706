"""Sitemap of the city list and the office pages (former offices are history: not offered to search engines)."""

from config.sitemaps import LanguageSitemap, NamedPagesSitemap

from .models import Office


class OfficesStaticSitemap(NamedPagesSitemap):
    names = ("offices:cities", "offices:offices")


class OfficeSitemap(LanguageSitemap):
    def items(self):
        return list(Office.objects.current().order_by("kind_order", "order", "slug"))

    def lastmod(self, office):
        return office.last_changed


sitemaps = {"offices-static": OfficesStaticSitemap, "offices": OfficeSitemap}
