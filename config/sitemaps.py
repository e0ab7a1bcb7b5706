"""The base every app's sitemap builds on.

Each URL is listed in every language, with hreflang alternates and an x-default that lets the
site choose the reader's language (Django's i18n sitemaps).
"""

from django.contrib.sitemaps import Sitemap
from django.urls import reverse


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
