"""Reader pages that draw on several apps: home, about, updates, search, and the offline page."""

from django.db import transaction
from django.shortcuts import render
from django.utils.cache import patch_cache_control
from django.utils.translation import get_language
from django.views.decorators.http import require_safe

from config.last_updated import latest
from config.page_cache import depends_on
from guidance.models import GuidancePage, KeyFigure
from offices.models import City

from .search.query import find
from .search.text import parse_query
from .updates import recent_updates


@depends_on("guidance", "directory")
def home(request):
    menu = GuidancePage.objects.menu()
    return render(
        request,
        "site/home.html",
        {
            "pages": menu.choices,
            "more_pages": menu.more,
            **City.objects.chooser(),
            "last_updated": latest(*(p.last_major_update for p in menu.choices + menu.more)),
        },
    )


@depends_on("figures")
def about(request):
    figures = list(KeyFigure.objects.all())
    return render(
        request,
        "site/about.html",
        {
            "current_figures": [f for f in figures if f.is_current],
            "earlier_figures": [f for f in figures if not f.is_current],
            "last_updated": latest(*(f.updated_at for f in figures)),
        },
    )


@transaction.non_atomic_requests
@depends_on("guidance", "directory")
def updates(request):
    """Major guidance changes and directory changes, newest first (the feed lists the same)."""
    items = recent_updates()
    return render(
        request,
        "site/updates.html",
        {"updates": items, "last_updated": items[0].date if items else None},
    )


@require_safe
def search(request):
    query = parse_query(request.GET.get("q", ""), get_language())
    results = find(query)
    context = {"search_query": query, "results": results, "last_updated": None}
    if not results:
        # Nothing found (or nothing asked): show the ways on that every page starts from.
        menu = GuidancePage.objects.menu()
        context.update(pages=menu.choices, more_pages=menu.more, **City.objects.chooser())
    response = render(request, "site/search.html", context)
    # What a person typed is theirs: no shared cache, no browser cache, no offline copy keeps it.
    patch_cache_control(response, private=True, no_store=True)
    return response


@depends_on()
def offline(request):
    """What the service worker shows for a page that is not saved on the device."""
    return render(request, "site/offline.html", {"last_updated": None})
