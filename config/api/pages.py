"""Guidance pages in a language: sections, current revision, change notes, source dates, translation flags."""

from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.translation import override
from ninja import Router

from config.language_fallback import localized
from config.page_cache import declare
from guidance.models import GuidancePage, in_every_language
from guidance.rendering import render_markdown
from guidance.sections import sections_for_reader
from guidance.segments import page_status

from . import schemas
from .caching import cached
from .doors import text
from .languages import content_language

router = Router(tags=["guidance"])


def absolute_page(request, page, language):
    with override(language):
        return request.build_absolute_uri(page.get_absolute_url())


def page_summary(request, page, language):
    revision = page.current_revision
    return {
        "slug": page.slug,
        "audience": page.audience,
        "title": text(revision, "title", language),
        "summary": text(revision, "summary", language),
        "last_major_update": page.last_major_update,
        "url": absolute_page(request, page, language),
        "api_url": request.build_absolute_uri(reverse("api:page", kwargs={"lang": language, "slug": page.slug})),
    }


def sources(revision):
    return [{"title": s.title, "as_of": s.as_of, "year": s.year} for s in revision.sources.all()]


@router.get("/{lang}/pages/", response=list[schemas.PageSummary], summary="Every guidance page, title and summary")
@cached("guidance")
def pages(request, lang: str):
    language = content_language(lang)
    return [page_summary(request, page, language) for page in GuidancePage.objects.for_listing()]


@router.get("/{lang}/pages/{slug}/", response=schemas.Page, summary="A guidance page with its sections and history")
@cached()  # and the page itself, declared below
def page(request, lang: str, slug: str):
    language = content_language(lang)
    guidance_page = get_object_or_404(GuidancePage.objects.for_reading().prefetch_related("current_revision__sources"), slug=slug)
    declare(request, f"guidance-page:{guidance_page.pk}")
    revision = guidance_page.current_revision
    behind = page_status.reader_outdated_sections(guidance_page, localized(revision, "body", language).language)
    anchors = [heading.anchor for heading in render_markdown(localized(revision, "body", language).value).headings]
    history = guidance_page.revisions.history().defer("summary", "body", *in_every_language("summary", "body"))
    return {
        **page_summary(request, guidance_page, language),
        "language": language,
        "translation": {
            "state": (guidance_page.translation_status or {}).get(language, page_status.TranslationState.MISSING),
            "title_and_summary_behind": -1 in behind,
        },
        "current_revision": {
            "id": revision.pk,
            "published_at": revision.published_at,
            "significance": revision.significance,
            "change_note": text(revision, "change_note", language),
            "dated_by_source": revision.dated_by_source,
            "sources": sources(revision),
        },
        "sections": [
            {
                "number": section.number,
                "heading": section.heading,
                "anchor": anchors[section.number - 1] if 0 < section.number <= len(anchors) else "",
                "markdown": {"value": section.text.value, "language": section.text.language, "is_fallback": section.text.is_fallback},
                "html": render_markdown(section.text.value).html,
                "translation_behind": section.number in behind,
            }
            for section in sections_for_reader(revision, language)
        ],
        "history": [
            {"published_at": change.published_at, "change_note": text(change, "change_note", language), "sources": sources(change)}
            for change in history
        ],
    }
