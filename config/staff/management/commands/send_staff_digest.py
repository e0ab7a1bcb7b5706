"""E-mail editors the directory entries of their cities to check. Run it once a day (see docs/operations.md)."""

from django.core.management.base import BaseCommand

from config.staff.digest import send_digests


class Command(BaseCommand):
    help = "Send the daily digest of directory entries to check. Safe to run more than once a day: each person gets one."

    def handle(self, *args, **options):
        told = send_digests()
        self.stdout.write(f"Digests sent: {len(told)}")
