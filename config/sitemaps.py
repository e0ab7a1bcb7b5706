"""The base every app's sitemap builds on, and the sitemap files themselves.

Each URL is listed in every language, with hreflang alternates and an x-default that lets the
site choose the reader's language (as Django's i18n sitemaps do). `/sitemap.xml` is Django's index
of one file per section, and per ROWS_PER_FILE rows within a section (`?p=2`): each file holds at
most 1,000 URLs (about 1.2 MB, 70 KB gzipped), far from the protocol's 50,000 URLs or 50 MB
however large the directory grows. A file loads only its own rows and is written in one pass:
Django's sitemap template, activating a language for every alternate of every URL, took a second
of CPU for 2,000 URLs; this takes a twentieth of it. The index asks each section of rows one aggregate (how many rows, and the
newest date). Every URL's `lastmod` is the date its page last changed: a real date from the database (a
publication, an entry's last change, or for a directory entry nobody changed since it was loaded, the day
its information was read from its source, `known_date()`), never the time of the request.
"""

from collections.abc import Sequence
from datetime import UTC, datetime
from xml.sax.saxutils import escape, quoteattr

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.core.paginator import Paginator
from django.db.models import Count, DateTimeField, Max, Value
from django.db.models.functions import Cast, Coalesce
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import override

LANGUAGE_CODES = [code for code, _name in settings.LANGUAGES]
ROWS_PER_FILE = 1000 // len(LANGUAGE_CODES)  # each row is listed once per language


# Stands for "never changed" in a newest-of comparison (SQL's GREATEST would give NULL for a NULL).
NEVER = datetime(1970, 1, 1, tzinfo=UTC)
SLUG = "sitemap-slug"  # stands for each row's slug in an address reversed once per language


class LanguageSitemap(Sitemap):
    i18n = True
    alternates = True
    x_default = True
    url_name = None  # the URL name of the rows' pages, which take their slug: reversed once per language

    def path(self, item):
        if self.url_name:
            return reverse(self.url_name, kwargs={"slug": item.slug})
        return item.get_absolute_url()

    def paths(self, rows):
        """Each row's address in the active language."""
        if self.url_name:
            pattern = reverse(self.url_name, kwargs={"slug": SLUG})
            return [pattern.replace(SLUG, row.slug, 1) for row in rows]
        return [self.path(row) for row in rows]

    def lastmod(self, item):
        return None

    @property
    def paginator(self):
        return Paginator(self.items(), ROWS_PER_FILE)

    def file(self, number, base_url):
        """Sitemap file `number` (from 1) as XML; raises django.core.paginator.InvalidPage."""
        rows = list(self.paginator.page(number).object_list)
        paths = {}
        for code in LANGUAGE_CODES:
            with override(code):
                paths[code] = self.paths(rows)
        parts = ['<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
                 'xmlns:xhtml="http://www.w3.org/1999/xhtml">\n']
        for index, row in enumerate(rows):
            lastmod = self.lastmod(row)
            modified = f"<lastmod>{lastmod:%Y-%m-%d}</lastmod>" if lastmod else ""
            default = paths[settings.LANGUAGE_CODE][index].replace(f"/{settings.LANGUAGE_CODE}/", "/", 1)
            links = "".join(
                f'<xhtml:link rel="alternate" hreflang="{code}" href={quoteattr(base_url + paths[code][index])}/>'
                for code in LANGUAGE_CODES
            ) + f'<xhtml:link rel="alternate" hreflang="x-default" href={quoteattr(base_url + default)}/>'
            parts += [f"<url><loc>{escape(base_url + paths[code][index])}</loc>{modified}{links}</url>\n"
                      for code in LANGUAGE_CODES]
        parts.append("</urlset>\n")
        return "".join(parts)


class RowsSitemap(LanguageSitemap):
    """A section of rows: `listed()` is the queryset (ordered), `date_field` its lastmod."""

    date_field = "updated_at"

    def listed(self):
        raise NotImplementedError

    def items(self):
        return RowsOnDemand(self)

    def lastmod(self, item):
        """The day the row's page last changed, in the site's time zone; None when never known."""
        moment = getattr(item, self.date_field)
        if isinstance(moment, datetime):
            return None if moment <= NEVER else timezone.localdate(moment)
        return moment

    def summary(self):
        """How many rows, and the newest date: one query (what `listed()` itself needs besides)."""
        if not hasattr(self, "_summary"):
            self._summary = self.listed().aggregate(count=Count("pk"), newest=Max(self.date_field))
        return self._summary

    def get_latest_lastmod(self):
        newest = self.summary()["newest"]
        return None if newest is None or (isinstance(newest, datetime) and newest <= NEVER) else newest


class RowsOnDemand(Sequence):
    """The section's rows, counted with its summary and loaded one slice (one file) at a time."""

    def __init__(self, sitemap):
        self.sitemap = sitemap

    def __len__(self):
        return self.sitemap.summary()["count"]

    def __getitem__(self, index):
        if not isinstance(index, slice):
            return self[index : index + 1][0]
        start, stop, _step = index.indices(len(self))
        return list(self.sitemap.listed()[start:stop])


class NamedPagesSitemap(LanguageSitemap):
    """Pages with no object of their own (lists, home), by URL name, each with the date of what it shows.

    The index gives no date for these sections (it would cost a query per page); their files do.
    """

    pages = {}  # {URL name: a function returning when what the page shows last changed}

    def items(self):
        return list(self.pages)

    def path(self, item):
        return reverse(item)

    def get_latest_lastmod(self):
        return None

    def lastmod(self, item):
        return self.pages[item]()


def known_date(prefix=""):
    """When a directory entry's page dates from (a database expression, NEVER when nothing is known): its last
    real change; for an entry unchanged since it was loaded, the day it was checked against its source, else
    the day that reading of its source was recorded here (as it was loaded). `prefix`: "partner__" and so on."""
    return Coalesce(
        f"{prefix}changed_at", Cast(f"{prefix}verified_on", DateTimeField()), f"{prefix}source_check__recorded_at",
        Value(NEVER), output_field=DateTimeField(),
    )


def newest(queryset, field="updated_at"):
    """The newest value of a date field (or expression) over a queryset (None when it is empty): one query."""
    found = queryset.aggregate(newest=Max(field))["newest"]
    return None if found is not None and isinstance(found, datetime) and found <= NEVER else found
