"""A reader's report that an entry of the directory is wrong: which entry, what is wrong, in which language.

Nothing about the reader is kept: no address, browser, cookie or account, and only the day it came.
The optional note is the only thing they wrote; it is shown to staff only and deleted when the report
is resolved or 90 days after it came (`purge_report_notes`).
"""

import datetime

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

NOTE_MAX_LENGTH = 300
NOTE_KEPT_FOR = datetime.timedelta(days=90)


class ReportQuerySet(models.QuerySet):
    def open(self):
        return self.filter(resolved_at__isnull=True)

    def in_cities(self, cities):
        """Reports on entries of these cities and on entries of no city (a partner, a hotline); all for no city."""
        if not cities:
            return self
        return self.filter(models.Q(city__in=cities) | models.Q(city__isnull=True))

    def of(self, entry):
        return self.filter(content_type=ContentType.objects.get_for_model(entry), object_id=entry.pk)


class Report(models.Model):
    """A reader said that something about a directory entry (an office, a branch, a partner) is wrong."""

    class Problem(models.TextChoices):
        ADDRESS = "address", _("The address is wrong")
        PHONE = "phone", _("The phone number does not work")
        CLOSED = "closed", _("It is closed")
        MOVED = "moved", _("It has moved")
        HOURS = "hours", _("The opening hours are wrong")
        OTHER = "other", _("Something else")

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, verbose_name=_("kind of entry"))
    object_id = models.PositiveBigIntegerField(_("entry id"), db_index=True)
    entry = GenericForeignKey("content_type", "object_id")
    entry_name = models.CharField(_("entry"), max_length=250)
    city = models.ForeignKey(
        "offices.City", on_delete=models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("city"),
    )
    problem = models.CharField(_("what is wrong"), max_length=10, choices=Problem.choices)
    note = models.TextField(_("note"), blank=True, max_length=NOTE_MAX_LENGTH)
    language = models.CharField(_("reader's language"), max_length=10, choices=settings.LANGUAGES)
    reported_on = models.DateField(_("reported on"), default=timezone.localdate, db_index=True)
    resolved_at = models.DateTimeField(_("resolved at"), null=True, blank=True)
    resolved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+",
        verbose_name=_("resolved by"),
    )
    fixed_by = models.ForeignKey(
        "history.FieldChange", on_delete=models.SET_NULL, null=True, blank=True, related_name="+",
        verbose_name=_("change that fixed it"),
    )

    objects = ReportQuerySet.as_manager()

    class Meta:
        ordering = ["-reported_on", "-pk"]
        verbose_name = _("report of wrong information")
        verbose_name_plural = _("reports of wrong information")
        indexes = [models.Index(fields=["content_type", "object_id"])]

    def __str__(self):
        return f"{self.entry_name}: {self.get_problem_display()}"

    @property
    def is_resolved(self):
        return self.resolved_at is not None

    def resolve(self, by, fixed_by=None):
        """Close the report (with the change that fixed it, if any) and forget the reader's note."""
        self.resolved_at = timezone.now()
        self.resolved_by = by
        self.fixed_by = fixed_by
        self.note = ""
        self.save(update_fields=["resolved_at", "resolved_by", "fixed_by", "note"])
