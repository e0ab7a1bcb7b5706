""""What should I do now?": a person's next steps with their own dates, from the facts of the guidance pages.

Nothing a person enters is stored: the answer page is private and never cached. Dates are the law's dates; where
one falls on a day off, the last working day before it is named as the day to go (Step.go_by).
"""

import datetime
from dataclasses import dataclass, field

from django import forms
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from offices.models import Office
from partners.models import Partner

from . import deadlines

EARLIEST_DATE = datetime.date(1991, 12, 16)  # none of these procedures is older than Kazakhstan's independence


class Situation(models.TextChoices):
    JUST_ARRIVED = "arrived", _("I have just arrived in Kazakhstan")
    IRREGULAR_CROSSING = "irregular", _("I crossed the border irregularly")
    REGISTERED = "registered", _("My asylum application was registered")
    REJECTED = "rejected", _("I received a rejection")
    RECOGNISED = "recognised", _("I was recognised as a refugee")
    STATELESS = "stateless", _("I am stateless, or my nationality is undetermined")
    MOVING = "moving", _("I moved to another address")


# The question each situation's date answers; a situation without one needs no date.
DATE_QUESTIONS = {
    Situation.JUST_ARRIVED: _("When did you arrive (or learn about the danger)?"),
    Situation.IRREGULAR_CROSSING: _("When did you cross the border?"),
    Situation.REGISTERED: _("When was your application registered?"),
    Situation.REJECTED: _("When did you receive the decision?"),
    Situation.STATELESS: _("When did you get the stateless person's certificate? (if you have one)"),
    Situation.MOVING: _("When did you move?"),
}
DATE_OPTIONAL = {Situation.STATELESS}


