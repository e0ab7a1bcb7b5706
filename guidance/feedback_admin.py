"""The staff readout of "Was this page useful?": per page and language, for the current and previous revisions.

Votes are read-only: nobody adds, edits or deletes them by hand. Imported (and so registered)
from guidance/admin.py.
"""

from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _

from .feedback import readout
from .models import FeedbackVote


@admin.register(FeedbackVote)
class FeedbackVoteAdmin(admin.ModelAdmin):
    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def changelist_view(self, request, extra_context=None):
        """Instead of a list of anonymous rows, the counts staff act on."""
        if not self.has_view_permission(request):
            raise PermissionDenied
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "title": _("Was this page useful? Answers per page and language"),
            "pages": readout(),
            "reasons": FeedbackVote.Reason.labels,
            **(extra_context or {}),
        }
        return TemplateResponse(request, "admin/guidance/feedbackvote/readout.html", context)
