"""How fresh directory entries are: an address or phone not checked for 180 days is flagged to staff."""

import datetime

from django.db import transaction
from django.db.models import BooleanField, Case, Q, Value, When
from django.utils import timezone

CHECK_EVERY = datetime.timedelta(days=180)


def oldest_fresh_date(today=None):
    """Entries checked before this date (or never) need checking again."""
    return (today or timezone.localdate()) - CHECK_EVERY


def needs_check(verified_on, today=None):
    return verified_on is None or verified_on < oldest_fresh_date(today)


def with_freshness(queryset, today=None):
    """Annotate `needs_check` on offices or branches, for ordering and marking them in the admin.
    A former entry (the model's STILL_LISTED says which are not) never needs checking: it is history."""
    stale = Q(verified_on__isnull=True) | Q(verified_on__lt=oldest_fresh_date(today))
    stale &= getattr(queryset.model, "STILL_LISTED", Q())
    return queryset.annotate(
        needs_check=Case(When(stale, then=Value(True)), default=Value(False), output_field=BooleanField())
    )


@transaction.atomic
def mark_verified(queryset, seen_versions=None, today=None):
    """Record that staff checked these entries today. Returns (marked, left): the entries left are
    those changed since staff looked at them (`seen_versions`, {pk: version}): what they checked is
    not what the entry says now. Each check is saved like an edit, so the history records it."""
    marked, left = [], []
    for entry in queryset.select_for_update():
        seen = (seen_versions or {}).get(entry.pk)
        if seen is not None and seen != entry.version:
            left.append(entry)
            continue
        entry.verified_on = today or timezone.localdate()
        entry.save()
        marked.append(entry)
    return marked, left
