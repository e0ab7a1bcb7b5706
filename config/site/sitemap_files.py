"""The sitemap index and its files, stored by the page cache and invalidated by what they list."""

from django.contrib.sitemaps import views
from django.core.paginator import InvalidPage
from django.db import transaction
from django.http import Http404, HttpResponse

from config.page_cache import declare, depends_on, keep_out_of_cache

# What each section lists; the index counts the rows of every section.
SECTION_TAGS = {"guidance": ("guidance",), "guidance-history": ("guidance",), "site-static": ("guidance", "directory", "figures")}
DIRECTORY = ("directory",)


@transaction.non_atomic_requests
@depends_on("guidance", "directory")
def index(request, sitemaps):
    return views.index(request, sitemaps, sitemap_url_name="sitemap-section")


@transaction.non_atomic_requests
@depends_on(query=("p",))
def section(request, sitemaps, section):
    if section not in sitemaps:
        raise Http404
    declare(request, *SECTION_TAGS.get(section, DIRECTORY))
    asked = request.GET.get("p", "")
    if asked and (asked != asked.lstrip("0") or asked == "1"):
        keep_out_of_cache(request)  # the same file asked for another way: served, not stored
    try:
        xml = sitemaps[section]().file(asked or 1, f"{request.scheme}://{request.get_host()}")
    except InvalidPage:
        raise Http404 from None
    response = HttpResponse(xml, content_type="application/xml")
    response["X-Robots-Tag"] = "noindex, noodp, noarchive"
    return response
