"""Readers' notes are kept only while staff need them: deleted when the report is resolved (Report.resolve)
or NOTE_KEPT_FOR after the report came, by `manage.py purge_report_notes`, run daily."""

from django.utils import timezone

from .models import NOTE_KEPT_FOR, Report


def purge_old_notes(today=None):
    """Empty the notes of reports that came NOTE_KEPT_FOR ago or earlier, or are resolved; returns how many."""
    today = today or timezone.localdate()
    old = Report.objects.filter(reported_on__lte=today - NOTE_KEPT_FOR)
    resolved = Report.objects.filter(resolved_at__isnull=False)
    return (old | resolved).exclude(note="").update(note="")
