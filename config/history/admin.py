"""The field history in the admin: beside each entry, and as one filterable list of every change, with "restore"."""

from django.conf import settings
from django.contrib import admin, messages
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.urls import path, reverse
from django.utils.html import format_html, format_html_join
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.text import capfirst
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from . import conflicts, recording, stale_translations
from .forms import TrackedEntryForm
from .labels import admin_url, arrow, change_label, isolated, model_field, value_label
from .models import FieldChange
from .tracked import tracked_models

RECENT_CHANGES = 15


class LanguageFilter(admin.SimpleListFilter):
    """The language of a translated field's change, by its name ("Dari"), not its code ("prs")."""

    title = _("language")
    parameter_name = "language"

    def lookups(self, request, model_admin):
        return [(code, name) for code, name in settings.LANGUAGES]

    def queryset(self, request, queryset):
        return queryset.filter(language=self.value()) if self.value() else queryset


class KindOfEntryFilter(admin.SimpleListFilter):
    """The kinds of entry this person may read the history of, by their names ("Offices"); Django's own filter
    would list every table there is by its internal name ("Page_Cache | content version")."""

    title = _("kind of entry")
    parameter_name = "content_type__id__exact"

    def lookups(self, request, model_admin):
        kinds = ContentType.objects.get_for_models(*viewable_models(request.user))
        return sorted(((kind.pk, capfirst(model._meta.verbose_name_plural)) for model, kind in kinds.items()), key=lambda item: item[1])

    def queryset(self, request, queryset):
        return queryset.filter(content_type_id=self.value()) if self.value() else queryset


def entry_admin_url(change):
    return admin_url(change.content_type.app_label, change.content_type.model, change.object_id)


def restore_button(change):
    """A submit button of the page's own admin form (which carries the CSRF token): one click, no JavaScript."""
    return format_html(
        '<button type="submit" class="button" name="restore" value="{}" formaction="{}" formnovalidate>{}</button>',
        change.pk, reverse("admin:history_fieldchange_restore"), gettext("Restore this value"),
    )


def who_and_why(change):
    """The person, and the note of a change no one typed in (a shipped directory update and its source), each
    isolated: an English note ending in a phone number or a URL keeps its order on a right-to-left page."""
    person = isolated(conflicts.person(change.changed_by))
    if change.note:
        return format_html("{}<br><small>{}</small>", person, isolated(change.note))
    return person


def old_to_new(change):
    return format_html(
        '<del class="old-value">{}</del> {} <ins class="new-value">{}</ins>',
        isolated(value_label(change, change.old_value) or "—"), arrow(), isolated(value_label(change, change.new_value) or "—"),
    )


@admin.register(FieldChange)
class FieldChangeAdmin(admin.ModelAdmin):
    """Every recorded change, newest first; read-only, filterable by kind of entry, language, person and date."""

    list_display = ["changed_at", "who", "entry_link", "field_name", "values", "restore"]
    # One change's own page shows the same cells (isolated values), never the raw stored text.
    fields = readonly_fields = ["changed_at", "who", "entry_link", "field_name", "values"]
    list_filter = [KindOfEntryFilter, LanguageFilter, "changed_by"]
    search_fields = ["entry_name", "old_value", "new_value", "note"]
    date_hierarchy = "changed_at"
    list_select_related = ["changed_by", "content_type"]

    class Media:
        css = {"all": ["css/admin.css"]}

    def lookup_allowed(self, lookup, value, request=None):
        return lookup == "object_id" or super().lookup_allowed(lookup, value, request)

    # Staff read the history of the entries their role lets them view (or change); a staff account
    # without a role sees none of it (the admin's 403). Nobody writes or deletes it by hand.
    def has_view_permission(self, request, obj=None):
        user = request.user
        if not (user.is_active and user.is_staff):
            return False
        models = viewable_models(user)
        return obj.content_type.model_class() in models if obj is not None else bool(models)

    def get_queryset(self, request):
        kinds = ContentType.objects.get_for_models(*viewable_models(request.user)).values()
        return super().get_queryset(request).filter(content_type__in=[kind.pk for kind in kinds])

    def has_module_permission(self, request):
        return self.has_view_permission(request)

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    @admin.display(description=_("changed by"), ordering="changed_by")
    def who(self, change):
        return who_and_why(change)

    @admin.display(description=_("entry"), ordering="entry_name")
    def entry_link(self, change):
        url = entry_admin_url(change)
        name = isolated(change.entry_name)  # "Dostyk Ave. 85", "+7 727 …": their own order in an RTL admin
        return format_html('<a href="{}">{}</a>', url, name) if url else name

    @admin.display(description=_("field"), ordering="field")
    def field_name(self, change):
        label = change_label(change)
        if change.restores_id:
            return format_html("{} <small>({})</small>", label, gettext("restored"))
        return label

    @admin.display(description=_("old value → new value"))
    def values(self, change):
        return old_to_new(change)

    @admin.display(description=_("restore"))
    def restore(self, change):
        return restore_button(change)

    def get_urls(self):
        return [
            path("restore/", self.admin_site.admin_view(self.restore_view), name="history_fieldchange_restore"),
            *super().get_urls(),
        ]

    def restore_view(self, request):
        """Put back the value a field had before a change; the restore is itself a recorded change."""
        if request.method != "POST":
            return HttpResponseRedirect(reverse("admin:history_fieldchange_changelist"))
        pk = request.POST.get("restore", "")
        change = get_object_or_404(FieldChange.objects.select_related("content_type"), pk=pk if pk.isdigit() else 0)
        model, field = change.content_type.model_class(), model_field(change)
        opts = change.content_type
        if model is None or field is None or not request.user.has_perm(f"{opts.app_label}.change_{opts.model}"):
            raise PermissionDenied
        try:
            entry = restore(change, model, field)
        except ValidationError as error:
            self.message_user(request, " ".join(error.messages), messages.ERROR)
        else:
            self.message_user(request, gettext("Restored the old value of %(field)s of “%(entry)s”.") % {
                "field": change_label(change), "entry": entry,
            }, messages.SUCCESS)
        back = request.META.get("HTTP_REFERER", "")
        if not url_has_allowed_host_and_scheme(back, {request.get_host()}, request.is_secure()):
            back = entry_admin_url(change) or reverse("admin:history_fieldchange_changelist")
        return HttpResponseRedirect(back)


