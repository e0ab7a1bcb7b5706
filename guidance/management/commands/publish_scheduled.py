"""Publish the guidance revisions whose scheduled time has come. Run it every few minutes (see docs/operations.md)."""

from django.core.management.base import BaseCommand

from guidance.publishing import publish_due


class Command(BaseCommand):
    help = "Publish scheduled guidance revisions that are due. Safe to run as often as you like."

    def handle(self, *args, **options):
        published, held = publish_due()
        for revision in published:
            self.stdout.write(f"Published: {revision.page.slug} (revision {revision.pk})")
        for revision in held:
            self.stderr.write(
                f"Not published: {revision.page.slug} (revision {revision.pk}) — the page changed after it "
                "was approved; it is back in review."
            )
        if not published and not held:
            self.stdout.write("Nothing is due.")
