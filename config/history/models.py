"""The field history of directory entries: one row per field a save changed (the entries build on tracked.TrackedEntry)."""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


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
