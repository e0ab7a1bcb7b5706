"""Public pages of guidance: home, the guidance pages and their history, about, updates."""

from django.conf import settings
from django.db import connection, transaction
from django.http import Http404, HttpResponse, HttpResponseRedirect, JsonResponse
from django.shortcuts import get_object_or_404, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import get_language_from_request, override
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe
from django.views.decorators.vary import vary_on_headers

from offices.models import City
from offices.views import latest

from . import roles, translation_status
from .language_fallback import localized
from .models import GuidancePage, KeyFigure, Revision
from .updates import recent_updates


@require_safe
@vary_on_headers("Accept-Language", "Cookie")
def language_redirect(request):
    """`/` sends a person to the language they chose before, or the best one their browser asks for."""
    language = get_language_from_request(request) or settings.LANGUAGE_CODE
    with override(language):
        return HttpResponseRedirect(reverse("guidance:home"))


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


def page(request, slug):
    guidance_page = get_object_or_404(GuidancePage.objects.for_reading(), slug=slug)
    return render_revision(request, guidance_page, guidance_page.current_revision)


def render_revision(request, guidance_page, revision, *, preview=False):
    """A revision exactly as a reader sees it; also used by the staff preview."""
    other_pages = [p for p in GuidancePage.objects.for_reading() if p.pk != guidance_page.pk]
    shown_language = localized(revision, "body").language
    return render(
        request,
        "guidance/page.html",
        {
            "page": guidance_page,
            "revision": revision,
            "other_pages": other_pages,
            "preview": preview,
            "last_updated": guidance_page.last_major_update,
            "outdated_translation": not preview
            and translation_status.needs_immediate_update(guidance_page, shown_language),
        },
    )


@never_cache
@require_safe
def preview(request, slug, revision_id):
    """Any revision exactly as readers would see it, in any language; staff only (others get a 404)."""
    if not roles.can_preview(request.user):
        raise Http404
    revision = get_object_or_404(Revision.objects.select_related("page"), pk=revision_id, page__slug=slug)
    response = render_revision(request, revision.page, revision, preview=True)
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response


def history(request, slug):
    guidance_page = get_object_or_404(GuidancePage.objects.for_reading(), slug=slug)
    revisions = list(guidance_page.revisions.history())
    return render(
        request,
        "guidance/history.html",
        {"page": guidance_page, "revisions": revisions, "last_updated": guidance_page.last_major_update},
    )


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


@transaction.non_atomic_requests
def updates(request):
    """Major guidance changes and directory changes, newest first (the feed lists the same)."""
    items = recent_updates()
    return render(
        request,
        "guidance/updates.html",
        {"updates": items, "last_updated": items[0].date if items else None},
    )


@require_safe
def robots_txt(request):
    """Crawlers may read every public page; staff pages stay out. Points to the sitemap."""
    sitemap_url = request.build_absolute_uri(reverse("sitemap"))
    return HttpResponse(render_to_string("robots.txt", {"sitemap_url": sitemap_url}), content_type="text/plain; charset=utf-8")


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
