"""Staff editing of cities and offices; offices due for a check come first, marked (config/sources/rounds.py)."""

from django.contrib import admin
from django.db import models

from config.history.admin import TrackedEntryAdmin, TrackedInline
from config.history.spreadsheets import SpreadsheetAdmin
from config.language_tabs import TabbedTranslationAdmin, TranslationTabularInline
from config.permanent_addresses import PermanentSlugAdmin
from config.sources.admin import CheckInline, RoundsAdminMixin

from .forms import DirectoryEntryForm
from .models import City, DirectoryChange, FormerCityName, Office
from .resources import OfficeResource

# A website typed without a scheme is taken as https (Django 6's default, chosen now).
HTTPS_URLS = {models.URLField: {"assume_scheme": "https"}}


class FormerCityNameInline(PermanentSlugAdmin, TrackedInline, TranslationTabularInline):
    model = FormerCityName
    extra = 0


@admin.register(City)
class CityAdmin(PermanentSlugAdmin, TrackedEntryAdmin, TabbedTranslationAdmin):
    list_display = ["name", "slug", "order"]
    list_editable = ["order"]
    inlines = [FormerCityNameInline]


@admin.register(Office)
class OfficeAdmin(SpreadsheetAdmin, RoundsAdminMixin, PermanentSlugAdmin, TrackedEntryAdmin, TabbedTranslationAdmin):
    resource_classes = [OfficeResource]
    formfield_overrides = HTTPS_URLS
    form = DirectoryEntryForm
    list_display = ["name", "kind", "city", "is_current"]
    list_filter = ["kind", "is_current", "city"]
    search_fields = ["name", "address", "address_local", "phones"]
    readonly_fields = ["uuid", "updated_at"]
    list_select_related = ["city"]
    inlines = [CheckInline]


@admin.register(DirectoryChange)
class DirectoryChangeAdmin(TabbedTranslationAdmin):
    """Recorded automatically; staff may add a note, correct the date, or hide a mere correction."""

    list_display = ["__str__", "kind", "changed_at", "is_public"]
    list_filter = ["kind", "is_public"]
    date_hierarchy = "changed_at"
    fields = ["kind", "office", "branch", "changed_at", "change_note", "is_public", "address", "address_local", "phones", "uuid"]
    readonly_fields = ["kind", "office", "branch", "address", "address_local", "phones", "uuid"]

    def has_add_permission(self, request):
        return False
