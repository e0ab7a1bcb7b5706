"""Guidance pages for each audience, whose text lives in append-only revisions."""

import uuid
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models.functions import RowNumber
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from config.history.tracked import TrackedEntry
from config.language_fallback import in_every_language
from config.permanent_addresses import PermanentSlug
from config.sources.models import CheckedEntry, Source  # noqa: F401 (Source: one list, kept in config.sources)


class Audience(models.TextChoices):
    ASYLUM_SEEKER = "asylum-seeker", _("Asylum-seekers")
    REFUGEE = "refugee", _("Refugees")
    STATELESS = "stateless", _("Stateless people")


class Significance(models.TextChoices):
    """How much a revision changes the meaning of a page (after Kitsune and GOV.UK)."""

    TYPO = "typo", _("Typo: spelling or formatting, the meaning is the same")
    MINOR = "minor", _("Minor: clearer wording, the facts are the same")
    MAJOR = "major", _("Major: facts changed; readers must be told")


# What a list of guidance pages shows (audience, title, summary): never the bodies of the pages.
LISTED_FIELDS = ("slug", "audience", "order", "last_major_update", "translation_status", "current_revision") + tuple(
    f"current_revision__{name}" for name in in_every_language("title", "summary")
)
MORE_PAGES_SHOWN = 12  # pages listed by title besides the first page for each audience


@dataclass
class GuidanceMenu:
    """What "Who are you?" offers (the first page for each audience), and a few more pages by title."""

    choices: list
    more: list

    def without(self, page):
        return GuidanceMenu([p for p in self.choices if p.pk != page.pk], [p for p in self.more if p.pk != page.pk])


class GuidancePageQuerySet(models.QuerySet):
    def published(self):
        return self.filter(current_revision__isnull=False)

    def for_reading(self):
        return self.published().select_related("current_revision").order_by("order")

    def with_recordings(self, language):
        """With the current recordings in `language` (`reader_recordings`): one more query for the page."""
        current = Recording.objects.current().filter(language=language).order_by("pk")
        return self.prefetch_related(models.Prefetch("recordings", queryset=current, to_attr="reader_recordings"))

    def for_listing(self):
        """Published pages with what a list of them shows, in every language (for the fallbacks)."""
        return self.for_reading().only(*LISTED_FIELDS)

    def menu(self, more=MORE_PAGES_SHOWN):
        """The first page for each audience, then up to `more` others by order: one query of at most
        len(Audience) + more rows, however many pages there are."""
        ranked = self.for_listing().annotate(
            rank=models.Window(RowNumber(), partition_by=models.F("audience"), order_by=("order", "slug"))
        )
        first = models.Case(models.When(rank=1, then=0), default=1)
        rows = list(ranked.order_by(first, "order", "slug")[: len(Audience) + more])
        return GuidanceMenu([p for p in rows if p.rank == 1], [p for p in rows if p.rank > 1])


class GuidancePage(PermanentSlug, models.Model):
    """A page of guidance for one audience; readers see its current published revision."""

    slug = models.SlugField(_("slug"), unique=True, help_text=_("Used in the page address. Never change it."))
    audience = models.CharField(_("audience"), max_length=20, choices=Audience.choices)
    order = models.PositiveSmallIntegerField(_("order"), default=100)
    current_revision = models.ForeignKey(
        "Revision", on_delete=models.PROTECT, null=True, blank=True, related_name="+",
        verbose_name=_("current revision"), editable=False,
    )
    last_major_update = models.DateTimeField(_("last updated"), null=True, blank=True, editable=False)
    # {language: translation state}, worked out from the published revisions each time one is
    # published (guidance/page_status.py), so that readers' pages need no extra query.
    translation_status = models.JSONField(_("translation status"), default=dict, blank=True, editable=False)
    # {language: [body sections behind a major English change]}: -1 for the title and summary, 0 for the
    # text before the first heading. Readers see the notice on these sections only.
    outdated_sections = models.JSONField(_("outdated sections"), default=dict, blank=True, editable=False)

    objects = GuidancePageQuerySet.as_manager()

    class Meta:
        ordering = ["order", "slug"]
        verbose_name = _("guidance page")
        verbose_name_plural = _("guidance pages")

    def __str__(self):
        return self.current_revision.title if self.current_revision else self.slug

    def get_absolute_url(self):
        return reverse("guidance:page", kwargs={"slug": self.slug})


class RevisionQuerySet(models.QuerySet):
    def published(self):
        return self.filter(status=Revision.Status.PUBLISHED)

    def open(self):
        """Drafts not yet published or rejected; a page has at most one."""
        return self.filter(status__in=Revision.OPEN_STATUSES)

    def awaiting_review(self):
        return self.filter(status=Revision.Status.REVIEW)

    def due(self, now):
        """Scheduled revisions whose publishing time has come."""
        return self.filter(status=Revision.Status.SCHEDULED, publish_at__lte=now).order_by("publish_at", "pk")

    def major(self):
        return self.filter(significance=Significance.MAJOR)

    def history(self):
        """What readers may see of a page's past: its published major changes, newest first."""
        return self.published().major().order_by("-published_at", "-pk").prefetch_related("sources")


