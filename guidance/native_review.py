"""Translations waiting for a native speaker's review: a machine-made translation (all of Pashto at first,
locale/ps/README.md), or one nobody who speaks the language has read yet, stays marked as needing review
in the translation status until a translator who names the language in their profile confirms it.

One record per page and language, kept after the confirmation (who confirmed it, and when). Readers are
shown nothing of it. Imported by guidance/models.py, so that Django finds the model.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class NativeReviewQuerySet(models.QuerySet):
    def waiting(self):
        return self.filter(confirmed_at__isnull=True)


class NativeReview(models.Model):
    page = models.ForeignKey("guidance.GuidancePage", on_delete=models.PROTECT, related_name="native_reviews",
                             verbose_name=_("page"))
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
        ordering = ["page", "language"]
        verbose_name = _("native speaker's review")
        verbose_name_plural = _("native speakers' reviews")
        constraints = [models.UniqueConstraint(fields=["page", "language"], name="native_review_page_language")]

    def __str__(self):
        return f"{self.page_id} {self.language}"

    @property
    def waiting(self):
        return self.confirmed_at is None


def mark(page, language, by=None):
    """Mark a page's translation as needing a native speaker's review (again, if it was confirmed before)."""
    NativeReview.objects.update_or_create(
        page=page, language=language,
        defaults={"marked_at": timezone.now(), "marked_by": by, "confirmed_at": None, "confirmed_by": None},
    )


def confirm(review, by):
    review.confirmed_at, review.confirmed_by = timezone.now(), by
    review.save(update_fields=["confirmed_at", "confirmed_by"])


def waiting_by_language():
    """{language: number of pages whose translation waits for a native speaker's review}: one query."""
    rows = NativeReview.objects.waiting().values("language").annotate(pages=models.Count("pk")).order_by()
    return {row["language"]: row["pages"] for row in rows}
