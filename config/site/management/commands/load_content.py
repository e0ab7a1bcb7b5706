"""Load the site's starting content from the data files in each app. Safe to run again."""

from collections import Counter

from django.core.management.base import BaseCommand
from django.db import transaction

from config.content_files import MACHINE_ASSISTED_LANGUAGES
from config.history import recording as history
from config.site import content as site_content
from config.sources import content as sources_content
from guidance import content as guidance_content
from guidance import native_review
from offices import content as offices_content
from partners import content as partners_content


class Command(BaseCommand):
    help = "Load cities, offices, partners, guidance, key figures and notices; never overwrites what staff edited."

    @transaction.atomic
    def handle(self, *args, **options):
        created, kept = Counter(), Counter()

        def report(model, was_created):
            (created if was_created else kept)[model._meta.verbose_name_plural] += 1

        before = native_review.known_entries()
        # The starting content is not news for the Updates page, and no staff member changed it.
        with history.not_recorded():
            for loader in (sources_content, offices_content, partners_content, guidance_content, site_content):
                loader.load(report)
        # the directory's machine-assisted translations wait for a native speaker (pages: guidance.content)
        native_review.mark_new_entries(before, MACHINE_ASSISTED_LANGUAGES)
        for name in sorted(set(created) | set(kept)):
            self.stdout.write(f"{name}: {created[name]} added, {kept[name]} already there")
