"""The chat lines' answers: short plain text (SMS length where possible), each ending with the UNHCR hotline.

One module for every channel (telegram.py, rapidpro.py): the menu's questions, and an Answer for each of them
from the site's own published content and logic: the plan's deadlines (config.site.plan), a city's doors
(config.site.city_directory), "Check a contact" (config.site.contacts), what changed (config.site.updates) and
the hotline (offices). Every function answers in the language it is given; what the person sent is only read.
"""

from dataclasses import dataclass, field

from django.conf import settings
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext, override
from django.utils.translation import gettext_lazy as _

from config import errors
from config.language_fallback import localized
from config.site.city_directory import city_directory
from config.site.contacts.matching import check_contact
from config.site.contacts.reading import ContactKind, read_contact
from config.site.notices import SCOPES, board, notices_where
from config.site.open_data import address_line
from config.site.plan import DATE_QUESTIONS, FROM_DATES, PlanForm, Situation, steps_for
from config.site.updates import recent_updates
from offices.closures import closure_of
from offices.context_processors import current_hotlines

from .reading import city_by_slug, find_city, read_date

UPDATES_SHOWN = 3  # what changed: the newest few, so the answer stays short
ISOLATE_LTR, POP_ISOLATE = "\u2066", "\u2069"  # a phone number stays left-to-right in RTL text

APPLY, DEADLINE, HOTLINE, CHANGES, CHECK, LANGUAGE = "apply", "deadline", "hotline", "changes", "check", "language"
QUESTIONS = {
    APPLY: _("Where to apply"),
    DEADLINE: _("My deadline"),
    HOTLINE: _("Hotline"),
    CHANGES: _("What changed recently"),
    CHECK: _("Check a contact"),
    LANGUAGE: _("Language"),
}
SITE_NAME = _("Help for people forced to flee in Kazakhstan")
CHOOSE_A_QUESTION = _("Choose a question below.")
NOT_UNDERSTOOD = _("Sorry, this was not understood. Choose a question, or write the name of your city or a date.")
CHOOSE_CITY = _("Choose your city, or write its name.")
WRITE_THE_DATE = _("Write the date, for example 05.12.2026.")
UNKNOWN_CITY = _("This city is not in our directory. Choose a city from the list, or call the UNHCR hotline.")
# The city page's own words (offices/includes/no_application_point.html) for a city where no office receives applications.
NO_APPLICATION_POINT = _("UNHCR's current list names no place to apply for asylum in %(city)s.")
ANOTHER_CITY = _("The sources say you may also apply at the Department of Employment and Social Programs of another "
                 "city. Call the UNHCR hotline before you go.")
GO_BY = _("This is a day off: go by %(day)s.")
WHAT_HAPPENED = _("What happened?")
CONTACT_LABEL = _("Phone number, e-mail address, website or messenger name")
CONTACT_EXAMPLE = _("For example: +7 701 744 72 38, name@example.org, example.org or @name.")


class Refusal(Exception):
    """What was sent cannot be answered: a message in the person's language (never what they sent)."""

    def __init__(self, field_name, message):
        super().__init__(f"refused: {field_name}")  # never the value
        self.field_name = field_name
        self.message = message  # lazy or already translated: shown with override(language)


@dataclass
class Answer:
    text: str  # plain text, the hotline last
    fields: dict = field(default_factory=dict)  # the same, structured (RapidPro's flows branch on them)


def isolated(value, language):
    """A phone number kept left-to-right inside right-to-left text."""
    return f"{ISOLATE_LTR}{value}{POP_ISOLATE}" if language in settings.LANGUAGES_BIDI else value


def hotline_phones():
    """The UNHCR hotline's office (or None) and its numbers; settings.HOTLINE_PHONE without the directory."""
    hotline = next(iter(current_hotlines()), None)
    phones = [phone.display for phone in hotline.phone_list] if hotline else []
    return hotline, phones or [errors.hotline()["display"]]


def hotline_line(language):
    """The last line of every answer: the hotline's name and number."""
    hotline, phones = hotline_phones()
    name = localized(hotline, "name", language).value if hotline else gettext("Hotline")
    return f"{name}: {', '.join(isolated(phone, language) for phone in phones)}"