def viewable_models(user):
    """The kinds of tracked entry this person may view (or change), from their permissions alone."""
    return [
        model for model in tracked_models()
        if any(user.has_perm(f"{model._meta.app_label}.{action}_{model._meta.model_name}") for action in ("view", "change"))
    ]


@transaction.atomic
def restore(change, model, field):
    entry = model._base_manager.select_for_update().get(pk=change.object_id)
    setattr(entry, field.attname, recording.from_text(field, change.old_value))
    entry.full_clean(validate_unique=False)
    setattr(entry, recording.RESTORES_FLAG, change)
    entry.save()
    return entry


def entry_history(entry):
    """The latest field changes of one entry, as an HTML table with a restore button on each."""
    if entry is None or entry.pk is None:
        return "—"
    changes = list(FieldChange.objects.of(entry).newest_first()[:RECENT_CHANGES])
    if not changes:
        return gettext("No change recorded yet.")
    rows = format_html_join(
        "", "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
        (
            (conflicts.moment(c.changed_at), who_and_why(c), change_label(c), old_to_new(c), restore_button(c))
            for c in changes
        ),
    )
    return format_html(
        '<table class="field-history"><thead><tr><th>{}</th><th>{}</th><th>{}</th><th>{}</th><th></th></tr></thead>'
        '<tbody>{}</tbody></table><p><a href="{}">{}</a></p>',
        gettext("When"), gettext("Who"), gettext("Field"), gettext("old value → new value"), rows,
        conflicts.history_url(entry), gettext("Every change of this entry"),
    )


def translation_flags(entry):
    labels = [label for _value, label in stale_translations.outdated(entry)] if entry is not None and entry.pk else []
    if not labels:
        return gettext("All translations are current.")
    return format_html('<strong class="needs-check">{}</strong> {}', gettext("Needs update:"), "; ".join(labels))


class TrackedEntryAdmin:
    """Mixin for the admin of a tracked entry: the conflict-checked form, its history and its stale translations."""

    form = TrackedEntryForm
    tracked_readonly_fields = ["translations_to_update", "change_history"]

    class Media:
        css = {"all": ["css/admin.css"]}

    def get_readonly_fields(self, request, obj=None):
        return [*super().get_readonly_fields(request, obj), *self.tracked_readonly_fields]

    @admin.display(description=_("translations to update"))
    def translations_to_update(self, obj):
        return translation_flags(obj)

    @admin.display(description=_("change history"))
    def change_history(self, obj):
        return entry_history(obj)


class TrackedInline:
    """Mixin for an inline of tracked entries: each row conflict-checked, with its stale translations shown."""

    form = TrackedEntryForm

    def get_readonly_fields(self, request, obj=None):
        return [*super().get_readonly_fields(request, obj), "translations_to_update"]

    @admin.display(description=_("translations to update"))
    def translations_to_update(self, obj):
        return translation_flags(obj)
