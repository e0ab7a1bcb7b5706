"""Store the segment map of every published revision that has none, and refresh each page's translation records.

Run on every deploy (after `migrate`): a database older than the segment maps gets them here, not in
a migration that would import the segment code of the day. A map once stored is never rewritten,
so running it again changes nothing.
"""

from django.core.management.base import BaseCommand
from django.db import transaction

from guidance.models import GuidancePage, Revision
from guidance.segments import page_status
from guidance.segments import status as segment_status


class Command(BaseCommand):
    help = "Fill missing segment maps of published guidance revisions and refresh translation records. Safe to rerun."

    def handle(self, *args, **options):
        filled = refreshed = 0
        for page in GuidancePage.objects.order_by("pk"):
            with transaction.atomic():
                revisions = list(page_status.published_in_order(page.revisions.all()))
                maps = segment_status.history_maps(revisions)
                for revision, segment_map in zip(revisions, maps, strict=True):
                    if "en" not in (revision.segments or {}):
                        Revision.objects.filter(pk=revision.pk).update(segments=segment_map)
                        filled += 1
                records = page_status.page_records(revisions, maps)
                if records != (page.translation_status, page.outdated_sections):
                    page.translation_status, page.outdated_sections = records
                    page.save(update_fields=["translation_status", "outdated_sections"])
                    refreshed += 1
        self.stdout.write(f"Segment maps stored: {filled}; pages whose translation records changed: {refreshed}.")
