"""Create the first staff account from the environment, if asked to; there is no default password."""

import os

from django.contrib.auth import get_user_model
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError


class Command(BaseCommand):
    help = (
        "Create a superuser from STAFF_USERNAME, STAFF_PASSWORD and STAFF_EMAIL when they are set "
        "and the user does not exist yet. Otherwise do nothing."
    )

    def handle(self, *args, **options):
        username = os.environ.get("STAFF_USERNAME", "").strip()
        password = os.environ.get("STAFF_PASSWORD", "")
        if not username or not password:
            self.stdout.write(
                "No staff account created: set STAFF_USERNAME and STAFF_PASSWORD, "
                "or run `.venv/bin/python manage.py createsuperuser`."
            )
            return
        User = get_user_model()
        if User.objects.filter(username=username).exists():
            self.stdout.write(f"Staff account {username!r} already exists; left unchanged.")
            return
        user = User(username=username, email=os.environ.get("STAFF_EMAIL", ""), is_staff=True, is_superuser=True)
        try:
            validate_password(password, user)
        except ValidationError as error:
            raise CommandError("STAFF_PASSWORD is too weak: " + " ".join(error.messages)) from error
        user.set_password(password)
        user.save()
        self.stdout.write(
            f"Staff account {username!r} created. At its first log-in it sets up its second factor "
            "(an authenticator app) and gets its recovery codes: docs/staff-guide.md."
        )
