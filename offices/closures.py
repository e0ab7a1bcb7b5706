"""Temporary closures of offices and partner branches: what readers are told, and when a page that
shows one changes by itself (the closure starts, or is over), so the page cache follows with no save."""

from dataclasses import dataclass
from datetime import date, timedelta

from django.utils import timezone
from django.utils.translation import gettext

from config.language_fallback import localized
from config.page_cache import changed_at, valid_until
from config.periods import days_text, start_of_day
from config.sources import rounds

from . import hours


@dataclass(frozen=True)
class Closure:
    """A closure from its first to its last day; readers are told from before it starts until it is over."""

    first_day: date
    last_day: date
    in_effect: bool  # closed today
    place: object

    @property
    def label(self):
        return gettext("Temporarily closed") if self.in_effect else gettext("Will be closed")

    @property
    def dates(self):
        return days_text(self.first_day, self.last_day)

    @property
    def reason(self):
        """The reason in the reader's language (or its fallback), as a Localized value."""
        return localized(self.place, "closure_reason")

    def summary(self, label=None):
        """One line of plain text: label, dates and reason (open data, search)."""
        parts = [label or self.label, self.dates, self.reason.value]
        return " · ".join(part for part in parts if part)


def closure_of(place, today=None):
    """The closure of an office or branch readers are told about on `today`, or None when it is over."""
    if place.closed_from is None or place.closed_until is None:
        return None
    today = today or timezone.localdate()
    if place.closed_until < today:
        return None
    return Closure(place.closed_from, place.closed_until, place.closed_from <= today, place)


def is_closed(place, today=None):
    closure = closure_of(place, today)
    return closure is not None and closure.in_effect


def moments(places):
    """When what the places' cards say changes: each closure's first day, and the day after its last."""
    for place in places:
        if place.closed_from is not None and place.closed_until is not None:
            yield start_of_day(place.closed_from)
            yield start_of_day(place.closed_until + timedelta(days=1))


def follow_closures(request, places):
    """Tell the page cache when this page changes by itself because of the places' closures, the
    public holidays their opening hours name, and the due dates of their next checks (past one, a
    place is "not confirmed since" its last check)."""
    now = timezone.now()
    times = [*moments(places), *hours.moments(places, timezone.localdate()), *rounds.moments(places)]
    valid_until(request, min((moment for moment in times if moment > now), default=None))
    changed_at(request, max((moment for moment in times if moment <= now), default=None))
