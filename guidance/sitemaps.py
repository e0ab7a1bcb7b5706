"""Sitemap of the guidance pages and their public histories.

Their lastmod is the page's last major change: the date readers see as "last updated", and the
only kind of change the history lists (a typo fix is not news to a search engine either).
"""

from config.sitemaps import RowsSitemap

from .models import GuidancePage


class GuidancePageSitemap(RowsSitemap):
    date_field = "last_major_update"
    url_name = "guidance:page"

    def listed(self):
        return GuidancePage.objects.published().only("slug", "last_major_update").order_by("order", "slug")


class GuidanceHistorySitemap(GuidancePageSitemap):
    url_name = "guidance:history"


sitemaps = {
    "guidance": GuidancePageSitemap,
    "guidance-history": GuidanceHistorySitemap,
}
