"""Where the site's facts come from and when they were last found true: one list of sources (the
documents and pages guidance revisions and directory entries are based on) and the checks of entries.

Both sit below the apps that use them (guidance, offices, partners), so one list serves them all.
"""

from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey, GenericRelation
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from . import rounds


class Source(models.Model):
    """A public document or web page the site's facts come from, and as of when its facts were true."""

    class Kind(models.TextChoices):
        DOCUMENT = "document", _("Document")
        PAGE = "page", _("Web page")

    key = models.SlugField(_("key"), max_length=20, unique=True, help_text=_("How the content files name it, e.g. 001."))
    kind = models.CharField(_("kind of source"), max_length=10, choices=Kind.choices, default=Kind.DOCUMENT)
    title = models.CharField(_("title"), max_length=300)
    publisher = models.CharField(_("published by"), max_length=200, blank=True, help_text=_("For example: UNHCR."))
    url = models.URLField(_("address on the internet"), max_length=500, blank=True, help_text=_("Only if it is public."))
    # Only as precise as the document itself: "July 2018", "2019–2022", "about 2021".
    as_of = models.CharField(_("as of"), max_length=100, help_text=_("When its facts were true, as the document says it."))
    year = models.PositiveSmallIntegerField(_("year"), help_text=_("The last year its facts are known to be true."))
    read_on = models.DateField(
        _("read on"), null=True, blank=True,
        help_text=_("For an undated page: the day staff read it. Its checks of entries default to this day."),
    )

    class Meta:
        db_table = "guidance_source"  # the table guidance created; the model moved here (migration 0001)
        ordering = ["year", "key"]
        verbose_name = _("source")
        verbose_name_plural = _("sources")

    def __str__(self):
        return f"{self.title} ({self.as_of})"

    @property
    def site(self):
        """The website a page is on, as readers recognise it: help.unhcr.org."""
        host = urlsplit(self.url).hostname or ""
        return host.removeprefix("www.")


class CheckQuerySet(models.QuerySet):
    def of(self, entry):
        return self.filter(content_type=ContentType.objects.get_for_model(entry), object_id=entry.pk)

    def newest_first(self):
        # An undated reading of a document (its own date stands) comes after every dated check.
        return self.order_by(models.F("checked_on").desc(nulls_last=True), "-pk")


class Check(models.Model):
    """One check of a directory entry (an office, a branch, a partner, a key figure): how, when and by
    whom its facts were found true, and from which source. A dated reading of a source is a check too."""

    class Method(models.TextChoices):
        SOURCE = "source", _("Reading a public source")
        PHONE = "phone", _("Phone call")
        VISIT = "visit", _("Visit")
        PARTNER = "partner", _("The organisation's own confirmation")
        # Checks recorded before staff said how (the former "Verified today" button).
        STAFF = "staff", _("Checked by staff (how was not recorded)")

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, verbose_name=_("kind of entry"))
    object_id = models.PositiveBigIntegerField(_("entry id"))
    entry = GenericForeignKey("content_type", "object_id")
    method = models.CharField(_("how"), max_length=10, choices=Method.choices, default=Method.SOURCE)
    source = models.ForeignKey(
        Source, on_delete=models.PROTECT, null=True, blank=True, related_name="checks", verbose_name=_("source"),
        help_text=_("Needed for a reading of a source; optional otherwise (a letter, an e-mail)."),
    )
    checked_on = models.DateField(
        _("when"), null=True, blank=True,
        help_text=_("Empty only for a document read at an unknown date: its own date then stands."),
    )
    checked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+",
        verbose_name=_("by whom"),
    )
    note = models.CharField(_("what was found"), max_length=300, blank=True, help_text=_("Seen by staff only."))
    recorded_at = models.DateTimeField(_("recorded at"), default=timezone.now, editable=False)

    objects = CheckQuerySet.as_manager()

    class Meta:
        ordering = ["-checked_on", "-pk"]
        verbose_name = _("check")
        verbose_name_plural = _("sources and checks")
        indexes = [models.Index(fields=["content_type", "object_id"])]

    def __str__(self):
        return f"{self.get_method_display()} {self.checked_on or ''}".strip()

    def save(self, *args, **kwargs):
        super().save(*args, **kwargs)
        refresh_checks(self.content_type.model_class(), self.object_id)

    def delete(self, *args, **kwargs):
        model, object_id = self.content_type.model_class(), self.object_id
        result = super().delete(*args, **kwargs)
        refresh_checks(model, object_id)
        return result

    def clean(self):
        super().clean()
        if self.method == self.Method.SOURCE and self.source_id is None:
            raise ValidationError({"source": _("Choose the source that was read.")})
        if self.checked_on is None and self.source_id and self.source.read_on:
            self.checked_on = self.source.read_on
        if self.checked_on is None and self.method != self.Method.SOURCE:
            raise ValidationError({"checked_on": _("Say when the check was made.")})
        if self.checked_on and self.checked_on > timezone.localdate():
            raise ValidationError({"checked_on": _("A check cannot be in the future.")})

    @property
    def is_reading(self):
        return self.method == self.Method.SOURCE


