"""The history of a guidance page in its admin: every revision, newest first, append-only."""

from django.contrib import admin
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from modeltranslation.utils import build_localized_fieldname

from config.history.conflicts import person

from .admin_editing import review_url
from .models import Revision
from .segments import page_status
from .translators.editor import translators

CHANGE_NOTE = build_localized_fieldname("change_note", page_status.SOURCE_LANGUAGE)


class RevisionHistoryInline(admin.TabularInline):
    """Every revision of the page, newest first: the append-only history."""

    model = Revision
    fk_name = "page"
    verbose_name = _("revision")
    verbose_name_plural = _("history: every revision of this page")
    extra = 0
    max_num = 0
    can_delete = False
    fields = readonly_fields = [
        "created_at", "status", "significance", "published_at", "author_name", "note", "translated_by", "links",
    ]

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("author", "page")

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    @admin.display(description=_("author"))
    def author_name(self, obj):
        return person(obj.author) if obj.author_id else ""  # a link would lead to the user admin: 403

    @admin.display(description=_("change note"))
    def note(self, obj):
        return getattr(obj, CHANGE_NOTE) or ""

    @admin.display(description=_("translated by"))
    def translated_by(self, obj):
        return "; ".join(
            f"{code}: {', '.join(names)}" for code in page_status.TRANSLATED_LANGUAGES
            if (names := translators(obj, code, public=False))
        )

    @admin.display(description=_("actions"))
    def links(self, obj):
        # Restoring is offered on the revision's review page, which knows who may do it.
        review = format_html('<a href="{}">{}</a>', review_url(obj), gettext("Review") if obj.is_open else gettext("Changes"))
        if not obj.is_editable:
            return review
        edit_url = reverse("admin:guidance_revision_change", args=[obj.pk])
        return format_html('<a href="{}">{}</a> · {}', edit_url, gettext("Edit"), review)
