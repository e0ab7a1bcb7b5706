"""Rebuild the site search index from what readers can see now (it is also kept up to date as content changes)."""

from django.core.management.base import BaseCommand
from django.db import transaction

from config.site.models import SearchEntry
from config.site.search.index import rebuild


class Command(BaseCommand):
    help = "Rebuild the site search index for every language."

    @transaction.atomic
    def handle(self, *args, **options):
        rebuild()
        self.stdout.write(f"search entries: {SearchEntry.objects.count()}")