class CheckedEntry(models.Model):
    """An entry whose facts carry their source and their last check, which readers see beside it,
    and whose next check is due on a date (config/sources/rounds.py).

    `source_check` and `last_check` point at the entry's newest check with a source and its newest
    check of any kind, and `verified_on` is the day of its newest dated check, all kept by Check.save()
    and delete() (never set otherwise), so a page reads them in the same query as the entries
    (select_related), however many entries it shows; `next_check_due` follows from `verified_on`.
    """

    checks = GenericRelation(Check)
    source_check = models.ForeignKey(
        Check, on_delete=models.SET_NULL, null=True, blank=True, editable=False, related_name="+",
        verbose_name=_("source"),
    )
    last_check = models.ForeignKey(
        Check, on_delete=models.SET_NULL, null=True, blank=True, editable=False, related_name="+",
        verbose_name=_("last check"),
    )
    verified_on = models.DateField(_("information checked on"), null=True, blank=True, editable=False)
    check_every_days = models.PositiveSmallIntegerField(
        _("check every (days)"), null=True, blank=True,
        help_text=_("Leave empty for the usual rule: every 30 days for application points and hotlines, every 90 days for the rest."),
    )
    next_check_due = models.DateField(_("next check due"), null=True, blank=True, editable=False)

    # What querysets select with the entries, so that no card runs a query of its own.
    CHECKS_RELATED = ("source_check__source", "last_check")

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        self.next_check_due = rounds.due_date(self)  # the interval may have changed (a kind, staff's own)
        if kwargs.get("update_fields") is not None:
            kwargs["update_fields"] = {*kwargs["update_fields"], "next_check_due"}
        super().save(*args, **kwargs)

    @property
    def shown_check(self):
        """The last check, when it says more than the source's reading does."""
        check = self.last_check
        if check is None or check.pk == self.source_check_id:
            return None
        return check

    @property
    def is_overdue(self):
        return rounds.is_overdue(self)


def refresh_checks(model, object_id):
    """Point the entry at its newest check with a source and its newest check, and set the day of its
    newest dated check (the public "checked on") and the day its next check is due."""
    if model is None or not issubclass(model, CheckedEntry):
        return
    checks = Check.objects.filter(content_type=ContentType.objects.get_for_model(model), object_id=object_id)
    newest = checks.newest_first()
    entry = model._base_manager.filter(pk=object_id).first()
    if entry is None:
        return
    dated = newest.filter(checked_on__isnull=False).first()
    entry.verified_on = dated.checked_on if dated else None
    model._base_manager.filter(pk=object_id).update(
        source_check=newest.filter(source__isnull=False).first(),
        last_check=newest.first(),
        verified_on=entry.verified_on,
        next_check_due=rounds.due_date(entry),
    )


def record_checks(entries, *, user, method, note="", seen_versions=None, today=None):
    """Record a check made today of each entry (one step from the admin list). Returns (recorded, left):
    the entries left are those changed since the person looked at them (`seen_versions`, {pk: version}):
    what they checked is not what the entry says now."""
    recorded, left = [], []
    for entry in entries:
        seen = (seen_versions or {}).get(entry.pk)
        if seen is not None and seen != getattr(entry, "version", seen):
            left.append(entry)
            continue
        Check(entry=entry, method=method, checked_on=today or timezone.localdate(), checked_by=user, note=note).save()
        recorded.append(entry)
    return recorded, left
