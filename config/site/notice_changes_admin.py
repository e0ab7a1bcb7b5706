"""Proposed changes of published notices in the admin: an editor proposes (a new end, a new English text),
a publisher approves or rejects; readers see nothing of it until the approval (notice_changes.py)."""

from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import format_html
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from . import notice_changes
from .models import Notice, NoticeChange

PUBLISH_NOTICES = "site.publish_notice"


def moment(when):
    return date_format(timezone.localtime(when), "DATETIME_FORMAT") if when else "—"


@admin.register(NoticeChange)
class NoticeChangeAdmin(admin.ModelAdmin):
    list_display = ["notice", "proposal", "status", "proposed_by", "proposed_at", "decided_by"]
    list_filter = ["status"]
    list_select_related = ["notice", "proposed_by", "decided_by"]
    actions = ["approve", "reject"]
    fields = ["notice", "notice_now", "title", "text", "ends_at", "reason", "status", "proposed_by", "proposed_at",
              "decided_by", "decided_at"]
    readonly_fields = ["notice_now", "status", "proposed_by", "proposed_at", "decided_by", "decided_at"]

    class Media:
        css = {"all": ["css/admin.css"]}

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "notice":
            kwargs["queryset"] = Notice.objects.published()  # a draft is changed in its own form
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def has_change_permission(self, request, obj=None):
        # A decided proposal is a record; one still waiting may be corrected by a publisher before deciding.
        return super().has_change_permission(request, obj) and (obj is None or obj.status == NoticeChange.Status.WAITING)

    def has_delete_permission(self, request, obj=None):
        return False

    def has_publish_permission(self, request):
        return request.user.has_perm(PUBLISH_NOTICES)

    def save_model(self, request, obj, form, change):
        if not change:
            obj.proposed_by = request.user
        super().save_model(request, obj, form, change)

    def response_add(self, request, obj, post_url_continue=None):
        self.message_user(request, gettext(
            "Proposed. Readers see the notice as it was until a publisher approves the change."), messages.SUCCESS)
        return super().response_add(request, obj, post_url_continue)

    @admin.display(description=_("proposed change"))
    def proposal(self, obj):
        parts = []
        if obj.title:
            parts.append(gettext("title: %(title)s") % {"title": obj.title})
        if obj.text:
            parts.append(gettext("new text"))
        if obj.ends_at:
            parts.append(gettext("shown until %(when)s") % {"when": moment(obj.ends_at)})
        return "; ".join(parts)

    @admin.display(description=_("the notice now"))
    def notice_now(self, obj):
        if obj is None or obj.notice_id is None:
            return "—"
        notice = obj.notice
        return format_html(
            "<strong>{}</strong><br>{}<br><small>{} {}</small>", notice.title_en, notice.text_en or "—",
            gettext("Shown until:"), moment(notice.ends_at) if notice.ends_at else gettext("no end"),
        )

    @admin.action(description=_("Approve the selected changes: readers see them at once"), permissions=["publish"])
    def approve(self, request, queryset):
        self._decide(request, queryset, notice_changes.approve, gettext("Approved a proposed change."))

    @admin.action(description=_("Reject the selected changes"), permissions=["publish"])
    def reject(self, request, queryset):
        self._decide(request, queryset, notice_changes.reject, gettext("Rejected a proposed change."))

    def _decide(self, request, queryset, decide, log_message):
        done = 0
        for change in queryset.select_related("notice"):
            try:
                decide(change, request.user)
            except notice_changes.AlreadyDecided:
                self.message_user(request, gettext("“%(notice)s”: this change was decided already.") % {"notice": change}, messages.WARNING)
                continue
            except ValidationError as invalid:
                self.message_user(request, gettext("“%(notice)s” was not changed: %(reason)s") % {
                    "notice": change, "reason": " ".join(invalid.messages)}, messages.ERROR)
                continue
            self.log_change(request, change.notice, log_message)
            done += 1
        self.message_user(request, gettext("Proposed changes decided: %(count)d.") % {"count": done}, messages.SUCCESS)
