"""The staff's view of the reports: open reports per entry, counted by what is wrong and by the readers'
languages, for the admin queue, the admin home and the daily digest (one query each)."""

from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.contrib.contenttypes.models import ContentType
from django.db.models import Count, Min
from django.urls import reverse

from config.history.labels import admin_url
from config.language_fallback import language_name

from .models import Report

QUEUE_URL = "admin:reports_report_changelist"


@dataclass
class EntryReports:
    """The open reports on one entry."""

    content_type_id: int
    object_id: int
    entry_name: str
    first_reported: object = None
    problems: dict = field(default_factory=dict)  # problem value -> count
    languages: dict = field(default_factory=dict)  # language code -> count

    @property
    def total(self):
        return sum(self.problems.values())

    @property
    def problem_counts(self):
        """[(label, count)] in the order of Report.Problem, only the problems reported."""
        return [(label, self.problems[value]) for value, label in Report.Problem.choices if value in self.problems]

    @property
    def language_counts(self):
        return [(language_name(code), count) for code, count in sorted(self.languages.items(), key=lambda item: -item[1])]

    @property
    def queue_url(self):
        return queue_url(content_type__id__exact=self.content_type_id, object_id=self.object_id, status="open")

    @property
    def entry_url(self):
        model = ContentType.objects.get_for_id(self.content_type_id)  # cached by Django after the first
        return admin_url(model.app_label, model.model, self.object_id)


def queue_url(**query):
    return f"{reverse(QUEUE_URL)}?{urlencode(query)}"


def open_reports(cities=()):
    """Open reports on entries of these cities (and of none, such as a partner); every city when none is given."""
    return Report.objects.open().in_cities(cities)


def by_entry(reports):
    """[EntryReports] of these reports, the entry with the most reports first."""
    rows = (
        reports.values("content_type_id", "object_id", "problem", "language")
        .annotate(count=Count("pk"), name=Min("entry_name"), first=Min("reported_on"))
        .order_by()
    )
    found = {}
    for row in rows:
        key = (row["content_type_id"], row["object_id"])
        entry = found.setdefault(key, EntryReports(row["content_type_id"], row["object_id"], row["name"], row["first"]))
        entry.first_reported = min(entry.first_reported, row["first"])
        entry.problems[row["problem"]] = entry.problems.get(row["problem"], 0) + row["count"]
        entry.languages[row["language"]] = entry.languages.get(row["language"], 0) + row["count"]
    return sorted(found.values(), key=lambda entry: (-entry.total, entry.first_reported, entry.entry_name))


def city_query(cities):
    """The admin queue's filter for these cities (the entries of no city are in the list of everyone)."""
    return {"city": ",".join(str(pk) for pk in cities)} if cities else {}
