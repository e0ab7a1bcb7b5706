"""Sitemap of the reader pages that draw on several apps: home, about, updates, notices, the city pages."""

from django.db.models import Max, OuterRef, Subquery, Value
from django.db.models.functions import Coalesce, Greatest
from django.utils import timezone

from config.last_updated import latest
from config.sitemaps import NEVER, NamedPagesSitemap, RowsSitemap, known_date, newest
from guidance.models import GuidancePage, KeyFigure, Revision
from offices.models import City, DirectoryChange, Office
from partners.models import Branch, Partner

from .models import Notice


class SiteStaticSitemap(NamedPagesSitemap):
    pages = {
        "site:home": lambda: latest(newest(GuidancePage.objects.published(), "last_major_update"),
                                    newest(City.objects.all(), "changed_at")),
        "site:about": lambda: latest(*(figure.last_changed for figure in KeyFigure.objects.all())),
        "site:updates": lambda: latest(
            newest(Revision.objects.history(), "published_at"), newest(DirectoryChange.objects.listed(), "changed_at")
        ),
        "site:notices": lambda: notices_changed_at(),
    }


def notices_changed_at():
    """When the notices page last changed: a published notice's last edit, start or end, whichever came last
    (all in the past); with none published, the last change of a notice taken down."""
    published, now = Notice.objects.published(), timezone.now()
    return latest(
        newest(published, "updated_at"), newest(published.filter(starts_at__lte=now), "starts_at"),
        newest(published.filter(ends_at__lte=now), "ends_at"),
    ) or newest(Notice.objects.all(), "updated_at")


def _newest_in_city(queryset, field="changed_at"):
    """The newest `field` of the rows of `queryset` in the outer query's city (a subquery)."""
    rows = queryset.filter(city=OuterRef("pk")).order_by().values("city").annotate(newest=Max(field))
    return Coalesce(Subquery(rows.values("newest")), NEVER)


class CitySitemap(RowsSitemap):
    """A city page shows the city's offices and partner branches (and their partners), the hotlines,
    the UNHCR offices and the partners with no address: it last changed when the newest of those
    really did (the date the page itself shows; a re-save or the content loader changes nothing)."""

    date_field = "page_changed_at"
    url_name = "site:city"

    def everywhere(self):
        """When what every city page shows last changed: two queries, once per file."""
        if not hasattr(self, "_everywhere"):
            offices = Office.objects.current().filter(kind__in=[Office.Kind.UNHCR, Office.Kind.HOTLINE])
            countrywide = Partner.objects.filter(is_active=True, branches__isnull=True)
            self._everywhere = latest(newest(offices, known_date()), newest(countrywide, known_date())) or NEVER
        return self._everywhere

    def listed(self):
        branches = Branch.objects.filter(partner__is_active=True)
        return (
            City.objects.listed()
            .only("slug", "changed_at")
            .annotate(
                page_changed_at=Greatest(
                    Coalesce("changed_at", NEVER),
                    _newest_in_city(Office.objects.current(), known_date()),
                    _newest_in_city(branches, known_date()),
                    _newest_in_city(branches, known_date("partner__")),
                    Value(self.everywhere()),
                )
            )
        )


sitemaps = {"site-static": SiteStaticSitemap, "cities": CitySitemap}
