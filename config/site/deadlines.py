"""Date arithmetic for a person's deadlines: calendar days, working days with Kazakhstan's public
holidays (the `holidays` package keeps them, with the days moved by government decree both ways:
a weekday off, and the Saturday worked in its place), months, and the last working day before a day off."""

import calendar
import datetime
from functools import lru_cache

import holidays


@lru_cache(maxsize=16)
def _public_holidays(year):
    return holidays.country_holidays("KZ", years=year)


def is_working_day(day):
    """Monday to Friday and not a public holiday of Kazakhstan, or a Saturday a decree made a working day."""
    return _public_holidays(day.year).is_working_day(day)


def last_working_day_by(day):
    """`day` itself when offices work that day, else the working day before it: the day to go by."""
    while not is_working_day(day):
        day -= datetime.timedelta(days=1)
    return day


def calendar_days_after(start, days):
    """The last day of a period of `days` calendar days that starts the day after `start`."""
    return start + datetime.timedelta(days=days)


def calendar_days_counting(start, days):
    """The last day of a period of `days` calendar days that counts `start` as its first day: the
    earlier of the two readings of "within N days of" when a text does not say which it means."""
    return start + datetime.timedelta(days=days - 1)


def working_days_after(start, days):
    """The last day of a period of `days` working days counted from the day after `start`."""
    day, counted = start, 0
    while counted < days:
        day += datetime.timedelta(days=1)
        if is_working_day(day):
            counted += 1
    return day


def months_after(start, months):
    """The same day of the month `months` later; the month's last day when it has no such day
    (30 November + 3 months = 28 February)."""
    month_index = start.month - 1 + months
    year, month = start.year + month_index // 12, month_index % 12 + 1
    return datetime.date(year, month, min(start.day, calendar.monthrange(year, month)[1]))


def years_after(start, years):
    return months_after(start, 12 * years)
