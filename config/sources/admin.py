"""The staff list of sources (documents and pages the site's facts come from), the checks of a
directory entry, recorded inline on the entry's own change page, and the verification rounds of the
directory's admin lists: what is due for a check, and a check recorded in one step."""

from django.contrib import admin, messages
from django.contrib.contenttypes.admin import GenericTabularInline
from django.core.exceptions import PermissionDenied
from django.db import models
from django.db.models import F
from django.http import HttpResponseRedirect
from django.urls import path, reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import format_html
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext, ngettext, pgettext
from django.utils.translation import gettext_lazy as _

from config.language_tabs import TabbedTranslationAdmin

from . import rounds
from .models import Check, Source, record_checks

RECORD_CHECKS = "sources.add_check"


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


def seen_versions(request):
    """{pk: version} of the entries as the change list showed them to the person."""
    versions = {}
    for name, value in request.POST.items():
        pk = name.removeprefix("seen_version_")
        if name.startswith("seen_version_") and pk.isdigit() and value.isdigit():
            versions[int(pk)] = int(value)
    return versions


class DueForCheckFilter(admin.SimpleListFilter):
    """Entries whose next check is due (today or before) or that were never checked."""

    title = _("due for a check")
    parameter_name = "due"

    def lookups(self, request, model_admin):
        return [("due", _("Due or overdue")), ("later", _("Not yet due"))]

    def queryset(self, request, queryset):
        if self.value() in ("due", "later"):
            return queryset.filter(is_due=self.value() == "due")
        return queryset


class RoundsAdminMixin:
    """Lists directory entries due for a check first, marked, with their last check and next due date,
    and records a check in one step: "Checked today by phone — nothing changed"."""

    actions = ["checked_today_by_phone"]

    class Media:
        css = {"all": ["css/admin.css"]}

    def get_queryset(self, request):
        return rounds.with_due(super().get_queryset(request))

    def get_ordering(self, request):
        # Never checked, then the most overdue: what is due comes first. No annotation here: other admins'
        # choice lists of these entries use this ordering too.
        return [F("next_check_due").asc(nulls_first=True), *super().get_ordering(request)]

    def get_list_filter(self, request):
        return [DueForCheckFilter, *super().get_list_filter(request)]

    def get_list_display(self, request):
        shown = [*super().get_list_display(request), "checked_on", "next_check"]
        return [*shown, "check_button"] if self.has_record_check_permission(request) else shown

    def has_record_check_permission(self, request):
        return request.user.has_perm(RECORD_CHECKS)

    @admin.display(description=_("information checked on"), ordering="verified_on")
    def checked_on(self, obj):
        if obj.verified_on is None:
            return gettext("Never checked")
        return date_format(obj.verified_on, "DATE_FORMAT")

    @admin.display(description=_("next check due"), ordering="next_check_due")
    def next_check(self, obj):
        shown = date_format(obj.next_check_due, "DATE_FORMAT") if obj.next_check_due else pgettext("next check due", "now")
        if obj.is_due:
            return format_html('<strong class="needs-check">{}</strong>', shown)
        return shown

    @admin.display(description=_("record a check"))
    def check_button(self, obj):
        # A submit button of the change list's own form (it carries the CSRF token): one click, no JavaScript.
        # The version the person sees goes with it: an entry changed since is not recorded as checked.
        url = reverse(f"admin:{obj._meta.app_label}_{obj._meta.model_name}_checked")
        return format_html(
            '<input type="hidden" name="seen_version_{}" value="{}">'
            '<button type="submit" class="button" name="checked" value="{}" formaction="{}">{}</button>',
            obj.pk, obj.version, obj.pk, url, gettext("Checked today by phone — nothing changed"),
        )

    @admin.action(description=_("Checked today by phone — nothing changed"), permissions=["record_check"])
    def checked_today_by_phone(self, request, queryset):
        recorded, left = record_checks(
            queryset, user=request.user, method=Check.Method.PHONE, note=gettext("Nothing changed."),
            seen_versions=seen_versions(request),
        )
        count = len(recorded)
        self.message_user(
            request,
            ngettext("%(count)d entry marked as checked today.", "%(count)d entries marked as checked today.", count)
            % {"count": count},
            messages.SUCCESS if recorded else messages.WARNING,
        )
        if left:
            self.message_user(request, gettext(
                "Not marked as checked, because it changed since you loaded the list: %(entries)s. Look at it again first."
            ) % {"entries": "; ".join(str(entry) for entry in left)}, messages.ERROR)

    def get_urls(self):
        info = self.opts.app_label, self.opts.model_name
        return [
            path("checked/", self.admin_site.admin_view(self.checked_view), name="%s_%s_checked" % info),
            *super().get_urls(),
        ]

    def checked_view(self, request):
        changelist = reverse(f"admin:{self.opts.app_label}_{self.opts.model_name}_changelist")
        if request.method != "POST":
            return HttpResponseRedirect(changelist)
        if not (self.has_view_permission(request) and self.has_record_check_permission(request)):
            raise PermissionDenied
        pk = request.POST.get("checked", "")
        entry = self.get_queryset(request).filter(pk=pk) if pk.isdigit() else None
        if entry is None or not entry.exists():
            self.message_user(request, gettext("That entry does not exist (any more)."), messages.ERROR)
        else:
            self.checked_today_by_phone(request, entry)
        back = request.META.get("HTTP_REFERER", "")
        if not url_has_allowed_host_and_scheme(back, {request.get_host()}, request.is_secure()):
            back = changelist
        return HttpResponseRedirect(back)