def with_hotline(language, *lines, **fields):
    text = "\n".join(str(line) for line in lines if line)
    return Answer(text=f"{text}\n{hotline_line(language)}", fields={**fields, "hotline": hotline_phones()[1][0]})


def day(value):
    """A date as the site writes it in the language (5 March 2027); words and digits keep the text's direction."""
    return date_format(value, "DATE_FORMAT")


def welcome(language, *notes):
    """The first answer: what this is, any notes of the channel (Telegram keeps the chat), the hotline."""
    with override(language):
        return with_hotline(language, f"{SITE_NAME}.", CHOOSE_A_QUESTION, *notes)


def not_understood(language):
    with override(language):
        return with_hotline(language, NOT_UNDERSTOOD)


def hotline_answer(language):
    with override(language):
        hotline, _phones = hotline_phones()
        hours = localized(hotline, "opening_hours", language).value if hotline else ""
        return with_hotline(language, gettext("Call the UNHCR hotline."), hours, question=HOTLINE)


# --- Where to apply ------------------------------------------------------------------------------------------


def _door(office, language):
    """An office in a few lines: its name, address, phones, opening hours and closure."""
    closure = closure_of(office)
    phones = ", ".join(isolated(phone.display, language) for phone in office.phone_list)
    return [
        localized(office, "name", language).value,
        address_line(office, language),
        phones,
        localized(office, "opening_hours", language).value,
        f"{closure.label}: {closure.dates}" if closure else "",
    ]


def _door_fields(office, language):
    closure = closure_of(office)
    return {
        "name": localized(office, "name", language).value, "address": address_line(office, language),
        "phones": [phone.e164 for phone in office.phone_list],
        "opening_hours": localized(office, "opening_hours", language).value,
        "closed": bool(closure and closure.in_effect),
    }


def city_named(text_or_slug):
    """A city from RapidPro's or Telegram's text: its slug or its name in any language; a Refusal if none."""
    city = city_by_slug((text_or_slug or "").strip().lower()) or find_city(text_or_slug)[0]
    if city is None:
        raise Refusal("city", UNKNOWN_CITY)
    return city


def city_notices(city):
    """The published notices the city's page shows now (the city's, its offices' and branches'), urgent first."""
    now = timezone.now()
    current = board(notices_where(SCOPES["site:city"](city.slug), now), now)
    return [*current.urgent, *current.information]


def apply_answer(language, city):
    """Where to apply for asylum in the city: its application point, or the one to go to while it is closed, and
    the city's notices (the city page's own rule: config.site.city_directory)."""
    with override(language):
        directory = city_directory(city)
        city_name = localized(city, "name", language).value
        lines = [f"{gettext('Where to apply')} — {city_name}:"]
        for office in directory.apply_offices:
            lines += _door(office, language)
        if not directory.apply_offices:
            lines += [gettext(NO_APPLICATION_POINT) % {"city": city_name}, gettext(ANOTHER_CITY)]
        if directory.apply_instead:
            lines += [gettext("While it is closed, apply at this office:"), *_door(directory.apply_instead, language)]
        notices = city_notices(city)
        lines += [localized(notice, "title", language).value for notice in notices]
        offices = [*directory.apply_offices, *filter(None, [directory.apply_instead])]
        return with_hotline(
            language, *lines, question=APPLY, city=city.slug, offices=[_door_fields(office, language) for office in offices],
            notices=[localized(notice, "title", language).value for notice in notices],
        )


# --- My deadline ---------------------------------------------------------------------------------------------


def _moment(step, language):
    moment = day(step.deadline)
    return f"{moment}, {step.deadline_time:%H:%M}" if step.deadline_time else moment


def _deadline_lines(steps, situation, language):
    dated = [step for step in steps if step.deadline]
    if not dated:
        return [str(step.title) for step in steps]
    lines = [f"{dated[0].title}."]
    for step in dated:
        lines.append(f"{step.deadline_label}: {_moment(step, language)}")
    first = dated[0]
    if situation not in FROM_DATES:
        if first.deadline_passed:
            lines.append(gettext("This date has passed. Call the UNHCR hotline or a partner organisation as soon as you can."))
        elif first.go_by:
            go_by = gettext(GO_BY) % {"day": day(first.go_by)}
            lines.append(go_by[:-1] if go_by.endswith("..") else go_by)  # a date ending in "р." or "г."
    return lines


