"""The staff list of sources (documents and pages the site's facts come from), and the checks of a
directory entry, recorded inline on the entry's own change page."""

from django.contrib import admin
from django.contrib.contenttypes.admin import GenericTabularInline
from django.db import models
from django.utils import timezone

from config.language_tabs import TabbedTranslationAdmin

from .models import Check, Source


@admin.register(Source)
class SourceAdmin(TabbedTranslationAdmin):
    list_display = ["key", "title", "kind", "as_of", "read_on", "year"]
    list_filter = ["kind"]
    search_fields = ["key", "title", "as_of", "url"]
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}

    def has_delete_permission(self, request, obj=None):
        return False  # published revisions and entries' checks name their sources: the history must keep them


class CheckInline(GenericTabularInline):
    """Where this entry's facts come from and when they were last found true, newest first."""

    model = Check
    extra = 1
    fields = ["method", "source", "checked_on", "checked_by", "note"]
    autocomplete_fields = []
    ordering = ["-checked_on", "-pk"]

    def get_formset(self, request, obj=None, **kwargs):
        formset = super().get_formset(request, obj, **kwargs)
        # A new check is made today by the person recording it, unless they say otherwise.
        formset.form.base_fields["checked_on"].initial = timezone.localdate
        formset.form.base_fields["checked_by"].initial = request.user.pk
        return formset
