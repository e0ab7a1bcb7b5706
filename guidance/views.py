"""Public pages of guidance: home, the guidance pages and their history, about, updates, search, feedback."""

from functools import lru_cache
from pathlib import Path

from django.conf import settings
from django.contrib.staticfiles import finders
from django.db import connection, transaction
from django.http import Http404, HttpResponse, HttpResponseRedirect, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.cache import add_never_cache_headers, patch_cache_control
from django.utils.translation import get_language, get_language_from_request, override
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_safe
from django.views.decorators.vary import vary_on_headers

from offices.models import City
from offices.views import latest

from . import feedback as feedback_votes
from . import roles, translation_status
from .forms import ReasonForm, VoteForm
from .language_fallback import localized
from .models import GuidancePage, KeyFigure, Revision
from .page_cache import declare, depends_on
from .search import find, parse_query
from .updates import recent_updates


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
    shown_language = localized(revision, "body").language
    response = render(
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
    if preview:
        add_never_cache_headers(response)  # a draft is for the staff member who asked: never stored
    return response


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


@transaction.non_atomic_requests
@depends_on("guidance", "directory")
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


@require_safe
def search(request):
    query = parse_query(request.GET.get("q", ""), get_language())
    results = find(query)
    context = {"search_query": query, "results": results, "last_updated": None}
    if not results:
        # Nothing found (or nothing asked): show the ways on that every page starts from.
        context["pages"] = list(GuidancePage.objects.for_reading())
        context["cities"] = list(City.objects.listed())
    return render(request, "guidance/search.html", context)


@csrf_exempt  # the form is on cached pages: see feedback.is_same_origin for the protection used instead
@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def feedback(request, slug):
    """POST: a reader's Yes/No about a page. GET: thanks, and the optional reason after a No."""
    guidance_page = get_object_or_404(GuidancePage.objects.for_reading(), slug=slug)
    status = 200
    vote_form = VoteForm(page=guidance_page, initial={"revision": guidance_page.current_revision_id})
    if request.method == "POST":
        if not feedback_votes.is_same_origin(request):
            return render(request, "guidance/feedback_refused.html", {"page": guidance_page}, status=403)
        vote_form = VoteForm(request.POST, page=guidance_page)
        if vote_form.is_valid():
            feedback_votes.record_vote(
                request.session, vote_form.cleaned_data["revision"], get_language(), vote_form.useful
            )
            return redirect("guidance:feedback", slug=slug)
        status = 400
    return _feedback_page(request, guidance_page, vote_form=vote_form, status=status)


@require_http_methods(["GET", "HEAD", "POST"])
def feedback_reason(request, slug):
    """The reason for a "No", from the uncached thank-you page (so Django's usual CSRF token works here)."""
    guidance_page = get_object_or_404(GuidancePage.objects.for_reading(), slug=slug)
    if request.method != "POST":  # a bookmarked or reloaded address: the thank-you page has the form
        return redirect("guidance:feedback", slug=slug)
    form = ReasonForm(request.POST)
    if form.is_valid():
        feedback_votes.add_reason(request.session, guidance_page, form.cleaned_data["reason"])
    elif feedback_votes.vote_awaiting_reason(request.session, guidance_page):
        return _feedback_page(request, guidance_page, reason_form=form, status=400)
    return redirect("guidance:feedback", slug=slug)


def _feedback_page(request, guidance_page, *, vote_form=None, reason_form=None, status=200):
    answered = feedback_votes.has_answered(request.session, guidance_page)
    awaiting_reason = feedback_votes.vote_awaiting_reason(request.session, guidance_page)
    return render(
        request,
        "guidance/feedback.html",
        {
            "page": guidance_page,
            "revision": guidance_page.current_revision,
            "answered": answered,
            "vote_form": vote_form,
            "reason_form": (reason_form or ReasonForm()) if awaiting_reason else None,
            "last_updated": None,
        },
        status=status,
    )
