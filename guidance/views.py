"""Public pages of guidance: home, the guidance pages and their history, about, updates."""

from functools import lru_cache
from pathlib import Path

from django.conf import settings
from django.contrib.staticfiles import finders
from django.db import connection
from django.http import Http404, HttpResponse, HttpResponseRedirect, JsonResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.cache import add_never_cache_headers, patch_cache_control
from django.utils.translation import get_language_from_request, override
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe
from django.views.decorators.vary import vary_on_headers

from offices.models import City
from offices.views import latest

from .models import GuidancePage, KeyFigure, Revision
from .page_cache import declare, depends_on

UPDATES_SHOWN = 30


@require_safe
@vary_on_headers("Accept-Language", "Cookie")
def language_redirect(request):
    """`/` sends a person to the language they chose before, or the best one their browser asks for."""
    language = get_language_from_request(request) or settings.LANGUAGE_CODE
    with override(language):
        return HttpResponseRedirect(reverse("guidance:home"))


@depends_on("guidance", "directory")
def home(request):
    pages = list(GuidancePage.objects.for_reading())
    cities = list(City.objects.listed())
    return render(
        request,
        "guidance/home.html",
        {
            "pages": pages,
            "cities": cities,
            "last_updated": latest(*(p.last_major_update for p in pages)),
        },
    )


@depends_on("guidance")
def page(request, slug):
    pages = list(GuidancePage.objects.for_reading())  # this page and the others it links to: one query
    guidance_page = next((p for p in pages if p.slug == slug), None)
    if guidance_page is None:
        raise Http404
    return render_revision(request, guidance_page, guidance_page.current_revision, reading_pages=pages)


def render_revision(request, guidance_page, revision, *, preview=False, reading_pages=None):
    """A revision exactly as a reader sees it; also used by the staff preview."""
    if reading_pages is None:
        reading_pages = GuidancePage.objects.for_reading()
    other_pages = [p for p in reading_pages if p.pk != guidance_page.pk]
    response = render(
        request,
        "guidance/page.html",
        {
            "page": guidance_page,
            "revision": revision,
            "other_pages": other_pages,
            "preview": preview,
            "last_updated": guidance_page.last_major_update,
        },
    )
    if preview:
        add_never_cache_headers(response)  # a draft is for the staff member who asked: never stored
    return response


def history(request, slug):
    guidance_page = get_object_or_404(GuidancePage.objects.for_reading(), slug=slug)
    declare(request, f"guidance-page:{guidance_page.pk}")
    revisions = list(guidance_page.revisions.history())
    return render(
        request,
        "guidance/history.html",
        {"page": guidance_page, "revisions": revisions, "last_updated": guidance_page.last_major_update},
    )


@depends_on("figures")
def about(request):
    figures = list(KeyFigure.objects.all())
    return render(
        request,
        "guidance/about.html",
        {
            "current_figures": [f for f in figures if f.is_current],
            "earlier_figures": [f for f in figures if not f.is_current],
            "last_updated": latest(*(f.updated_at for f in figures)),
        },
    )


@depends_on("guidance")
def updates(request):
    revisions = list(Revision.objects.history().select_related("page")[:UPDATES_SHOWN])
    return render(
        request,
        "guidance/updates.html",
        {"revisions": revisions, "last_updated": revisions[0].published_at if revisions else None},
    )


@depends_on()
def offline(request):
    """What the service worker shows for a page that is not saved on the device."""
    return render(request, "guidance/offline.html", {"last_updated": None})


@lru_cache(maxsize=1)
def _service_worker_source():
    return Path(finders.find("js/sw.js")).read_bytes()


@require_safe
def service_worker(request):
    """The offline service worker, served from the root so that it may look after every page."""
    response = HttpResponse(_service_worker_source(), content_type="text/javascript; charset=utf-8")
    patch_cache_control(response, no_cache=True)  # a new release's worker is picked up at once
    return response


@never_cache
@require_safe
def healthz(request):
    """For load balancers: 200 when this instance can reach its database."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except Exception:  # noqa: BLE001 - any database failure means "take me out of rotation"
        return JsonResponse({"status": "unavailable"}, status=503)
    return JsonResponse({"status": "ok"})
