"""Verification rounds: how often each kind of directory entry is checked, when its next check is due,
and which entries are due. The one place that says "every 90 days, every 30 for application points and
hotlines"; staff may set another interval on an entry (`check_every_days`).

An entry's due date counts from its last dated check (`Check`); an entry never checked on a known day is
due at once. Readers are told an entry is "not confirmed since" its last check from the day after its
due date; pages that show one change by themselves then (`moments`, for the page cache).
"""

import datetime

from django.db.models import BooleanField, Case, Q, Value, When
from django.utils import timezone

from config.periods import start_of_day

DEFAULT_DAYS = 90
# (model label, kind) → days; the kind is the entry's `kind` field where it has one. Kept as labels so
# this module, below the apps, names them without importing them.
SOONER = {
    ("offices.office", "asylum"): 30,  # application points: a wrong door costs a person their deadline
    ("offices.office", "hotline"): 30,
}
EVERY = {"guidance.keyfigure": 180}  # a figure changes with its source's next report


def usual_days(entry):
    """The interval the rule gives this entry, before any staff override."""
    label = entry._meta.label_lower
    return SOONER.get((label, getattr(entry, "kind", None)), EVERY.get(label, DEFAULT_DAYS))


def interval(entry):
    return datetime.timedelta(days=entry.check_every_days or usual_days(entry))


def due_date(entry):
    """The day the entry's next check is due, or None when it was never checked on a known day."""
    if entry.verified_on is None:
        return None
    return entry.verified_on + interval(entry)


def is_overdue(entry, today=None):
    """Past its due date: readers are told it is not confirmed since its last check."""
    due = entry.next_check_due
    return due is not None and due < (today or timezone.localdate())


def due_filter(today=None):
    """Entries due for a check on `today` (or before), or never checked; only those still listed
    (a model's STILL_LISTED): a former office is history, nobody checks it."""
    today = today or timezone.localdate()
    return Q(next_check_due__isnull=True) | Q(next_check_due__lte=today)


def due(queryset, today=None):
    return queryset.filter(due_filter(today)).filter(getattr(queryset.model, "STILL_LISTED", Q()))


def not_due(queryset, today=None):
    return queryset.exclude(due_filter(today)).filter(getattr(queryset.model, "STILL_LISTED", Q()))


def moments(entries):
    """When what the entries' cards say changes by itself: the day after each due date."""
    for entry in entries:
        if entry.next_check_due is not None:
            yield start_of_day(entry.next_check_due + datetime.timedelta(days=1))


def with_due(queryset, today=None):
    """Annotate `is_due` (for ordering and marking entries in the admin)."""
    due_now = due_filter(today) & getattr(queryset.model, "STILL_LISTED", Q())
    return queryset.annotate(is_due=Case(When(due_now, then=Value(True)), default=Value(False), output_field=BooleanField()))
