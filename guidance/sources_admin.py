"""The staff list of source documents that guidance revisions are based on, each with as of when.

Imported (and so registered) from guidance/admin.py; a revision's sources are chosen on its draft.
"""

from django.contrib import admin

from config.language_tabs import TabbedTranslationAdmin

from .models import Source


@admin.register(Source)
class SourceAdmin(TabbedTranslationAdmin):
    list_display = ["key", "title", "as_of", "year"]
    search_fields = ["key", "title", "as_of"]

    def has_delete_permission(self, request, obj=None):
        return False  # published revisions name their sources: the history must keep them
