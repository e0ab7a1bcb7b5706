from django.contrib import admin
from modeltranslation.admin import TabbedTranslationAdmin, TranslationStackedInline

from offices.forms import DirectoryEntryForm

from .models import Branch, Partner, Service


@admin.register(Service)
class ServiceAdmin(TabbedTranslationAdmin):
    list_display = ["name", "slug", "order"]
    readonly_fields = ["uuid"]


class BranchInline(TranslationStackedInline):
    model = Branch
    form = DirectoryEntryForm
    extra = 0
    filter_horizontal = ["services"]
    readonly_fields = ["uuid", "updated_at"]


@admin.register(Partner)
class PartnerAdmin(TabbedTranslationAdmin):
    list_display = ["name", "short_name", "is_active"]
    list_filter = ["is_active", "services"]
    search_fields = ["name", "short_name"]
    filter_horizontal = ["services"]
    readonly_fields = ["uuid", "updated_at"]
    inlines = [BranchInline]


@admin.register(Branch)
class BranchAdmin(TabbedTranslationAdmin):
    form = DirectoryEntryForm
    list_display = ["partner", "city", "verified_on"]
    list_filter = ["city", "partner"]
    filter_horizontal = ["services"]
    readonly_fields = ["uuid", "updated_at"]
