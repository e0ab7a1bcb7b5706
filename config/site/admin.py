"""Staff editing of notices: editors write drafts, publishers publish them (the roles of guidance);
every change is kept in the admin's history (who, when, which fields), and a save based on an older
version of the notice is refused, with the person's text kept in the form."""

from django import forms
from django.contrib import admin, messages
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import format_html
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

from config.history.admin import TrackedEntryAdmin
from config.history.forms import BOOKKEEPING, TrackedEntryForm
from config.language_tabs import TabbedTranslationAdmin
from guidance.models import GuidancePage
from offices.models import City, Office
from partners.models import Branch

from .models import TARGETS, Notice
from .signals import notice_published, notice_submitted

PUBLISH_NOTICES = "site.publish_notice"
SUBMIT_BUTTON = "_submit_for_review"
RECORD_FIELDS = ["uuid", "version", "created_at", "updated_by", "updated_at", "published_by", "published_at"]
FORM_ONLY = {*BOOKKEEPING, "confirm_translations"}  # fields of the form, not of the notice: none on a read-only page
# The places a notice can apply to, named as the choice lists show them (the directory admins order
# their own lists by the due dates of their checks, an annotation these querysets do not have).
TARGET_CHOICES = {
    "cities": lambda: City.objects.listed(),
    "offices": lambda: Office.objects.current().select_related("city").order_by("city__order", "kind_order", "name"),
    "branches": lambda: Branch.objects.select_related("partner", "city").order_by("partner__order", "city__order"),
    "pages": lambda: GuidancePage.objects.select_related("current_revision").order_by("order"),
}


def can_publish(user):
    return user.has_perm(PUBLISH_NOTICES)


class NoticeForm(TrackedEntryForm):
    """A notice, with the form of every tracked entry (stale translations, "only a correction"); its own answer to
    an edit conflict keeps the person's text and lets them save it again, knowingly."""

    class Meta:
        model = Notice
        fields = "__all__"  # noqa: DJ007 - the admin, not this form, says which fields are edited

    def clean(self):
        cleaned_data = super().clean()
        if "site_wide" in self.fields and not cleaned_data.get("site_wide"):
            if not any(cleaned_data.get(name) for name in TARGETS if name in self.fields):
                raise forms.ValidationError(
                    _("Say where the notice applies: the whole site, or at least one city, office, partner branch or guidance page.")
                )
        return cleaned_data

    def refuse_conflict(self, seen_version):
        latest = Notice.objects.select_for_update(of=("self",)).select_related("updated_by").get(pk=self.instance.pk)
        if seen_version == latest.version:
            return
        # The form shows the person's text again; saving it once more, knowingly, replaces the other change.
        data = self.data.copy()
        data["seen_version"] = latest.version
        self.data = data
        person = latest.updated_by.get_username() if latest.updated_by else gettext("Someone")
        when = date_format(timezone.localtime(latest.updated_at), "DATETIME_FORMAT")
        history = reverse("admin:site_notice_history", args=[latest.pk])
        raise forms.ValidationError(
            format_html(
                "{} <a href=\"{}\" target=\"_blank\" rel=\"noopener\">{}</a>",
                gettext(
                    "%(person)s changed this notice on %(when)s, after you opened it. Your text is kept below: "
                    "compare it with theirs, then save again to replace theirs with yours."
                ) % {"person": person, "when": when},
                history,
                gettext("See their change in the history."),
            ),
            code="conflict",
        )