class PublishedRevisionIsFrozen(ValidationError):
    pass


class Revision(models.Model):
    """One version of a guidance page's text in every language. Never edited once published."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        REVIEW = "review", _("Waiting for review")
        SCHEDULED = "scheduled", _("Scheduled")
        PUBLISHED = "published", _("Published")
        REJECTED = "rejected", _("Rejected")

    OPEN_STATUSES = (Status.DRAFT, Status.REVIEW, Status.SCHEDULED)
    EDITABLE_STATUSES = (Status.DRAFT, Status.REVIEW)
    FROZEN_STATUSES = (Status.PUBLISHED, Status.REJECTED)
    TEXT_FIELDS = ("title", "summary", "body")  # the page itself; the change note is about the change

    page = models.ForeignKey(GuidancePage, on_delete=models.PROTECT, related_name="revisions", verbose_name=_("page"))
    title = models.CharField(_("title"), max_length=200)
    summary = models.TextField(_("summary"), help_text=_("One or two sentences: what the reader must do and by when."))
    body = models.TextField(_("body"), help_text=_("Markdown. Start sections with “## ”; each gets a link anchor."))
    change_note = models.CharField(
        _("change note"), max_length=500, blank=True,
        help_text=_("What changed, for readers. Needed for a major change."),
    )
    significance = models.CharField(_("significance"), max_length=10, choices=Significance.choices, default=Significance.MAJOR)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.DRAFT)
    based_on = models.ForeignKey(
        "self", on_delete=models.PROTECT, null=True, blank=True, related_name="+", verbose_name=_("based on"),
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+",
        verbose_name=_("author"),
    )
    restores = models.ForeignKey(
        "self", on_delete=models.PROTECT, null=True, blank=True, related_name="+", verbose_name=_("restores"),
        help_text=_("Set when this revision was made by restoring an earlier one."),
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("last changed at"), auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+",
        verbose_name=_("last changed by"),
    )
    # Goes up by one at every change, so a save based on an older version is refused (edit conflicts).
    version = models.PositiveIntegerField(_("version"), default=1, editable=False)
    submitted_at = models.DateTimeField(_("submitted for review at"), null=True, blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+",
        verbose_name=_("reviewed by"),
    )
    reviewed_at = models.DateTimeField(_("reviewed at"), null=True, blank=True)
    review_comment = models.TextField(_("review comment"), blank=True)
    publish_at = models.DateTimeField(_("scheduled for"), null=True, blank=True)
    published_at = models.DateTimeField(_("published at"), null=True, blank=True)
    import_key = models.CharField(max_length=120, blank=True, editable=False, db_index=True)
    sources = models.ManyToManyField(
        Source, blank=True, related_name="revisions", verbose_name=_("sources"),
        help_text=_("The documents this text is based on."),
    )
    # A text taken from older documents, loaded with a day only to keep the history in order:
    # readers are shown its sources' own dates ("2019–2022"), not an invented day.
    dated_by_source = models.BooleanField(_("dated by its sources"), default=False, editable=False)
    # The segment map (guidance/segment_status.py): which English version each translated segment
    # translates. Stored when published; a draft keeps here only what translators confirmed.
    segments = models.JSONField(_("segments"), default=dict, blank=True, editable=False)

    objects = RevisionQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        get_latest_by = "published_at"
        verbose_name = _("revision")
        verbose_name_plural = _("revisions")
        permissions = [
            ("publish_revision", _("Can publish, reject and restore revisions")),
            ("translate_revision", _("Can edit the translations of drafts")),
        ]

    def __str__(self):
        moment = self.published_at or self.created_at
        return f"{self.title} ({self.get_status_display()}, {moment:%Y-%m-%d})" if moment else self.title

    def save(self, *args, **kwargs):
        # Published and rejected revisions are the record of what happened: never rewritten.
        if self.pk and Revision.objects.filter(pk=self.pk, status__in=self.FROZEN_STATUSES).exists():
            raise PublishedRevisionIsFrozen(
                _("A published or rejected revision cannot be changed. Edit the page to make a new revision."),
                code="frozen",
            )
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise PublishedRevisionIsFrozen(_("Revisions are never deleted: they are the page's history."), code="frozen")

    @property
    def is_published(self):
        return self.status == self.Status.PUBLISHED

    @property
    def is_editable(self):
        return self.status in self.EDITABLE_STATUSES

    @property
    def is_open(self):
        return self.status in self.OPEN_STATUSES


class KeyFigure(CheckedEntry, TrackedEntry):
    """A number about people forced to flee in Kazakhstan, with its date and source."""

    value = models.PositiveIntegerField(_("value"))
    label = models.CharField(_("what it counts"), max_length=250)
    detail = models.CharField(_("detail"), max_length=300, blank=True)
    as_of = models.DateField(_("as of"))
    as_of_year_only = models.BooleanField(_("only the year is known"), default=False)
    source = models.CharField(_("source"), max_length=200)
    is_current = models.BooleanField(_("current"), default=True, help_text=_("Untick to show it as an earlier figure."))
    order = models.PositiveSmallIntegerField(_("order"), default=100)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        ordering = ["-is_current", "order"]
        verbose_name = _("key figure")
        verbose_name_plural = _("key figures")

    def __str__(self):
        return f"{self.value} {self.label}"

    @property
    def last_changed(self):
        """A source date known only to its year is no day to show as "last updated"."""
        if self.changed_at is None and self.as_of_year_only:
            return None
        return super().last_changed


class FeedbackVote(models.Model):
    """One anonymous answer to "Was this page useful?" about the revision a reader read, in their language.

    Holds no personal data on purpose: no IP address, user agent, user, session or free text,
    and only the day, not the time.
    """

    class Reason(models.TextChoices):
        HARD_TO_UNDERSTAND = "hard", _("It is hard to understand")
        OUT_OF_DATE = "outdated", _("It is out of date or wrong")
        NOT_IN_MY_LANGUAGE = "language", _("It is not in my language")
        OTHER = "other", _("Something else")

    revision = models.ForeignKey(
        Revision, on_delete=models.PROTECT, related_name="feedback_votes", verbose_name=_("revision")
    )
    language = models.CharField(_("language"), max_length=10, help_text=_("The language of the page the person read."))
    useful = models.BooleanField(_("useful"))
    reason = models.CharField(_("reason"), max_length=10, choices=Reason.choices, blank=True)
    created_on = models.DateField(_("day"), auto_now_add=True)

    class Meta:
        ordering = ["-created_on", "-pk"]
        verbose_name = _("feedback vote")
        verbose_name_plural = _("feedback votes")
        indexes = [models.Index(fields=["revision", "language"], name="feedback_revision_language")]

    def __str__(self):
        return f"{self.revision_id} {self.language} {'+' if self.useful else '-'}{self.reason}"


class RecordingQuerySet(models.QuerySet):
    def current(self):
        """The recordings readers are offered: for each section and language, the one not replaced since."""
        return self.filter(superseded_by__isnull=True)


def recording_file_name(recording, filename):
    # A new name for every file (never reused), so a recording's address can be cached for good.
    return f"recordings/{uuid.uuid4().hex}{Path(filename).suffix}"


class Recording(models.Model):
    """A recording of one section of a guidance page read aloud in one language, tied to the English
    segment versions it reads. Kept when replaced: a new recording supersedes it."""

    page = models.ForeignKey(GuidancePage, on_delete=models.PROTECT, related_name="recordings", verbose_name=_("page"))
    # The segment id of the section's heading (guidance/segments/status.py): it follows the section across revisions.
    section = models.CharField(_("section"), max_length=20)
    language = models.CharField(_("language"), max_length=10, choices=settings.LANGUAGES)
    file = models.FileField(_("file"), upload_to=recording_file_name, max_length=200)
    duration = models.PositiveIntegerField(_("duration (seconds)"))
    size = models.PositiveIntegerField(_("size (bytes)"))
    # {segment id: English version} of the section's segments when it was recorded (from the segment map).
    english_versions = models.JSONField(_("English versions read"), default=dict, editable=False)
    revision = models.ForeignKey(
        Revision, on_delete=models.PROTECT, related_name="recordings", verbose_name=_("revision read"), editable=False,
    )
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+",
        verbose_name=_("uploaded by"), editable=False,
    )
    uploaded_at = models.DateTimeField(_("uploaded at"), auto_now_add=True)
    superseded_by = models.ForeignKey(
        "self", on_delete=models.PROTECT, null=True, blank=True, related_name="+", verbose_name=_("replaced by"),
        editable=False,
    )

    objects = RecordingQuerySet.as_manager()

    class Meta:
        ordering = ["page", "section", "language", "-uploaded_at", "-pk"]
        verbose_name = _("recording")
        verbose_name_plural = _("recordings")
        indexes = [models.Index(fields=["page", "superseded_by"], name="recording_page_current")]

    def __str__(self):
        return f"{self.page.slug} {self.section} {self.language} ({self.uploaded_at:%Y-%m-%d})"

    def delete(self, *args, **kwargs):
        raise PublishedRevisionIsFrozen(_("Recordings are never deleted: a new one replaces them."), code="frozen")


# Kept in its own module (it is about the translators' work, not the pages): imported here so Django finds it.
from .native_review import NativeReview  # noqa: E402, F401
