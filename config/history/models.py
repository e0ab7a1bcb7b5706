"""Edits of directory entries: their version (for edit conflicts), their field history, their stale translations."""

from django.apps import apps
from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class TrackedEntry(models.Model):
    """An entry staff edit whose every field change is recorded, with a version that refuses stale saves.

    `version` rises by one with each save that changes a field (a re-save that changes nothing
    leaves it, so it refuses no one); `changed_at` is when that last happened, which is what
    "last updated" tells readers. `outdated_translations` lists, per translated field, the
    languages whose text was written for an earlier English text ({"address": ["ru", "kk"]}).
    """

    version = models.PositiveIntegerField(_("version"), default=1, editable=False)
    changed_at = models.DateTimeField(_("last changed at"), null=True, blank=True, editable=False)
    outdated_translations = models.JSONField(_("translations that need an update"), default=dict, blank=True, editable=False)

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        from . import recording

        with recording.recorded_save(self):
            super().save(*args, **kwargs)

    @property
    def last_changed(self):
        """The date what readers see of this entry last really changed; the source's own date (`as_of`,
        where the model has one) for content nobody changed since it was loaded; None when unknown."""
        if self.changed_at is not None:
            return timezone.localdate(self.changed_at)
        return getattr(self, "as_of", None)


def tracked_models():
    """Every kind of tracked entry, in a fixed order (by app, then model)."""
    return sorted((model for model in apps.get_models() if issubclass(model, TrackedEntry)), key=lambda model: model._meta.label_lower)


class FieldChangeQuerySet(models.QuerySet):
    def of(self, entry):
        return self.filter(content_type=ContentType.objects.get_for_model(entry), object_id=entry.pk)

    def newest_first(self):
        return self.select_related("changed_by", "content_type").order_by("-changed_at", "-pk")


class FieldChange(models.Model):
    """One field of one directory entry changed: who, when, from what to what, in which language."""

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, verbose_name=_("kind of entry"))
    object_id = models.PositiveBigIntegerField(_("entry id"), db_index=True)
    entry = GenericForeignKey("content_type", "object_id")
    entry_name = models.CharField(_("entry"), max_length=250)
    field = models.CharField(_("field"), max_length=100)  # attribute name: "phones", "address_ru", "city_id"
    language = models.CharField(_("language"), max_length=10, blank=True)  # of a translated field
    old_value = models.TextField(_("old value"), blank=True)
    new_value = models.TextField(_("new value"), blank=True)
    version = models.PositiveIntegerField(_("version"))  # the entry's version this change made
    changed_at = models.DateTimeField(_("changed at"), default=timezone.now, db_index=True)
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+",
        verbose_name=_("changed by"),
    )
    restores = models.ForeignKey(
        "self", on_delete=models.SET_NULL, null=True, blank=True, related_name="+",
        verbose_name=_("restores the value before"),
    )
    # Why, for a change no one made by hand: a shipped directory update names itself and its source here.
    note = models.CharField(_("note"), max_length=300, blank=True)

    objects = FieldChangeQuerySet.as_manager()

    class Meta:
        ordering = ["-changed_at", "-pk"]
        verbose_name = _("field change")
        verbose_name_plural = _("field changes")
        indexes = [models.Index(fields=["content_type", "object_id", "version"])]

    def __str__(self):
        return f"{self.entry_name}: {self.field}"
