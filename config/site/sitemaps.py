"""Sitemap of the reader pages that draw on several apps: home, about, updates, notices, the city pages."""

from config.sitemaps import LanguageSitemap, NamedPagesSitemap
from offices.models import City


class SiteStaticSitemap(NamedPagesSitemap):
    names = ("site:home", "site:about", "site:updates", "site:notices")


class CitySitemap(LanguageSitemap):
    def items(self):
        return list(City.objects.listed())

    def lastmod(self, city):
        return city.updated_at


sitemaps = {"site-static": SiteStaticSitemap, "cities": CitySitemap}
