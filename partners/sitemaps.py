"""Sitemap of the partner directory: only partners that are listed."""

from config.sitemaps import LanguageSitemap, NamedPagesSitemap

from .models import Partner


class PartnersStaticSitemap(NamedPagesSitemap):
    names = ("partners:partners",)


class PartnerSitemap(LanguageSitemap):
    def items(self):
        return list(Partner.objects.filter(is_active=True).order_by("order", "name"))

    def lastmod(self, partner):
        return partner.last_changed


sitemaps = {"partners-static": PartnersStaticSitemap, "partners": PartnerSitemap}
