from django.contrib import admin
from modeltranslation.admin import TabbedTranslationAdmin, TranslationTabularInline

from .forms import DirectoryEntryForm
from .models import City, DirectoryChange, FormerCityName, Office


class FormerCityNameInline(TranslationTabularInline):
    model = FormerCityName
    extra = 0


@admin.register(City)
class CityAdmin(TabbedTranslationAdmin):
    list_display = ["name", "slug", "order"]
    list_editable = ["order"]
    inlines = [FormerCityNameInline]


@admin.register(Office)
class OfficeAdmin(TabbedTranslationAdmin):
    form = DirectoryEntryForm
    list_display = ["name", "kind", "city", "is_current", "verified_on"]
    list_filter = ["kind", "is_current", "city"]
    search_fields = ["name", "address", "address_local", "phones"]
    readonly_fields = ["uuid", "updated_at"]


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
