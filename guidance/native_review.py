"""Translations waiting for a native speaker's review: a machine-made translation (all of Pashto at first,
locale/ps/README.md), or one nobody who speaks the language has read yet, stays marked as needing review
in the translation status until a translator who names the language in their profile confirms it.

One record per page (or directory entry) and language, kept after the confirmation (who confirmed it, and
when). A directory entry (a tracked entry of config/history: city, office, partner, notice…) is named by its
content type and id, so that guidance needs no import of the directory apps. Readers are shown nothing of it.
Imported by guidance/models.py, so that Django finds the model.
"""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modeltranslation.utils import build_localized_fieldname

from config.history import stale_translations
from config.history.tracked import tracked_models


class NativeReviewQuerySet(models.QuerySet):
    def waiting(self):
        return self.filter(confirmed_at__isnull=True)

    def of_entries(self):
        return self.filter(page__isnull=True)


class NativeReview(models.Model):
    # Either a guidance page, or a directory entry (content_type + object_id): never both (the constraint below).
    page = models.ForeignKey("guidance.GuidancePage", on_delete=models.PROTECT, related_name="native_reviews",
                             null=True, blank=True, verbose_name=_("page"))
    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, null=True, blank=True,
                                     verbose_name=_("kind of entry"))
    object_id = models.PositiveBigIntegerField(_("entry id"), null=True, blank=True)
    entry = GenericForeignKey("content_type", "object_id")
    language = models.CharField(_("language"), max_length=10, choices=settings.LANGUAGES)
    marked_at = models.DateTimeField(_("marked as needing review at"), default=timezone.now)
    # None: marked when the content was loaded (a machine-assisted content file), not by a person
    marked_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
                                  related_name="+", verbose_name=_("marked by"))
    confirmed_at = models.DateTimeField(_("confirmed by a native speaker at"), null=True, blank=True)
    confirmed_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
                                     related_name="+", verbose_name=_("confirmed by"))

    objects = NativeReviewQuerySet.as_manager()

    class Meta:
        ordering = ["page", "content_type", "object_id", "language"]
        verbose_name = _("native speaker's review")
        verbose_name_plural = _("native speakers' reviews")
        constraints = [
            models.UniqueConstraint(fields=["page", "language"], name="native_review_page_language"),
            models.UniqueConstraint(fields=["content_type", "object_id", "language"], name="native_review_entry_language"),
            models.CheckConstraint(
                condition=(models.Q(page__isnull=False, content_type__isnull=True, object_id__isnull=True)
                           | models.Q(page__isnull=True, content_type__isnull=False, object_id__isnull=False)),
                name="native_review_page_or_entry",
            ),
        ]

    def __str__(self):
        return f"{self.page_id or f'{self.content_type_id}.{self.object_id}'} {self.language}"

    @property
    def waiting(self):
        return self.confirmed_at is None


def subject_of(page_or_entry):
    """The fields that name a page or a directory entry in a NativeReview."""
    if isinstance(page_or_entry, models.Model) and page_or_entry._meta.label_lower == "guidance.guidancepage":
        return {"page": page_or_entry}
    return {"content_type": ContentType.objects.get_for_model(page_or_entry), "object_id": page_or_entry.pk}


def mark(page_or_entry, language, by=None):
    """Mark a page's or an entry's translation as needing a native speaker's review (again, if it was confirmed)."""
    NativeReview.objects.update_or_create(
        **subject_of(page_or_entry), language=language,
        defaults={"marked_at": timezone.now(), "marked_by": by, "confirmed_at": None, "confirmed_by": None},
    )


def confirm(review, by):
    review.confirmed_at, review.confirmed_by = timezone.now(), by
    review.save(update_fields=["confirmed_at", "confirmed_by"])


def waiting_counts():
    """{language: (pages, directory entries) whose translation waits for a native speaker's review}: one query."""
    rows = (NativeReview.objects.waiting().values("language")
            .annotate(pages=models.Count("page"), entries=models.Count("object_id")).order_by())
    return {row["language"]: (row["pages"], row["entries"]) for row in rows}


def waiting_by_language():
    """{language: number of pages and directory entries whose translation waits for a native speaker's review}:
    one query."""
    return {language: pages + entries for language, (pages, entries) in waiting_counts().items()}


def mark_new_entries(before, languages):
    """Mark the translations in `languages` of the directory entries created since `before` (known_entries()'s
    snapshot) that have text in them: the machine-assisted values of the directory's content files."""
    for model, known in before.items():
        names = stale_translations.translated_fields(model)
        for entry in model._base_manager.exclude(pk__in=known).order_by("pk"):
            for language in languages:
                if any(getattr(entry, build_localized_fieldname(name, language), "") for name in names):
                    mark(entry, language)


def known_entries():
    """{model: {pk}} of every kind of directory entry now: what mark_new_entries compares with."""
    return {model: set(model._base_manager.values_list("pk", flat=True)) for model in tracked_models()}


def forget_deleted_entry(sender, instance, **kwargs):
    """A deleted directory entry waits for no review (connected to each kind of tracked entry in apps.py)."""
    NativeReview.objects.filter(content_type=ContentType.objects.get_for_model(instance), object_id=instance.pk).delete()
