"""The staff queue of readers' reports: per entry with counts by problem and language above the list;
a report is resolved with the change that fixed it (a field change of that entry), which deletes its note."""

from django import forms
from django.contrib import admin, messages
from django.utils.formats import date_format
from django.utils.html import format_html
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

from config.history.labels import admin_url, change_label
from config.history.models import FieldChange
from offices.models import City

from . import queue
from .models import Report


class StatusFilter(admin.SimpleListFilter):
    title = _("status")
    parameter_name = "status"

    def lookups(self, request, model_admin):
        return [("open", _("open")), ("resolved", _("resolved"))]

    def queryset(self, request, queryset):
        if self.value() == "open":
            return queryset.open()
        if self.value() == "resolved":
            return queryset.filter(resolved_at__isnull=False)
        return queryset


class CityFilter(admin.SimpleListFilter):
    """My cities (their ids, comma-separated, as the admin home links): their entries and those of no city."""

    title = _("city")
    parameter_name = "city"

    def lookups(self, request, model_admin):
        return [(str(city.pk), city.name) for city in City.objects.listed()]

    def queryset(self, request, queryset):
        ids = [part for part in (self.value() or "").split(",") if part.isdigit()]
        return queryset.in_cities(ids) if ids else queryset


class ChangeChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, change):
        return f"{date_format(change.changed_at, 'DATE_FORMAT')} · {change_label(change)}: {change.old_value} → {change.new_value}"


class ReportForm(forms.ModelForm):
    resolve = forms.BooleanField(label=_("Resolved"), required=False, help_text=_("Resolving deletes the reader's note."))

    class Meta:
        model = Report
        fields = ["fixed_by"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        changes = FieldChange.objects.filter(content_type_id=self.instance.content_type_id, object_id=self.instance.object_id)
        self.fields["fixed_by"] = ChangeChoiceField(
            changes.newest_first(), required=False, label=_("change that fixed it"),
            help_text=_("A change of this entry in its field history; leave empty if nothing had to change."),
        )
        self.fields["resolve"].initial = self.instance.is_resolved


@admin.register(Report)
class ReportAdmin(admin.ModelAdmin):
    form = ReportForm
    change_list_template = "admin/reports/report/change_list.html"
    list_display = ["entry_name", "problem", "language", "reported_on", "city", "is_open"]
    list_filter = [StatusFilter, "problem", "language", CityFilter]
    list_select_related = ["city"]
    search_fields = ["entry_name"]
    readonly_fields = ["entry_link", "problem", "note", "language", "reported_on", "city", "resolved_at", "resolved_by"]
    fields = ["entry_link", "problem", "note", "language", "reported_on", "city", "resolve", "fixed_by", "resolved_at", "resolved_by"]
    actions = ["resolve_selected"]

    def has_add_permission(self, request):
        return False  # readers send reports; staff only look into them

    @admin.display(description=_("open"), boolean=True)
    def is_open(self, report):
        return not report.is_resolved

    @admin.display(description=_("entry"))
    def entry_link(self, report):
        url = admin_url(report.content_type.app_label, report.content_type.model, report.object_id)
        return format_html('<a href="{}">{}</a>', url, report.entry_name) if url else report.entry_name

    def save_model(self, request, report, form, change):
        if form.cleaned_data.get("resolve") and not report.is_resolved:
            report.resolve(request.user, fixed_by=form.cleaned_data.get("fixed_by"))
        else:
            super().save_model(request, report, form, change)

    @admin.action(description=_("Resolve the selected reports (their notes are deleted)"), permissions=["change"])
    def resolve_selected(self, request, reports):
        resolved = 0
        for report in reports.open():
            report.resolve(request.user)
            resolved += 1
        self.message_user(request, ngettext("%(count)d report resolved.", "%(count)d reports resolved.", resolved)
                          % {"count": resolved}, messages.SUCCESS)

    def changelist_view(self, request, extra_context=None):
        response = super().changelist_view(request, extra_context)
        changelist = getattr(response, "context_data", {}).get("cl")
        if changelist is not None:
            response.context_data["entries"] = queue.by_entry(changelist.queryset.open())
            response.context_data["entries_title"] = gettext("Open reports per entry")
        return response
