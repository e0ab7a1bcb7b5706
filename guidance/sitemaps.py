"""Sitemap of the guidance pages, and the base every app's sitemap builds on.

Each URL is listed in every language, with hreflang alternates and an x-default that lets the
site choose the reader's language (Django's i18n sitemaps).
"""

from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from .models import GuidancePage


class LanguageSitemap(Sitemap):
    i18n = True
    alternates = True
    x_default = True


class NamedPagesSitemap(LanguageSitemap):
    """Pages with no object of their own (lists, home), by URL name."""

    names = ()

    def items(self):
        return list(self.names)

    def location(self, item):
        return reverse(item)


class GuidanceStaticSitemap(NamedPagesSitemap):
    names = ("guidance:home", "guidance:about", "guidance:updates")


class GuidancePageSitemap(LanguageSitemap):
    def items(self):
        return list(GuidancePage.objects.published().order_by("order"))

    def lastmod(self, page):
        return page.last_major_update


class GuidanceHistorySitemap(GuidancePageSitemap):
    def location(self, page):
        return reverse("guidance:history", kwargs={"slug": page.slug})


sitemaps = {
    "guidance-static": GuidanceStaticSitemap,
    "guidance": GuidancePageSitemap,
    "guidance-history": GuidanceHistorySitemap,
}
