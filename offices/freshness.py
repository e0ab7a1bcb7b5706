"""How fresh directory entries are: an address or phone not checked for 180 days is flagged to staff."""

import datetime

from django.db.models import BooleanField, Case, Q, Value, When
from django.utils import timezone

from config import page_cache

CHECK_EVERY = datetime.timedelta(days=180)


def oldest_fresh_date(today=None):
    """Entries checked before this date (or never) need checking again."""
    return (today or timezone.localdate()) - CHECK_EVERY


def needs_check(verified_on, today=None):
    return verified_on is None or verified_on < oldest_fresh_date(today)


def with_freshness(queryset, today=None):
    """Annotate `needs_check` on offices or branches, for ordering and marking them in the admin."""
    stale = Q(verified_on__isnull=True) | Q(verified_on__lt=oldest_fresh_date(today))
    return queryset.annotate(
        needs_check=Case(When(stale, then=Value(True)), default=Value(False), output_field=BooleanField())
    )


def mark_verified(queryset, today=None):
    """Record that staff checked these entries today. Returns how many."""
    count = queryset.update(verified_on=today or timezone.localdate(), updated_at=timezone.now())
    page_cache.rows_updated(queryset.model)  # readers see the date checked: an update() sends no signal
    return count
