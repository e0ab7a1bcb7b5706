"""Sitemap of the city and office pages (former offices are history: not offered to search engines)."""

from guidance.sitemaps import LanguageSitemap, NamedPagesSitemap

from .models import City, Office


class OfficesStaticSitemap(NamedPagesSitemap):
    names = ("offices:cities", "offices:offices")


class CitySitemap(LanguageSitemap):
    def items(self):
        return list(City.objects.listed())

    def lastmod(self, city):
        return city.updated_at


class OfficeSitemap(LanguageSitemap):
    def items(self):
        return list(Office.objects.current().order_by("kind_order", "order", "slug"))

    def lastmod(self, office):
        return office.updated_at


sitemaps = {"offices-static": OfficesStaticSitemap, "cities": CitySitemap, "offices": OfficeSitemap}
