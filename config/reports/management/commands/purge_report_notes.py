"""Delete the notes of readers' reports that came 90 days ago or earlier (run daily)."""

from django.core.management.base import BaseCommand

from config.reports.notes import purge_old_notes


class Command(BaseCommand):
    help = "Deletes the notes of readers' reports of wrong information older than 90 days or resolved."

    def handle(self, *args, **options):
        self.stdout.write(f"Notes deleted: {purge_old_notes()}")
