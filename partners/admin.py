from django.contrib import admin

from config.history.admin import TrackedEntryAdmin, TrackedInline
from config.history.spreadsheets import SpreadsheetAdmin
from config.language_tabs import TabbedTranslationAdmin, TranslationStackedInline, TranslationTabularInline
from config.permanent_addresses import PermanentSlugAdmin
from config.sources.admin import CheckInline, RoundsAdminMixin
from offices.admin import HTTPS_URLS
from offices.forms import DirectoryEntryForm

from . import proposal_admin  # noqa: F401  (partner accounts and their proposals)
from .models import Branch, FormerPartnerName, Partner, Service
from .resources import BranchResource, PartnerResource


@admin.register(Service)
class ServiceAdmin(PermanentSlugAdmin, TrackedEntryAdmin, TabbedTranslationAdmin):
    list_display = ["name", "slug", "order"]
    readonly_fields = ["uuid"]


class BranchInline(TrackedInline, TranslationStackedInline):
    model = Branch
    form = DirectoryEntryForm
    extra = 0
    filter_horizontal = ["services"]
    readonly_fields = ["uuid", "updated_at"]


class FormerPartnerNameInline(PermanentSlugAdmin, TrackedInline, TranslationTabularInline):
    """Earlier names whose page addresses still lead to the partner."""

    model = FormerPartnerName
    extra = 0


@admin.register(Partner)
class PartnerAdmin(SpreadsheetAdmin, RoundsAdminMixin, PermanentSlugAdmin, TrackedEntryAdmin, TabbedTranslationAdmin):
    resource_classes = [PartnerResource]
    formfield_overrides = HTTPS_URLS
    list_display = ["name", "short_name", "is_active"]
    list_filter = ["is_active", "services", "branches__city"]  # by city: what the admin home links to
    search_fields = ["name", "short_name"]
    filter_horizontal = ["services"]
    readonly_fields = ["uuid", "updated_at"]
    inlines = [BranchInline, FormerPartnerNameInline, CheckInline]


@admin.register(Branch)
class BranchAdmin(SpreadsheetAdmin, RoundsAdminMixin, TrackedEntryAdmin, TabbedTranslationAdmin):
    resource_classes = [BranchResource]
    form = DirectoryEntryForm
    list_display = ["partner", "city"]
    list_filter = ["city", "partner"]
    filter_horizontal = ["services"]
    readonly_fields = ["uuid", "updated_at"]
    list_select_related = ["partner", "city"]
    inlines = [CheckInline]
