"""Apply the directory updates shipped in offices/content/updates/ and partners/content/updates/. Safe to run again."""

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from config.content_files import MACHINE_ASSISTED_LANGUAGES
from config.site.directory_updates import apply_updates
from guidance import native_review


class Command(BaseCommand):
    help = (
        "Bring a running site's directory up to the shipped facts, recorded like a staff edit (field history "
        "with the source, translation flags, Updates). Leaves staff edits alone; running it twice changes nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument("--user", help="The staff account the changes are attributed to (default: none, the note names the update).")

    def handle(self, *args, user=None, **options):
        person = None
        if user:
            person = get_user_model().objects.filter(username=user).first()
            if person is None:
                raise CommandError(f"No account {user!r}.")
        before = native_review.known_entries()
        report = apply_updates(person)
        native_review.mark_new_entries(before, MACHINE_ASSISTED_LANGUAGES)  # the notices it adds, as load_content
        for line in report.lines:
            self.stdout.write(line)
        self.stdout.write(f"{len(report.changed)} changed, {len(report.skipped)} left as staff edited them, {len(report.unchanged)} already current")
