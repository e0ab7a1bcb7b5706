"""The plan's dates as a calendar file (iCalendar, RFC 5545), made on the fly for the person who asks, never stored.

A phone's calendar shows event titles on the lock screen and may sync them to a server, so the
events say as little as possible: a neutral title, no location, no description, nothing that names
the procedure. The person sees the plan page for what each date is.
"""

import datetime
import hashlib

from django.utils.translation import pgettext
from icalendar import Calendar, Event

PRODUCT_ID = "-//Help for people forced to flee in Kazakhstan//Plan//EN"


def plan_calendar(steps, *, made_at):
    """The iCalendar file (bytes) with one all-day event for each dated step, and one for each day to go by."""
    calendar = Calendar()
    calendar.add("prodid", PRODUCT_ID)
    calendar.add("version", "2.0")
    days = sorted({day for step in steps for day in (step.deadline, step.go_by) if day is not None})
    for number, day in enumerate(days, start=1):
        event = Event()
        # Translators: the title of a date in a person's phone calendar; it must not say what the date is for
        event.add("summary", pgettext("calendar event", "Reminder %(number)s") % {"number": number})
        event.add("dtstart", day)
        event.add("dtend", day + datetime.timedelta(days=1))
        event.add("dtstamp", made_at)
        # A stable id from the day alone: a second download updates the same events instead of adding more.
        event.add("uid", hashlib.sha256(f"plan:{day.isoformat()}".encode()).hexdigest()[:32] + "@plan")
        calendar.add_component(event)
    return calendar.to_ical()
