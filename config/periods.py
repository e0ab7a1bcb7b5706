"""Days and moments as readers read them, in the site's time zone (Asia/Almaty): "On 16 December 2026",
"From 16 December 2026, 09:00 to 18 December 2026, 18:00". Notices and closures always show their dates,
so a printed sheet or an offline copy never carries one without them."""

from datetime import datetime, time, timedelta

from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext


def start_of_day(day):
    """Midnight at the start of `day` in the site's time zone, as an aware datetime."""
    return timezone.make_aware(datetime.combine(day, time.min))


def day_text(day):
    return date_format(day, "DATE_FORMAT")


def moment_text(moment):
    """A date, with the time of day unless it is midnight."""
    local = timezone.localtime(moment)
    if local.time() == time.min:
        return day_text(local.date())
    return gettext("%(date)s, %(time)s") % {"date": day_text(local.date()), "time": date_format(local, "H:i")}


def days_text(first, last):
    """A closure from its first to its last day (both included)."""
    if first == last:
        return gettext("On %(date)s") % {"date": day_text(first)}
    return gettext("From %(start)s to %(end)s") % {"start": day_text(first), "end": day_text(last)}


def period_text(starts, ends=None):
    """From a start to an optional end; whole days are shown as days (an end at midnight is the day before)."""
    if ends is None:
        return gettext("From %(start)s") % {"start": moment_text(starts)}
    first, end = timezone.localtime(starts), timezone.localtime(ends)
    if first.time() == time.min and end.time() == time.min and end > first:
        return days_text(first.date(), (end - timedelta(days=1)).date())
    return gettext("From %(start)s to %(end)s") % {"start": moment_text(starts), "end": moment_text(ends)}
