"""`{% report_form "office" office.slug %}`: the "Is this information wrong?" form under an entry's card."""

from django import template
from django.urls import reverse

from config.reports.models import NOTE_MAX_LENGTH, Report

register = template.Library()


@register.inclusion_tag("reports/includes/report_form.html")
def report_form(kind, key, opened=False):
    return {
        "report_url": reverse("reports:entry", kwargs={"kind": kind, "key": key}),
        "problems": Report.Problem.choices, "note_length": NOTE_MAX_LENGTH, "opened": opened,
    }
