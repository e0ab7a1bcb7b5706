"""The daily digest of directory entries to check, once per person per day however often it runs."""

from django.db import IntegrityError, transaction
from django.utils import timezone

from . import directory, mail, people
from .models import DigestSent

PERMISSION = "offices.change_office"


def send_digests(today=None):
    """E-mail each editor who asked for it the offices of their cities to check. Returns the people told."""
    today = today or timezone.localdate()
    told = []
    editors = people.who_want(people.with_permission(PERMISSION).prefetch_related("staff_profile__cities"),
                              "directory_digest")
    for user in editors:
        cities = directory.city_ids(people.profile(user))
        offices = list(directory.to_check(cities, today).select_related("city").order_by("city__order", "name"))
        if offices and _send_once(user, today, offices, cities):
            told.append(user)
    return told


def _send_once(user, today, offices, cities):
    """Record the digest and send it in one transaction: the record stays only if the mail went out,
    and a second run (or one running at the same time) finds the record and sends nothing."""
    try:
        with transaction.atomic():
            _record, created = DigestSent.objects.get_or_create(
                user=user, day=today, defaults={"offices": [office.pk for office in offices]}
            )
            if created:
                mail.send([user], "digest", offices=offices, list_url=mail.absolute(directory.list_url(cities)))
            return created
    except IntegrityError:
        return False  # another run recorded it first
