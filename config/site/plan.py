""""What should I do now?": a person's next steps with their own dates, from the facts of the guidance pages.

Nothing a person enters is stored: the form is a plain GET form, the answer page is private and never cached.
"""

import datetime
from dataclasses import dataclass, field

from django import forms
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

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
    deadline: datetime.date | None = None
    deadline_label: str = ""
    service: str = ""  # the slug of the kind of help partners give for this step, if any
    partners: list = field(default_factory=list)  # who gives that help for free, filled in by the view

    @property
    def deadline_passed(self):
        return self.deadline is not None and self.deadline < timezone.localdate()

    @property
    def deadline_on_a_day_off(self):
        return self.deadline is not None and not deadlines.is_working_day(self.deadline)


def _apply_step(deadline):
    return Step(
        _("Apply for asylum"),
        _("Apply in writing at the Department of Employment and Social Programs in the city where you stay. Go in "
          "person, or send a representative you have authorised. At the border, give a written application to the "
          "Border Service. Fill in the form in Kazakh or Russian; an interpreter may help you and then signs it too."),
        deadline, _("Apply by"), service="legal-counselling",
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


def _steps_arrived(date):
    return [_apply_step(deadlines.calendar_days_after(date, 5)), *_after_applying()]


def _steps_irregular(date):
    first = Step(
        _("Apply for asylum at once"),
        _("After crossing the border irregularly, apply in writing to the Department of Employment and Social "
          "Programs within one day. (A UNHCR document of July 2018 said within 24 hours.)"),
        deadlines.calendar_days_after(date, 1), _("Apply by"), service="legal-counselling",
    )
    return [first, *_after_applying()]


def _steps_registered(date):
    return [
        Step(_("Give your fingerprints"),
             _("Give your fingerprints within 3 calendar days of receiving the asylum-seeker's certificate. The "
               "decision within 3 months depends on it."),
             deadlines.calendar_days_after(date, 3), _("Fingerprints by")),
        Step(_("Renew your certificate"),
             _("The asylum-seeker's certificate is valid for 3 months. If the review takes longer, you get a new "
               "certificate for 3 months when it runs out."),
             deadlines.months_after(date, 3), _("Valid until")),
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


def _steps_rejected(date):
    return [
        Step(_("Appeal in court"),
             _("The decision gives its reasons in writing. You can appeal in court within 3 months of receiving it. "
               "The court has three instances; the Supreme Court's decision is final."),
             deadlines.months_after(date, 3), _("Appeal by"), service="legal-counselling"),
        Step(_("Do not miss the deadline"),
             _("If you do not appeal in time, your claim counts as abandoned. You are then no longer an asylum-seeker "
               "and may be removed from Kazakhstan and/or fined.")),
        Step(_("After a final court rejection"), _("If you still believe the decision is wrong, contact UNHCR.")),
    ]


def _steps_recognised(date):
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


def _steps_stateless(date):
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


def _steps_moving(date):
    return [
        Step(_("De-register and register again"),
             _("Tell the authorities about your new address: de-register and register again with the authorised body "
               "and the internal-affairs bodies within 5 working days."),
             deadlines.working_days_after(date, 5), _("Do it by")),
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


def steps_for(situation, date):
    """The person's steps in order, with their dates (never raises for a valid situation)."""
    return STEPS[Situation(situation)](date)
