"""Who may be told what: staff by permission, with their choices (a person without a profile has the defaults)."""

from django.conf import settings
from django.contrib.auth import get_user_model

from .models import StaffProfile

BACKEND = "django.contrib.auth.backends.ModelBackend"  # the one that knows permissions (axes only guards log-ins)


def profile(user):
    """The person's choices; an unsaved profile with the defaults when they never chose."""
    try:
        return user.staff_profile
    except StaffProfile.DoesNotExist:
        return StaffProfile(user=user)


def translated_languages(user):
    """The languages a person says they translate ("My notifications"); guidance holds translators to them."""
    return profile(user).translates


def with_permission(permission):
    """Active staff members who may do this (superusers too), with an e-mail address, and their profiles."""
    users = get_user_model().objects.with_perm(permission, include_superusers=True, backend=BACKEND)
    return users.filter(is_staff=True).exclude(email="").select_related("staff_profile").order_by("pk")


def who_want(users, notification, *, besides=None):
    """The people among `users` who asked for this notification; never `besides` (who did the thing)."""
    return [user for user in users if user != besides and profile(user).wants(notification)]


def wants_one(user, notification, *, besides=None):
    """The person, if active staff with an address who asked for this, as a list of zero or one."""
    if user is None or not (user.is_active and user.is_staff and user.email):
        return []
    return who_want([user], notification, besides=besides)


def remember_language(sender, request, user, **kwargs):
    """At a staff member's first log-in, keep the language their admin speaks as their e-mails' language.

    Someone who never opens "My notifications" would otherwise be written to in English, which a
    Russian- or Dari-speaking colleague may not read. A choice already made is never changed.
    """
    language = getattr(request, "LANGUAGE_CODE", None)
    if user.is_staff and language in dict(settings.LANGUAGES):
        StaffProfile.objects.get_or_create(user=user, defaults={"language": language})
