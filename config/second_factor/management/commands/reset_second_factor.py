"""Remove a staff member's authenticator app and recovery codes, e.g. after a lost phone."""

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from config.second_factor import devices


class Command(BaseCommand):
    help = (
        "Remove the second factor (authenticator app and recovery codes) of the named staff accounts. "
        "They set up a new one at their next log-in; sessions already verified stay so until they end."
    )

    def add_arguments(self, parser):
        parser.add_argument("usernames", nargs="+")

    def handle(self, *args, usernames, **options):
        User = get_user_model()
        for username in usernames:
            try:
                user = User.objects.get_by_natural_key(username)
            except User.DoesNotExist as error:
                raise CommandError(f"No account named {username!r}.") from error
            removed = devices.reset(user)
            self.stdout.write(f"{username}: {removed} device(s) removed; a new second factor is set up at the next log-in.")
