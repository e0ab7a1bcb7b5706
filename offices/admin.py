from django.contrib import admin
from modeltranslation.admin import TabbedTranslationAdmin, TranslationTabularInline

from .models import City, FormerCityName, Office


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
    list_display = ["name", "kind", "city", "is_current", "verified_on"]
    list_filter = ["kind", "is_current", "city"]
    search_fields = ["name", "address", "address_local", "phones"]
    readonly_fields = ["uuid", "updated_at"]
