"""The daily digest of directory entries due for a check (config/sources/rounds.py) and of readers' open
reports on them, once per person per day however often it runs."""

from django.db import IntegrityError, transaction
from django.utils import timezone

from config.reports import queue

from . import directory, mail, people
from .models import DigestSent

PERMISSION = "offices.change_office"


def send_digests(today=None):
    """E-mail each editor who asked for it the entries of their cities to check. Returns the people told."""
    today = today or timezone.localdate()
    told = []
    editors = people.who_want(people.with_permission(PERMISSION).prefetch_related("staff_profile__cities"),
                              "directory_digest")
    for user in editors:
        cities = directory.city_ids(people.profile(user))
        offices = list(directory.OFFICES.to_check(cities, today).select_related("city").order_by("city__order", "name"))
        branches = list(directory.BRANCHES.to_check(cities, today).select_related("partner", "city"))
        partners = list(directory.PARTNERS.to_check(cities, today).order_by("order", "name"))
        reported = queue.by_entry(queue.open_reports(cities))
        if (offices or branches or partners or reported) and _send_once(user, today, offices, branches, partners, reported, cities):
            told.append(user)
    return told


def _send_once(user, today, offices, branches, partners, reported, cities):
    """Record the digest and send it in one transaction: the record stays only if the mail went out,
    and a second run (or one running at the same time) finds the record and sends nothing."""
    try:
        with transaction.atomic():
            _record, created = DigestSent.objects.get_or_create(user=user, day=today, defaults={
                "offices": [office.pk for office in offices], "branches": [branch.pk for branch in branches],
                "partners": [partner.pk for partner in partners],
            })
            if created:
                mail.send(
                    [user], "digest", offices=offices, branches=branches, partners=partners, reports=reported,
                    number=len(offices) + len(branches) + len(partners) + len(reported),
                    offices_url=mail.absolute(directory.OFFICES.list_url(cities)) if offices else "",
                    branches_url=mail.absolute(directory.BRANCHES.list_url(cities)) if branches else "",
                    partners_url=mail.absolute(directory.PARTNERS.list_url(cities)) if partners else "",
                    reports_url=mail.absolute(queue.queue_url(status="open", **queue.city_query(cities))) if reported else "",
                )
            return created
    except IntegrityError:
        return False  # another run recorded it first
