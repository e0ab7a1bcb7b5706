"""Publishing rules for guidance revisions: atomic, append-only, dated by significance."""

from django.db import transaction
from django.utils import timezone

from .models import GuidancePage, Revision, Significance
from .search_index import refresh_guidance_page


@transaction.atomic
def publish(revision, *, when=None):
    """Make a draft the text readers see. Only a major change moves the "last updated" date."""
    when = when or timezone.now()
    page = GuidancePage.objects.select_for_update().get(pk=revision.page_id)
    revision.status = Revision.Status.PUBLISHED
    revision.published_at = when
    revision.save()
    current = page.current_revision
    # A back-dated revision (loaded from history) never hides a newer one.
    if current is None or current.published_at <= when:
        page.current_revision = revision
        if revision.significance == Significance.MAJOR or page.last_major_update is None:
            page.last_major_update = when
    page.save(update_fields=["current_revision", "last_major_update"])
    if page.current_revision == revision:
        refresh_guidance_page(page)
    return revision