def deadline_answer(language, situation, date_text, city=None):
    """The person's deadlines for a situation and the day it happened (the plan's own form checks both)."""
    with override(language):
        date = read_date(date_text)
        if date_text and date is None:
            raise Refusal("date", PlanForm.base_fields["date"].error_messages["invalid"])
        form = PlanForm({"situation": situation or "", "date": date.isoformat() if date else ""})
        if not form.is_valid():
            field_name, messages = next(iter(form.errors.items()))
            raise Refusal(field_name, messages[0])
        situation = Situation(form.cleaned_data["situation"])
        steps = steps_for(situation, form.cleaned_data["date"])
        lines = _deadline_lines(steps, situation, language)
        first = next((step for step in steps if step.deadline), None)
        apply_here = city and any(step.is_application for step in steps)
        if apply_here:
            offices = city_directory(city).apply_offices[:1]
            lines += [f"{gettext('Where to apply')}:", *(localized(o, "name", language).value for o in offices)]
        return with_hotline(
            language, *lines, question=DEADLINE, situation=situation.value, city=city.slug if city else None,
            deadline=first.deadline.isoformat() if first else None, deadline_label=str(first.deadline_label) if first else "",
            go_by=first.go_by.isoformat() if first and first.go_by else None,
            deadline_passed=bool(first and first.deadline_passed and situation not in FROM_DATES),
            steps=[{"title": str(s.title), "deadline": s.deadline.isoformat() if s.deadline else None} for s in steps],
        )


def date_question(language, situation):
    """The plan's question for the situation's date, and how to write it."""
    with override(language):
        return f"{DATE_QUESTIONS[situation]}\n{WRITE_THE_DATE}"


def needs_date(situation):
    return situation in DATE_QUESTIONS


# --- What changed, check a contact -------------------------------------------------------------------------------


def changes_answer(language):
    """The newest published changes: guidance, the directory, notices."""
    with override(language):
        updates = recent_updates(UPDATES_SHOWN)
        lines = [f"{day(timezone.localtime(u.date).date())}: {u.headline}" for u in updates]
        return with_hotline(
            language, *(lines or [gettext("Nothing has changed yet.")]), question=CHANGES,
            updates=[{"date": timezone.localtime(u.date).date().isoformat(), "headline": u.headline} for u in updates],
        )


def contact_question(language):
    with override(language):
        return f"{CONTACT_LABEL}\n{CONTACT_EXAMPLE}"


def readable_contact(text, *, kinds=None):
    """The contact in the text (of these kinds only, if given), or None."""
    contact = read_contact((text or "")[:200])
    return contact if contact and (kinds is None or contact.kind in kinds) else None


def check_answer(language, text):
    """Whether a contact is on the site's list (the same check as /check/); the contact is never repeated."""
    with override(language):
        contact = readable_contact(text)
        if contact is None:
            raise Refusal("contact", gettext(
                "This could not be read as a phone number, an e-mail address, a website or a messenger name."))
        answer = check_contact(contact)
        if answer.frauds:
            result, lines = "fraudulent", [gettext("Warning: fraudsters use this contact"), gettext("Never pay: all help is free")]
        elif answer.is_listed:
            belongs = (gettext("It belongs to UNHCR.") if answer.is_unhcr else gettext("It belongs to a government office.")
                       if answer.is_government else gettext("It belongs to a partner organisation of UNHCR."))
            names = [localized(e.partner if hasattr(e, "partner") else e, "name", language).value for e in answer.entries[:2]]
            result, lines = "listed", [gettext("Yes: this contact is on our list"), belongs, *names]
        elif answer.official_domain:
            result, lines = "official-domain", [gettext("This is an official domain")]
        else:
            result, lines = "not-listed", [gettext("Not on our list"), gettext("Never pay: all help is free")]
        return with_hotline(language, *lines, question=CHECK, result=result, kind=str(contact.kind))


CHECKED_WITHOUT_ASKING = (ContactKind.PHONE, ContactKind.EMAIL, ContactKind.WEBSITE)  # a word is a city, not a handle
