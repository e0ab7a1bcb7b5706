"""Public pages of guidance: the guidance pages, their history, the staff preview, and feedback."""

from django.conf import settings
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.cache import add_never_cache_headers
from django.utils.translation import get_language, override
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_safe
from modeltranslation.utils import build_localized_fieldname

from config.language_fallback import localized
from config.middleware import serves
from config.page_cache import declare, depends_on
from config.same_origin import is_same_origin

from . import feedback as feedback_votes
from . import recordings, roles
from .forms import ReasonForm, VoteForm
from .models import GuidancePage, Recording, Revision, in_every_language
from .rendering import render_markdown
from .segments import page_status


@depends_on("guidance")
def page(request, slug):
    guidance_page = get_object_or_404(GuidancePage.objects.for_reading().with_recordings(get_language()), slug=slug)
    return render_revision(request, guidance_page, guidance_page.current_revision)


def render_revision(request, guidance_page, revision, *, preview=False):
    """A revision exactly as a reader sees it; also used by the staff preview."""
    menu = GuidancePage.objects.menu().without(guidance_page)  # the other pages: titles and summaries only
    shown_language = localized(revision, "body").language
    behind = set() if preview else page_status.reader_outdated_sections(guidance_page, shown_language)
    if not hasattr(guidance_page, "reader_recordings"):  # the staff preview: the page was not read for readers
        guidance_page.reader_recordings = list(Recording.objects.current().filter(page=guidance_page, language=get_language()))
    response = render(
        request,
        "guidance/page.html",
        {
            "page": guidance_page,
            "revision": revision,
            "other_pages": menu.choices,
            "more_pages": menu.more,
            "preview": preview,
            "last_updated": guidance_page.last_major_update,
            "outdated_translation": bool(behind & {-1, 0}),
            "outdated_sections": english_section_urls(guidance_page, revision, behind),
            "listen": recordings.for_reader(revision, guidance_page.reader_recordings),
        },
    )
    if preview:
        add_never_cache_headers(response)  # a draft is for the staff member who asked: never stored
    return response


def english_section_urls(guidance_page, revision, sections):
    """{section number: address of that section of the English page} for the sections behind the English."""
    wanted = sorted(number for number in sections if number > 0)
    if not wanted:
        return {}
    with override(settings.LANGUAGE_CODE):
        english_url = reverse("guidance:page", kwargs={"slug": guidance_page.slug})
    headings = render_markdown(getattr(revision, build_localized_fieldname("body", settings.LANGUAGE_CODE))).headings
    return {
        number: f"{english_url}#{headings[number - 1].anchor}" if number <= len(headings) else english_url
        for number in wanted
    }


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


@depends_on()  # and the page itself, declared below
def history(request, slug):
    guidance_page = get_object_or_404(GuidancePage.objects.for_listing(), slug=slug)
    declare(request, f"guidance-page:{guidance_page.pk}")
    revisions = list(guidance_page.revisions.history().defer("summary", "body", *in_every_language("summary", "body")))
    return render(
        request,
        "guidance/history.html",
        {"page": guidance_page, "revisions": revisions, "last_updated": guidance_page.last_major_update},
    )


@serves("POST")
@csrf_exempt  # the form is on cached pages: see config.same_origin for the protection used instead
@never_cache
def feedback(request, slug):
    """POST: a reader's Yes/No about a page. GET: thanks, and the optional reason after a No."""
    guidance_page = get_object_or_404(GuidancePage.objects.for_reading(), slug=slug)
    pages = feedback_votes.answered(request)
    status = 200
    vote_form = VoteForm(page=guidance_page, initial={"revision": guidance_page.current_revision_id})
    if request.method == "POST":
        if not is_same_origin(request):
            return _refused(request, guidance_page, status=403)
        vote_form = VoteForm(request.POST, page=guidance_page)
        if vote_form.is_valid():
            if not feedback_votes.has_answered(pages, guidance_page):
                if not feedback_votes.vote_allowed(request):
                    return _refused(request, guidance_page, status=429)
                pages = feedback_votes.record_vote(
                    pages, vote_form.cleaned_data["revision"], get_language(), vote_form.useful
                )
            return feedback_votes.remember(redirect("guidance:feedback", slug=slug), pages)
        status = 400
    return _feedback_page(request, guidance_page, pages, vote_form=vote_form, status=status)


@serves("POST")
@csrf_exempt  # like the vote: no CSRF cookie on the public site
@never_cache
def feedback_reason(request, slug):
    """The reason for a "No", from the thank-you page."""
    guidance_page = get_object_or_404(GuidancePage.objects.for_reading(), slug=slug)
    if request.method != "POST":  # a bookmarked or reloaded address: the thank-you page has the form
        return redirect("guidance:feedback", slug=slug)
    if not is_same_origin(request):
        return _refused(request, guidance_page, status=403)
    pages = feedback_votes.answered(request)
    form = ReasonForm(request.POST)
    if form.is_valid():
        pages = feedback_votes.add_reason(pages, guidance_page, form.cleaned_data["reason"])
    elif feedback_votes.vote_awaiting_reason(pages, guidance_page):
        return _feedback_page(request, guidance_page, pages, reason_form=form, status=400)
    return feedback_votes.remember(redirect("guidance:feedback", slug=slug), pages)


def _refused(request, guidance_page, *, status):
    """403: not sent from our own page; 429: too many answers from this connection this hour."""
    context = {"page": guidance_page, "too_many": status == 429}
    return render(request, "guidance/feedback_refused.html", context, status=status)


def _feedback_page(request, guidance_page, pages, *, vote_form=None, reason_form=None, status=200):
    awaiting_reason = feedback_votes.vote_awaiting_reason(pages, guidance_page)
    return render(
        request,
        "guidance/feedback.html",
        {
            "page": guidance_page,
            "revision": guidance_page.current_revision,
            "answered": feedback_votes.has_answered(pages, guidance_page),
            "vote_form": vote_form,
            "reason_form": (reason_form or ReasonForm()) if awaiting_reason else None,
            "last_updated": None,
        },
        status=status,
    )
