from django.contrib import admin
from modeltranslation.admin import TabbedTranslationAdmin

from .models import GuidancePage, KeyFigure, Revision


@admin.register(GuidancePage)
class GuidancePageAdmin(admin.ModelAdmin):
    list_display = ["slug", "audience", "current_revision", "last_major_update"]
    readonly_fields = ["current_revision", "last_major_update"]


@admin.register(Revision)
class RevisionAdmin(TabbedTranslationAdmin):
    list_display = ["title", "page", "status", "significance", "published_at"]
    list_filter = ["page", "status", "significance"]
    readonly_fields = ["status", "published_at", "created_at", "author"]

    def has_delete_permission(self, request, obj=None):
        return obj is None or not obj.is_published

    def has_change_permission(self, request, obj=None):
        return obj is None or not obj.is_published


@admin.register(KeyFigure)
class KeyFigureAdmin(TabbedTranslationAdmin):
    list_display = ["label", "value", "as_of", "is_current"]


# "Was this page useful?" readout, kept in its own module (registered there).
from .feedback_admin import FeedbackVoteAdmin  # noqa: E402, F401
