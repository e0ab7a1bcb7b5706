"""Staff members with an e-mail address and their notification choices, for the tests of config/staff."""

from config.staff.models import StaffProfile

from .staff import staff_client


def member(role=None, *, superuser=False, language="en", translates=(), cities=(), **choices):
    """A logged-in test client for a new staff member with an address and a profile with these choices."""
    client = staff_client(role, superuser=superuser)
    client.user.email = f"{client.user.username}@example.org"
    client.user.save()
    profile = StaffProfile.objects.create(user=client.user, language=language, translates=list(translates), **choices)
    profile.cities.set(cities)
    return client


def sent_to(outbox, user):
    return [message for message in outbox if message.to == [user.email]]
