"""Weekly opening hours of offices and branches, kept in the shape of Open Referral HSDS 3.0's
`schedule` (byday, opens_at, closes_at, valid_from, valid_to), and the days they are closed for
Kazakhstan's public holidays. Never invented: an entry without hours from a source has none.

Readers see absolute dates ("Closed on Wednesday 16 December: Independence Day"), never "today" or
"open now": pages are cached for hours and kept offline; the page changes when a listed day passes.
"""

import datetime
from dataclasses import dataclass
from functools import lru_cache

import holidays
from django.core.exceptions import ValidationError
from django.utils.dates import WEEKDAYS
from django.utils.formats import date_format
from django.utils.translation import gettext, pgettext
from django.utils.translation import gettext_lazy as _

from config.periods import start_of_day

DAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")  # RFC 5545 BYDAY codes, as HSDS uses them
CLOSURES_AHEAD = datetime.timedelta(days=31)  # public holidays readers are told about in advance

# Kazakhstan's public holidays as the `holidays` package names them in English, in readers' words.
HOLIDAY_NAMES = {
    "New Year's Day": _("New Year's Day"),
    "Orthodox Christmas": _("Orthodox Christmas"),
    "International Women's Day": _("International Women's Day"),
    "Nowruz Holiday": _("Nauryz"),
    "Kazakhstan's People Solidarity Holiday": _("Day of Unity of the People of Kazakhstan"),
    "Defender of the Fatherland Day": _("Defender of the Fatherland Day"),
    "Victory Day": _("Victory Day"),
    "Eid al-Adha": _("Kurban Ait"),
    "Capital Day": _("Capital Day"),
    "Constitution Day": _("Constitution Day"),
    "Republic Day": _("Republic Day"),
    "Independence Day": _("Independence Day"),
}


def clock(moment):
    """9:00, 18:30: the 24-hour clock Kazakhstan reads, in every language."""
    return f"{moment.hour}:{moment.minute:02d}"


def _time(text):
    return datetime.datetime.strptime(text, "%H:%M").time()


def validate_schedule(value):
    """A list of HSDS schedule rows: {"byday": "MO,TU", "opens_at": "09:00", "closes_at": "18:00"},
    optionally with "valid_from" and "valid_to" (ISO dates)."""
    if not isinstance(value, list):
        raise ValidationError(_("Opening hours must be a list of weekly rules."))
    for rule in value:
        try:
            days = rule["byday"].split(",")
            opens, closes = _time(rule["opens_at"]), _time(rule["closes_at"])
            for key in ("valid_from", "valid_to"):
                if rule.get(key):
                    datetime.date.fromisoformat(rule[key])
        except (KeyError, TypeError, AttributeError, ValueError):
            raise ValidationError(_("Each rule needs its days, and when it opens and closes (09:00).")) from None
        if not days or set(days) - set(DAYS):
            raise ValidationError(_("Days are written MO, TU, WE, TH, FR, SA, SU."))
        if closes <= opens:
            raise ValidationError(_("A place cannot close before it opens."))


@dataclass(frozen=True)
class Rule:
    days: tuple  # weekday numbers, Monday = 0
    opens: datetime.time
    closes: datetime.time
    valid_from: datetime.date | None = None
    valid_to: datetime.date | None = None

    @classmethod
    def from_hsds(cls, row):
        def day(key):
            return datetime.date.fromisoformat(row[key]) if row.get(key) else None

        days = tuple(DAYS.index(code) for code in row["byday"].split(","))
        return cls(days, _time(row["opens_at"]), _time(row["closes_at"]), day("valid_from"), day("valid_to"))

    def applies_on(self, day):
        return (
            day.weekday() in self.days
            and (self.valid_from is None or self.valid_from <= day)
            and (self.valid_to is None or day <= self.valid_to)
        )

    @property
    def days_text(self):
        """"Monday–Friday", "Monday, Wednesday": consecutive days as a range, in the reader's language."""
        runs, run = [], [self.days[0]]
        for number in self.days[1:]:
            if number == run[-1] + 1:
                run.append(number)
            else:
                runs.append(run)
                run = [number]
        runs.append(run)
        names = [
            gettext("%(first)s–%(last)s") % {"first": WEEKDAYS[r[0]], "last": WEEKDAYS[r[-1]]} if len(r) > 2
            else ", ".join(str(WEEKDAYS[n]) for n in r)
            for r in runs
        ]
        return ", ".join(names)

    @property
    def text(self):
        line = gettext("%(days)s: %(opens)s–%(closes)s") % {
            "days": self.days_text, "opens": clock(self.opens), "closes": clock(self.closes),
        }
        if self.valid_from:
            line = gettext("%(hours)s, from %(date)s") % {"hours": line, "date": date_format(self.valid_from, "DATE_FORMAT")}
        if self.valid_to:
            line = gettext("%(hours)s, until %(date)s") % {"hours": line, "date": date_format(self.valid_to, "DATE_FORMAT")}
        return line


def rules_of(place, today):
    """The place's weekly rules still in force or to come (a rule whose last day is past is dropped)."""
    return [rule for rule in map(Rule.from_hsds, place.hours or []) if rule.valid_to is None or rule.valid_to >= today]


@lru_cache(maxsize=4)
def _holidays(year):
    return holidays.country_holidays("KZ", years=year, language="en_US")


def holiday_name(english):
    """The holiday's name in the reader's language; a day off moved to another day says so."""
    base, _sep, note = english.partition(" (")
    name = str(HOLIDAY_NAMES.get(base, base))
    if note.startswith("observed"):
        return gettext("%(holiday)s (day off moved)") % {"holiday": name}
    if note.startswith("estimated"):
        return gettext("%(holiday)s (date to be confirmed)") % {"holiday": name}
    return name


def public_holidays(first, last):
    """(day, English name) of Kazakhstan's public holidays from `first` to `last`, in order."""
    days = {}
    for year in range(first.year, last.year + 1):
        days.update(_holidays(year))
    return sorted((day, name) for day, name in days.items() if first <= day <= last)


@dataclass(frozen=True)
class HolidayClosure:
    day: datetime.date
    english_name: str

    @property
    def text(self):
        day = date_format(self.day, pgettext("weekday and date of a closure, PHP date format", "l j F"))
        return gettext("Closed on %(day)s: %(holiday)s") % {"day": day, "holiday": holiday_name(self.english_name)}


def holiday_closures(place, today):
    """The coming public holidays on which the place would otherwise be open, within CLOSURES_AHEAD."""
    rules = rules_of(place, today)
    if not rules:
        return []
    return [
        HolidayClosure(day, name) for day, name in public_holidays(today, today + CLOSURES_AHEAD)
        if any(rule.applies_on(day) for rule in rules)
    ]


def moments(places, today):
    """When the holidays a page lists change by themselves: the day after the next holiday, and the
    day the first holiday beyond the window comes into it (only for pages with hours)."""
    if not any(place.hours for place in places):
        return
    coming = public_holidays(today, today + CLOSURES_AHEAD + datetime.timedelta(days=366))
    inside = [day for day, _name in coming if day <= today + CLOSURES_AHEAD]
    beyond = [day for day, _name in coming if day > today + CLOSURES_AHEAD]
    if inside:
        yield start_of_day(inside[0] + datetime.timedelta(days=1))
    if beyond:
        yield start_of_day(beyond[0] - CLOSURES_AHEAD)
