"""Staff editing of cities and offices; entries not checked for 180 days come first, marked."""

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.db import models
from django.db.models import F
from django.http import HttpResponseRedirect
from django.urls import path, reverse
from django.utils.formats import date_format
from django.utils.html import format_html
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

from config.history.admin import TrackedEntryAdmin, TrackedInline
from config.history.spreadsheets import SpreadsheetAdmin
from config.language_tabs import TabbedTranslationAdmin, TranslationTabularInline
from config.permanent_addresses import PermanentSlugAdmin
from config.sources.admin import CheckInline

from . import freshness
from .forms import DirectoryEntryForm
from .models import City, DirectoryChange, FormerCityName, Office
from .resources import OfficeResource


class FreshnessFilter(admin.SimpleListFilter):
    title = _("information checked")
    parameter_name = "checked"

    def lookups(self, request, model_admin):
        return [("stale", _("Needs checking (180 days or never)")), ("fresh", _("Checked in the last 180 days"))]

    def queryset(self, request, queryset):
        if self.value() in ("stale", "fresh"):
            return queryset.filter(needs_check=self.value() == "stale")
        return queryset


# A website typed without a scheme is taken as https (Django 6's default, chosen now).
HTTPS_URLS = {models.URLField: {"assume_scheme": "https"}}


def seen_versions(request):
    """{pk: version} of the entries as the change list showed them to the person."""
    versions = {}
    for name, value in request.POST.items():
        pk = name.removeprefix("seen_version_")
        if name.startswith("seen_version_") and pk.isdigit() and value.isdigit():
            versions[int(pk)] = int(value)
    return versions


class VerifiedOnAdminMixin:
    """Lists directory entries not checked for 180 days first, marked, with a one-click "Verified today"."""

    actions = ["mark_verified_today"]

    class Media:
        css = {"all": ["css/admin.css"]}

    def get_queryset(self, request):
        # Annotate before ordering: the ordering uses the annotation.
        queryset = freshness.with_freshness(self.model._default_manager.get_queryset())
        return queryset.order_by(*self.get_ordering(request))

    def get_ordering(self, request):
        return ["-needs_check", F("verified_on").asc(nulls_first=True), *super().get_ordering(request)]

    def get_list_filter(self, request):
        return [FreshnessFilter, *super().get_list_filter(request)]

    def get_list_display(self, request):
        return [*super().get_list_display(request), "checked_on", "verify_button"]

    @admin.display(description=_("information checked on"), ordering="verified_on")
    def checked_on(self, obj):
        if obj.verified_on is None:
            if not obj.needs_check:  # a former entry: history, nobody checks it
                return gettext("Never checked")
            return format_html('<strong class="needs-check">{}</strong>', gettext("Never checked"))
        shown = date_format(obj.verified_on, "DATE_FORMAT")
        if obj.needs_check:
            return format_html(
                '<strong class="needs-check">{}</strong>',
                gettext("%(date)s — over 180 days ago, check it") % {"date": shown},
            )
        return shown

    @admin.display(description=_("verify"))
    def verify_button(self, obj):
        # A submit button of the change list's own form (it carries the CSRF token): one click, no JavaScript.
        # The version the person sees goes with it: an entry changed since is not marked as checked.
        url = reverse(f"admin:{obj._meta.app_label}_{obj._meta.model_name}_verified")
        return format_html(
            '<input type="hidden" name="seen_version_{}" value="{}">'
            '<button type="submit" class="button" name="verified" value="{}" formaction="{}">{}</button>',
            obj.pk, obj.version, obj.pk, url, gettext("Verified today"),
        )

    @admin.action(description=_("Mark as verified today"), permissions=["change"])
    def mark_verified_today(self, request, queryset):
        marked, left = freshness.mark_verified(queryset, seen_versions(request))
        count = len(marked)
        self.message_user(
            request,
            ngettext("%(count)d entry marked as checked today.", "%(count)d entries marked as checked today.", count)
            % {"count": count},
            messages.SUCCESS if marked else messages.WARNING,
        )
        if left:
            self.message_user(request, gettext(
                "Not marked as checked, because it changed since you loaded the list: %(entries)s. Look at it again first."
            ) % {"entries": "; ".join(str(entry) for entry in left)}, messages.ERROR)

    def get_urls(self):
        info = self.opts.app_label, self.opts.model_name
        return [
            path("verified/", self.admin_site.admin_view(self.verified_view), name="%s_%s_verified" % info),
            *super().get_urls(),
        ]

    def verified_view(self, request):
        changelist = reverse(f"admin:{self.opts.app_label}_{self.opts.model_name}_changelist")
        if request.method != "POST":
            return HttpResponseRedirect(changelist)
        if not self.has_change_permission(request):
            raise PermissionDenied
        pk = request.POST.get("verified", "")
        entry = self.get_queryset(request).filter(pk=pk) if pk.isdigit() else None
        if entry is None or not entry.exists():
            self.message_user(request, gettext("That entry does not exist (any more)."), messages.ERROR)
        else:
            self.mark_verified_today(request, entry)
        back = request.META.get("HTTP_REFERER", "")
        if not url_has_allowed_host_and_scheme(back, {request.get_host()}, request.is_secure()):
            back = changelist
        return HttpResponseRedirect(back)


class FormerCityNameInline(PermanentSlugAdmin, TrackedInline, TranslationTabularInline):
    model = FormerCityName
    extra = 0


@admin.register(City)
class CityAdmin(PermanentSlugAdmin, TrackedEntryAdmin, TabbedTranslationAdmin):
    list_display = ["name", "slug", "order"]
    list_editable = ["order"]
    inlines = [FormerCityNameInline]


@admin.register(Office)
class OfficeAdmin(SpreadsheetAdmin, VerifiedOnAdminMixin, PermanentSlugAdmin, TrackedEntryAdmin, TabbedTranslationAdmin):
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