class PlanForm(forms.Form):
    situation = forms.ChoiceField(label=_("What happened?"), choices=Situation.choices, widget=forms.RadioSelect)
    date = forms.DateField(
        label=_("The date it happened"), required=False, widget=forms.DateInput(attrs={"type": "date"}),
        help_text=_("For example: arrival, crossing, registration, the day you received the decision, or the move."),
        error_messages={"invalid": _("Please give the date as day, month and year, e.g. 2026-12-14.")},
    )
    time = forms.TimeField(
        label=_("The time you crossed (optional)"), required=False, widget=forms.TimeInput(attrs={"type": "time"}),
        help_text=_("Only for a border crossing: the 24 hours start then."),
        error_messages={"invalid": _("Please give the time as hours and minutes, e.g. 06:30.")},
    )
    city = forms.ChoiceField(label=_("Your city (optional)"), required=False)

    def __init__(self, *args, cities=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["city"].choices = [("", _("Choose your city")), *((c.slug, c.name) for c in cities)]

    def clean_date(self):
        date = self.cleaned_data["date"]
        if date and date > timezone.localdate():
            raise forms.ValidationError(_("This date is in the future. Please give the day it happened."))
        if date and date < EARLIEST_DATE:
            raise forms.ValidationError(_("This date is too long ago. Please check the year."))
        return date

    def clean(self):
        cleaned = super().clean()
        situation = cleaned.get("situation")
        if situation and situation in DATE_QUESTIONS and situation not in DATE_OPTIONAL and not cleaned.get("date"):
            if "date" not in self.errors:
                self.add_error("date", DATE_QUESTIONS[situation])
        return cleaned


@dataclass
class Step:
    title: str
    text: str
    deadline: datetime.date | None = None  # the law's date, never moved
    deadline_label: str = ""
    service: str = ""  # the slug of the kind of help partners give for this step, if any
    partners: list = field(default_factory=list)  # who gives that help for free, filled in by the view
    deadline_time: datetime.time | None = None  # where the law counts hours (24 hours after a crossing)
    at_the_authority: bool = False  # done at the Department of Employment and Social Programs: show its door
    is_application: bool = False  # the door is where to apply (else: where to go)
    starts: datetime.date | None = None  # the day the period starts: advice never names a day before it
    note: str = ""  # how the date was read, where the sources leave a choice

    @property
    def deadline_passed(self):
        return self.deadline is not None and self.deadline < timezone.localdate()

    @property
    def deadline_on_a_day_off(self):
        return self.deadline is not None and not deadlines.is_working_day(self.deadline)

    @property
    def go_by(self):
        """The last working day before a deadline that falls on a day off: the day to go, named. None when
        the deadline is a working day, or when the working day before it comes before the period starts."""
        if not self.deadline_on_a_day_off:
            return None
        day = deadlines.last_working_day_by(self.deadline)
        return day if self.starts is None or day >= self.starts else None


def _apply_step(deadline, starts):
    return Step(
        _("Apply for asylum"),
        _("Apply in writing at the Department of Employment and Social Programs in the city where you stay. Go in "
          "person, or send a representative you have authorised. At the border, give a written application to the "
          "Border Service. Fill in the form in Kazakh or Russian; an interpreter may help you and then signs it too."),
        deadline, _("Apply by"), service="legal-counselling", at_the_authority=True, is_application=True, starts=starts,
        # The sources say "within 5 calendar days" without saying whether the day of arrival is one of them.
        note=_("The rules do not say whether the day you arrived counts as one of the five days. The date below "
               "counts it: it is the earliest date any reading allows, so you are safe either way."),
    )


def _after_applying():
    return [
        Step(_("Keep your asylum-seeker's certificate"),
             _("After your application is registered, you get an asylum-seeker's certificate. It lets you stay in "
               "Kazakhstan legally until the final decision.")),
        Step(_("Prepare for the interview"),
             _("Bring your identity documents to the interview. Give true and complete answers: untrue or incomplete "
               "answers can lead to a rejection.")),
    ]


def _steps_arrived(date, time=None):
    return [_apply_step(deadlines.calendar_days_counting(date, 5), date), *_after_applying()]


def _steps_irregular(date, time=None):
    """Within one day (2019–2022 and UNHCR's current page), within 24 hours (2018): with a time, 24 hours to the
    minute; without one, the next day, and the advice to go the same day."""
    if time is None:
        deadline, deadline_time = deadlines.calendar_days_after(date, 1), None
        note = _("Go the same day if you can, the next day at the latest.")
    else:
        until = datetime.datetime.combine(date, time) + datetime.timedelta(hours=24)
        deadline, deadline_time = until.date(), until.time()
        note = _("Count 24 hours from the time you crossed.")
    first = Step(
        _("Apply for asylum at once"),
        _("After crossing the border irregularly, apply in writing to the Department of Employment and Social "
          "Programs within one day. (A UNHCR document of July 2018 said within 24 hours.)"),
        deadline, _("Apply by"), service="legal-counselling", deadline_time=deadline_time,
        at_the_authority=True, is_application=True, starts=date, note=note,
    )
    return [first, *_after_applying()]


def _steps_registered(date, time=None):
    return [
        Step(_("Give your fingerprints"),
             _("Give your fingerprints within 3 calendar days of receiving the asylum-seeker's certificate. The "
               "decision within 3 months depends on it."),
             deadlines.calendar_days_after(date, 3), _("Fingerprints by"), starts=date),
        Step(_("Renew your certificate"),
             _("The asylum-seeker's certificate is valid for 3 months. If the review takes longer, you get a new "
               "certificate for 3 months when it runs out."),
             deadlines.months_after(date, 3), _("Valid until"), at_the_authority=True, starts=date),
        # The sources promise an invitation within 3 months, not the interview itself (CONTENT-NOTES).
        Step(_("Your interview"), _("You are invited to an interview within 3 months of registration. Bring your identity documents."),
             deadlines.months_after(date, 3), _("Invitation expected by")),
        Step(_("The decision"), _("The decision comes within 3 months of registration."),
             deadlines.months_after(date, 3), _("Decision expected by")),
        Step(_("If more review is needed"), _("When more review is needed, the decision can take up to 1 year."),
             deadlines.years_after(date, 1), _("At the latest by")),
        Step(_("Before you travel or move"),
             _("Tell the authority before you leave Kazakhstan. If you change your address, de-register and register "
               "again within 5 working days.")),
    ]


def _steps_rejected(date, time=None):
    return [
        Step(_("Appeal in court"),
             _("The decision gives its reasons in writing. You can appeal in court within 3 months of receiving it. "
               "The court has three instances; the Supreme Court's decision is final."),
             deadlines.months_after(date, 3), _("Appeal by"), service="legal-counselling", starts=date),
        Step(_("Do not miss the deadline"),
             _("If you do not appeal in time, your claim counts as abandoned. You are then no longer an asylum-seeker "
               "and may be removed from Kazakhstan and/or fined.")),
        Step(_("After a final court rejection"), _("If you still believe the decision is wrong, contact UNHCR.")),
    ]


def _steps_recognised(date, time=None):
    return [
        Step(_("Your refugee certificate"),
             _("When you are recognised, the authority gives you a refugee certificate and explains your rights and "
               "obligations.")),
        Step(_("Your residence permit"), _("Refugees get residence permits for one year and count as temporary residents.")),
        Step(_("Your rights"),
             _("You may stay and move inside Kazakhstan, travel abroad (not to your country of origin) with a refugee "
               "travel document, work, use health services and reunite with your spouse and dependent children. You "
               "are protected from forced return.")),
    ]


def _steps_stateless(date, time=None):
    return [
        Step(_("The stateless person's certificate"),
             _("Kazakhstan gives a stateless person's certificate. It lets you stay, work and use public services and "
               "healthcare.")),
        Step(_("Citizenship"), _("After 5 years of residence with this status you can apply for citizenship."),
             deadlines.years_after(date, 5) if date else None, _("You can apply from")),
        Step(_("Undetermined nationality"),
             _("If you have no proof of any nationality, a partner organisation helps you with documents for free."),
             service="documentation-nationality"),
        Step(_("Children born in Kazakhstan"),
             _("Every child born in Kazakhstan can be registered at birth and get a birth certificate, whatever the "
               "parents' status, also later.")),
    ]


def _steps_moving(date, time=None):
    return [
        Step(_("De-register and register again"),
             _("Tell the authorities about your new address: de-register and register again with the authorised body "
               "and the internal-affairs bodies within 5 working days."),
             deadlines.working_days_after(date, 5), _("Do it by"), at_the_authority=True, starts=date),
    ]


STEPS = {
    Situation.JUST_ARRIVED: _steps_arrived,
    Situation.IRREGULAR_CROSSING: _steps_irregular,
    Situation.REGISTERED: _steps_registered,
    Situation.REJECTED: _steps_rejected,
    Situation.RECOGNISED: _steps_recognised,
    Situation.STATELESS: _steps_stateless,
    Situation.MOVING: _steps_moving,
}

# Deadline dates that are not a real deadline but the first day something becomes possible.
FROM_DATES = {Situation.STATELESS}


def steps_for(situation, date, time=None):
    """The person's steps in order, with their dates (never raises for a valid situation). `time` counts
    only for a border crossing, whose deadline the law counts in hours."""
    return STEPS[Situation(situation)](date, time)


def add_partners(steps, city):
    """Each step that a kind of free help serves gets the partners who give it (in the city, if one was chosen)."""
    services = {step.service for step in steps if step.service}
    if not services:
        return
    partners = Partner.objects.filter(is_active=True, services__slug__in=services).directory().distinct()
    found = list(partners)
    for step in steps:
        step.partners = [
            p for p in found
            if step.service in {s.slug for s in p.services.all()}
            and (city is None or not p.branches.all() or any(b.city_id == city.pk for b in p.branches.all()))
        ]


def apply_offices(city):
    """Where a person applies for asylum in their city (none when no city was chosen)."""
    if city is None:
        return []
    return list(Office.objects.current().filter(city=city, kind=Office.Kind.ASYLUM_AUTHORITY).directory())
