"""Sitemap of the reader pages that draw on several apps: home, about, updates, notices, the city pages."""

from config.sitemaps import LanguageSitemap, NamedPagesSitemap
from offices.models import City

from .city_directory import last_updated_by_city


class SiteStaticSitemap(NamedPagesSitemap):
    names = ("site:home", "site:about", "site:updates", "site:notices")


class CitySitemap(LanguageSitemap):
    def items(self):
        cities = list(City.objects.listed())
        self.dates = last_updated_by_city(cities)
        return cities

    def lastmod(self, city):
        # The date the city page itself shows: its entries' last real change, never a re-save or the load.
        return self.dates[city.pk]


sitemaps = {"site-static": SiteStaticSitemap, "cities": CitySitemap}