@admin.register(Notice)
class NoticeAdmin(TrackedEntryAdmin, TabbedTranslationAdmin):
    form = NoticeForm
    list_display = ["title", "level", "status", "starts_at", "ends_at", "site_wide", "updated_by", "updated_at"]
    list_filter = ["status", "level", "site_wide"]
    list_select_related = ["updated_by"]
    search_fields = ["title_en", "title_ru"]
    date_hierarchy = "starts_at"
    filter_horizontal = TARGETS
    actions = ["publish", "withdraw"]
    change_form_template = "admin/site/notice/change_form.html"
    fieldsets = [
        (None, {"fields": ["title", "text", "level"]}),
        (_("Where it applies"), {"fields": ["site_wide", *TARGETS]}),
        (_("When it is shown"), {"fields": ["starts_at", "ends_at"]}),
        (_("Publishing"), {"fields": ["status", "seen_version", "correction_only", "confirm_translations", "save_despite_problems"]}),
        (_("Record"), {"fields": [*RECORD_FIELDS, "translations_to_update", "change_history"]}),
    ]

    def get_readonly_fields(self, request, obj=None):
        fields = [*super().get_readonly_fields(request, obj), *RECORD_FIELDS]
        return fields if can_publish(request.user) else [*fields, "status"]

    def get_fieldsets(self, request, obj=None):
        fieldsets = super().get_fieldsets(request, obj)
        if obj is not None and self.has_change_permission(request, obj):
            return fieldsets
        return [(name, {**options, "fields": [f for f in options["fields"] if f not in FORM_ONLY]}) for name, options in fieldsets]

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        if db_field.name in TARGET_CHOICES:
            kwargs["queryset"] = TARGET_CHOICES[db_field.name]()
        return super().formfield_for_manytomany(db_field, request, **kwargs)

    def has_change_permission(self, request, obj=None):
        # Editors write drafts; once published, a notice is changed (or withdrawn) by a publisher.
        allowed = super().has_change_permission(request, obj)
        return allowed and (obj is None or not obj.is_published or can_publish(request.user))

    def has_publish_permission(self, request):
        return can_publish(request.user)

    def save_model(self, request, obj, form, change):
        obj.updated_by = request.user
        submitted = SUBMIT_BUTTON in request.POST and obj.status == Notice.Status.DRAFT
        if submitted:
            obj.status = Notice.Status.REVIEW  # a publisher approves it (the "Publish" action)
        published = obj.is_published and (not change or "status" in form.changed_data)
        if published:
            obj.published_by, obj.published_at = request.user, timezone.now()
        super().save_model(request, obj, form, change)
        if submitted:
            notice_submitted.send(sender=Notice, notice=obj, by=request.user)
        if published:
            notice_published.send(sender=Notice, notice=obj, by=request.user)

    def response_add(self, request, obj, post_url_continue=None):
        self._say_submitted(request, obj)
        return super().response_add(request, obj, post_url_continue)

    def response_change(self, request, obj):
        self._say_submitted(request, obj)
        return super().response_change(request, obj)

    def _say_submitted(self, request, obj):
        if SUBMIT_BUTTON in request.POST and obj.status == Notice.Status.REVIEW:
            self.message_user(request, gettext("Submitted for review. A publisher will look at it."), messages.SUCCESS)

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        context["can_submit"] = (obj is None or obj.status == Notice.Status.DRAFT) and not can_publish(request.user)
        if obj is not None and obj.is_published and request.user.has_perm("site.add_noticechange"):
            context["propose_url"] = f"{reverse('admin:site_noticechange_add')}?notice={obj.pk}"
        return super().render_change_form(request, context, add, change, form_url, obj)

    @admin.action(description=_("Publish the selected notices"), permissions=["publish"])
    def publish(self, request, queryset):
        self._set_status(request, queryset, Notice.Status.PUBLISHED, gettext("Published."))

    @admin.action(description=_("Withdraw the selected notices (back to draft)"), permissions=["publish"])
    def withdraw(self, request, queryset):
        self._set_status(request, queryset, Notice.Status.DRAFT, gettext("Withdrawn: back to draft."))

    def _set_status(self, request, queryset, status, log_message):
        changed = 0
        for notice in queryset.exclude(status=status):
            notice.status, notice.updated_by = status, request.user
            if status == Notice.Status.PUBLISHED:
                notice.published_by, notice.published_at = request.user, timezone.now()
            notice.save()  # through save(): the version goes up and the pages that show it refresh
            self.log_change(request, notice, log_message)
            if status == Notice.Status.PUBLISHED:
                notice_published.send(sender=Notice, notice=notice, by=request.user)
            changed += 1
        self.message_user(
            request,
            ngettext("%(count)d notice changed.", "%(count)d notices changed.", changed) % {"count": changed},
            messages.SUCCESS,
        )

from . import notice_changes_admin  # noqa: E402,F401 - registers the proposed changes' admin
from .contacts import admin as contacts_admin  # noqa: E402,F401 - registers the fraudulent contacts' admin
