""""What should I do now?" for chat lines and partners' systems: POST only, never stored, never logged.

The same form and steps as the reader's page (config/site/plan.py): the situation, the day it happened
(an ISO date; a date and time is accepted, its day counts) and the city. What a person sent stays in
the request: the answer is `Cache-Control: no-store` and nothing of it is written anywhere.
"""

from django.http import HttpRequest
from ninja import Router, Schema

from config.site.plan import FROM_DATES, PlanForm, Situation, add_partners, apply_offices, steps_for
from offices.models import City

from . import schemas
from .caching import private
from .doors import office_door
from .languages import content_language

router = Router(tags=["plan"])


class Question(Schema):
    situation: str  # arrived, irregular, registered, rejected, recognised, stateless, moving
    date: str = ""  # 2026-12-14, or 2026-12-14T06:00 (the time counts for a border crossing's 24 hours)
    city: str = ""  # a city's slug, e.g. almaty


class Partner(Schema):
    slug: str
    name: str
    url: str


class Step(Schema):
    title: str
    text: str
    note: str  # how the date was read, where the sources leave a choice
    deadline: str | None  # the law's date, or date and time (a crossing's 24 hours)
    deadline_label: str
    deadline_passed: bool
    deadline_on_a_day_off: bool  # the last day is a weekend or public holiday: go before it
    go_by: str | None  # then the last working day before it
    partners: list[Partner]


class Answer(Schema):
    situation: str
    situation_label: str
    dates_are_from: bool  # the dates are the first day something becomes possible, not a deadline
    city: str | None
    steps: list[Step]
    apply_offices: list[schemas.Door]


class InvalidQuestion(Exception):
    """The question did not pass the plan's form: its errors, in the reader's language."""

    def __init__(self, errors):
        super().__init__("invalid plan question")  # never the values: they are the person's
        self.errors = errors


def day_and_time_of(value):
    """The day and the time (or "") of an ISO date or date and time: "2026-12-14T06:00" → ("2026-12-14", "06:00")."""
    day, _, time = value.replace("T", " ").strip().partition(" ")
    return day.strip(), time.strip()


@router.post("/{lang}/plan/", response={200: Answer, 400: schemas.Error}, summary="A person's next steps with their dates")
@private
def plan(request: HttpRequest, lang: str, question: Question):
    language = content_language(lang)
    cities = list(City.objects.listed())
    day, time = day_and_time_of(question.date)
    form = PlanForm({"situation": question.situation, "date": day, "time": time, "city": question.city}, cities=cities)
    if not form.is_valid():
        raise InvalidQuestion({field: [str(message) for message in messages] for field, messages in form.errors.items()})
    situation = Situation(form.cleaned_data["situation"])
    steps = steps_for(situation, form.cleaned_data["date"], form.cleaned_data["time"])
    city = next((c for c in cities if c.slug == form.cleaned_data["city"]), None)
    add_partners(steps, city)
    absolute = request.build_absolute_uri
    return {
        "situation": situation.value,
        "situation_label": str(situation.label),
        "dates_are_from": situation in FROM_DATES,
        "city": city.slug if city else None,
        "steps": [
            {
                "title": str(step.title), "text": str(step.text), "note": str(step.note),
                "deadline": _moment(step),
                "go_by": step.go_by.isoformat() if step.go_by else None,
                "deadline_label": str(step.deadline_label) if step.deadline else "",
                "deadline_passed": step.deadline_passed, "deadline_on_a_day_off": step.deadline_on_a_day_off,
                "partners": [{"slug": p.slug, "name": p.name, "url": absolute(p.get_absolute_url())} for p in step.partners],
            }
            for step in steps
        ],
        "apply_offices": [office_door(office, language, absolute) for office in apply_offices(city)],
    }


def _moment(step):
    if step.deadline is None:
        return None
    if step.deadline_time is None:
        return step.deadline.isoformat()
    return f"{step.deadline.isoformat()}T{step.deadline_time:%H:%M}"
