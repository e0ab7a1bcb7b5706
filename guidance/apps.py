from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


def page_tags(guidance_page):
    return ("guidance", f"guidance-page:{guidance_page.pk}")


def revision_tags(revision):
    # Readers only ever see published revisions: a draft saved, scheduled or rejected changes no page.
    if not revision.is_published:
        return ()
    return ("guidance", f"guidance-page:{revision.page_id}")


def recording_tags(recording):
    return ("guidance", f"guidance-page:{recording.page_id}")


class GuidanceConfig(AppConfig):
    name = "guidance"
    verbose_name = _("Guidance")

    def ready(self):
        from django.db.models.signals import post_delete

        from config import page_cache
        from config.history import stale_translations
        from config.history.tracked import tracked_models

        from . import native_review
        from .segments.checks import field_problems

        page_cache.register_model("guidance.guidancepage", page_tags)
        page_cache.register_model("guidance.revision", revision_tags)
        page_cache.register_model("guidance.keyfigure", "figures")
        page_cache.register_model("guidance.source", "guidance")  # named in the page histories and the updates list
        page_cache.register_model("guidance.recording", recording_tags)
        page_cache.register_model("guidance.feedbackvote")  # no page shows a vote

        # Directory entries' translations get the same checks as guidance segments when staff save them.
        stale_translations.register_check(field_problems)

        for model in tracked_models():  # a deleted directory entry leaves no review waiting behind
            post_delete.connect(native_review.forget_deleted_entry, sender=model, dispatch_uid=f"native-review-{model._meta.label}")
