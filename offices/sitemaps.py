"""Sitemap of the city list and the office pages (former offices are history: not offered to search engines)."""

from config.last_updated import latest
from config.sitemaps import NamedPagesSitemap, RowsSitemap, known_date, newest

from .models import City, Office


class OfficesStaticSitemap(NamedPagesSitemap):
    pages = {
        # A city has no source of its own: a list of cities nobody changed dates from their offices.
        "offices:cities": lambda: latest(newest(City.objects.all(), "changed_at"),
                                         newest(Office.objects.current(), known_date())),
        "offices:offices": lambda: newest(Office.objects.all(), known_date()),
    }


class OfficeSitemap(RowsSitemap):
    date_field = "page_changed_at"  # the entry's last real change (or its source's reading), never a re-save
    url_name = "offices:office"

    def listed(self):
        return (Office.objects.current().only("slug", "changed_at").annotate(page_changed_at=known_date())
                .order_by("kind_order", "order", "slug"))


sitemaps = {"offices-static": OfficesStaticSitemap, "offices": OfficeSitemap}
