"""Sitemap of the reader pages that draw on several apps: home, about, updates, the city pages."""

from django.db.models import DateTimeField, Max, OuterRef, Subquery, Value
from django.db.models.functions import Coalesce, Greatest

from config.last_updated import latest
from config.sitemaps import NamedPagesSitemap, RowsSitemap, newest
from guidance.models import GuidancePage, KeyFigure, Revision
from offices.models import City, DirectoryChange, Office
from partners.models import Branch


class SiteStaticSitemap(NamedPagesSitemap):
    pages = {
        "site:home": lambda: latest(newest(GuidancePage.objects.published(), "last_major_update"), newest(City.objects.all())),
        "site:about": lambda: newest(KeyFigure.objects.all()),
        "site:updates": lambda: latest(
            newest(Revision.objects.history(), "published_at"), newest(DirectoryChange.objects.listed(), "changed_at")
        ),
    }


def _newest_of(queryset):
    """The newest updated_at of the rows of `queryset` in the outer query's city."""
    rows = queryset.filter(city=OuterRef("pk")).order_by().values("city").annotate(newest=Max("updated_at"))
    return Coalesce(Subquery(rows.values("newest")), "updated_at")


class CitySitemap(RowsSitemap):
    """A city page shows the city's offices and partner branches, the hotlines and UNHCR offices:
    it changed when the newest of those did (the date the page itself shows)."""

    date_field = "changed_at"
    url_name = "site:city"

    def listed(self):
        if not hasattr(self, "_countrywide"):
            self._countrywide = newest(Office.objects.current().filter(kind__in=[Office.Kind.UNHCR, Office.Kind.HOTLINE]))
        countrywide = self._countrywide
        return (
            City.objects.listed()
            .only("slug", "updated_at")
            .annotate(
                changed_at=Greatest(
                    "updated_at",
                    _newest_of(Office.objects.current()),
                    _newest_of(Branch.objects.filter(partner__is_active=True)),
                    Coalesce(Value(countrywide, output_field=DateTimeField()), "updated_at"),
                )
            )
        )


sitemaps = {"site-static": SiteStaticSitemap, "cities": CitySitemap}
