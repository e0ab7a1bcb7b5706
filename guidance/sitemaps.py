"""Sitemap of the guidance pages and their public histories.

Their lastmod is the page's last major change: the date readers see as "last updated", and the
only kind of change the history lists (a typo fix is not news to a search engine either).
"""

from django.urls import reverse

from config.sitemaps import RowsSitemap

from .models import GuidancePage


class GuidancePageSitemap(RowsSitemap):
    date_field = "last_major_update"

    def listed(self):
        return GuidancePage.objects.published().only("slug", "last_major_update").order_by("order", "slug")


class GuidanceHistorySitemap(GuidancePageSitemap):
    def path(self, page):
        return reverse("guidance:history", kwargs={"slug": page.slug})


sitemaps = {
    "guidance": GuidancePageSitemap,
    "guidance-history": GuidanceHistorySitemap,
}
