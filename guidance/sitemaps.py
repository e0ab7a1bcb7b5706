"""Sitemap of the guidance pages and their public histories."""

from django.urls import reverse

from config.sitemaps import LanguageSitemap

from .models import GuidancePage


class GuidancePageSitemap(LanguageSitemap):
    def items(self):
        return list(GuidancePage.objects.published().order_by("order"))

    def lastmod(self, page):
        return page.last_major_update


class GuidanceHistorySitemap(GuidancePageSitemap):
    def location(self, page):
        return reverse("guidance:history", kwargs={"slug": page.slug})


sitemaps = {
    "guidance": GuidancePageSitemap,
    "guidance-history": GuidanceHistorySitemap,
}
