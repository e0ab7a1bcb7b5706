"""The kind of entry whose every field change is recorded: TrackedEntry, the kinds there are, and those behind the English."""

from django.apps import apps
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from . import recording, stale_translations
from .labels import admin_url


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

    # Listed on the translation status language by language, as a guidance page is, and not only once behind
    # the English: a kind of entry whose readers need it in their language soon after it is written (a notice).
    translation_followed = False

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        with recording.recorded_save(self):
            super().save(*args, **kwargs)

    @classmethod
    def entries_to_translate(cls):
        """The entries of this kind translators are given (exchange files, the translation status): all of them,
        unless a kind says which (a notice that is over is not worth translating)."""
        return cls._base_manager.all()

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


def followed_entries():
    """[(model, [entry])] of the kinds whose every translation the translation status follows, language by language."""
    return [(model, list(model.entries_to_translate().order_by("pk"))) for model in tracked_models() if model.translation_followed]


def entries_needing_update():
    """Every tracked entry with a translation that needs an update, for the translation status view:
    [{"entry", "kind", "admin_url", "needs"}], one query per kind of entry."""
    rows = []
    for model in tracked_models():
        for entry in model._base_manager.exclude(outdated_translations={}).order_by("pk"):
            rows.append({
                "entry": entry,
                "kind": model._meta.verbose_name,
                "admin_url": admin_url(model._meta.app_label, model._meta.model_name, entry.pk),
                "needs": [label for _choice, label in stale_translations.outdated(entry)],
            })
    return rows
