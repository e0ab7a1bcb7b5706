"""Staff editing of guidance: drafts, review with side-by-side diffs, publishing, history, restoring,
and the localization dashboard. Who may do what is checked here, on the server (guidance/roles.py)."""

import copy

from django.conf import settings
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.db.models import OuterRef, Subquery
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse, reverse_lazy
from django.utils.html import format_html
from django.utils.translation import get_language_info, gettext
from django.utils.translation import gettext_lazy as _
from modeltranslation.utils import build_localized_fieldname

from config.history.admin import TrackedEntryAdmin
from config.language_tabs import TabbedTranslationAdmin, language_attributes
from config.permanent_addresses import PermanentSlugAdmin
from config.sources.admin import CheckInline

from . import admin_editing, admin_review, native_review, publishing, review_actions, roles
from .admin_editing import review_url
from .diff import changed_languages, revision_diff
from .forms import RestoreForm, ReviewForm, RevisionForm, conflict_message
from .history_admin import RevisionHistoryInline
from .models import GuidancePage, KeyFigure, Revision
from .segments import page_status
from .translators import dashboard as translation_dashboard
from .translators.directory_views import directory_editor_urls, entries_to_update, followed_rows
from .translators.editor import credit_changes
from .translators.native_review_views import entry_reviews, native_review_urls
from .translators.views import exchange_urls, translator_urls

LANGUAGE_CODES = [code for code, _name in settings.LANGUAGES]
RECORD_FIELDS = [
    "status", "author_name", "based_on_link", "restores_link", "created_at", "updated_by_name", "updated_at",
    "reviewed_by_name", "reviewed_at", "review_comment", "publish_at", "published_at", "dated_by_source",
]


def chosen_language(request):
    language = request.GET.get("lang", settings.LANGUAGE_CODE)
    if language not in LANGUAGE_CODES:
        raise Http404(gettext("Unknown language."))
    return language


def language_tabs(old, new, current):
    """Links to the diff in each language, marking the languages that changed."""
    changed = changed_languages(old, new)
    return [
        {
            "code": code,
            "name": get_language_info(code)["name_translated"],
            "changed": code in changed,
            "current": code == current,
            **language_attributes(code),
        }
        for code in LANGUAGE_CODES
    ]


def diff_context(old, new, language):
    return {
        "language": language,
        "language_attributes": language_attributes(language),
        "language_tabs": language_tabs(old, new, language),
        "diffs": revision_diff(old, new, language),
        "compared_with": old,
    }


class StaffStyleMixin:
    class Media:
        css = {"all": ["css/admin.css"]}


@admin.register(Revision)
class RevisionAdmin(admin_editing.RecordFieldsMixin, StaffStyleMixin, TabbedTranslationAdmin):
    """Drafts are edited here; published and rejected revisions are shown, never changed or deleted."""

    form = RevisionForm
    markdown_fields = ["body"]
    markdown_preview_url = reverse_lazy("admin:guidance_revision_markdown_preview")
    counted_fields = ["title", "change_note"]
    change_form_template = "admin/guidance/revision/change_form.html"
    list_display = ["__str__", "page", "status", "significance", "updated_by", "updated_at", "published_at"]
    list_filter = ["status", "significance", "page"]
    list_select_related = ["page__current_revision", "updated_by"]
    fieldsets = [
        (None, {"fields": ["page", "title", "summary", "body"]}),
        (_("About this change"), {"fields": ["change_note", "significance", "sources", "seen_version"]}),
        (_("Record"), {"fields": RECORD_FIELDS}),
    ]

    def get_readonly_fields(self, request, obj=None):
        readonly = ["page", *RECORD_FIELDS]
        if roles.translates_only(request.user):
            mine = roles.translation_languages(request.user)
            others = [code for code in LANGUAGE_CODES if code not in mine]  # English too: never a translator's
            readonly += [build_localized_fieldname(field, code) for code in others
                         for field in (*Revision.TEXT_FIELDS, "change_note")]
            readonly += ["significance", "sources"]
        return readonly

    def get_form(self, request, obj=None, **kwargs):
        form = super().get_form(request, obj, **kwargs)
        if request.method == "POST" and admin_editing.PREVIEW_BUTTON in request.POST:
            return admin_editing.preview_only(form)  # shows the text rendered, saves nothing
        return form

    def get_changelist(self, request, **kwargs):
        return admin_editing.ReviewChangeList

    def outdated_languages(self, request, obj):
        return admin_editing.outdated_fields(obj)

    def get_fieldsets(self, request, obj=None):
        fieldsets = copy.deepcopy(super().get_fieldsets(request, obj))
        if obj is None or not self.has_change_permission(request, obj):
            for _name, options in fieldsets:
                options["fields"] = [name for name in options["fields"] if name != "seen_version"]
        return fieldsets

    def has_add_permission(self, request):
        return False  # a draft is started from its page ("Edit the text"), copying the published text

    def has_delete_permission(self, request, obj=None):
        return False  # revisions are the page's history

    def has_change_permission(self, request, obj=None):
        return roles.can_edit_drafts(request.user) and (obj is None or obj.is_editable)

    def save_model(self, request, obj, form, change):
        credit_changes(Revision.objects.get(pk=obj.pk), obj, request.user)
        publishing.save_draft(
            obj, by=request.user, seen_version=form.cleaned_data["seen_version"],
            submit="_submit_for_review" in request.POST,
        )

    def response_change(self, request, obj):
        if "_submit_for_review" in request.POST:
            messages.success(request, gettext("Submitted for review. A publisher will look at it."))
            return HttpResponseRedirect(review_url(obj))
        return super().response_change(request, obj)

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        form = context["adminform"].form
        if form.is_bound and admin_editing.only_previewed(form):
            context.update(errors=[], no_js_previews=admin_editing.no_js_previews(form))
        if obj is not None:
            context.update(
                review_url=review_url(obj),
                can_publish=roles.can_publish(request.user),
                preview_languages=[(code, get_language_info(code)["name_local"]) for code in LANGUAGE_CODES],
                can_restore=obj.is_published and obj.pk != obj.page.current_revision_id
                and roles.can_publish(request.user),
                can_discard=review_actions.may_discard(request.user, obj),
            )
        return super().render_change_form(request, context, add, change, form_url, obj)

    def get_urls(self):
        return [
            path("preview-markdown/", self.admin_site.admin_view(admin_editing.markdown_preview),
                 name="guidance_revision_markdown_preview"),
            path("<int:object_id>/review/", self.admin_site.admin_view(self.review_view),
                 name="guidance_revision_review"),
            path("<int:object_id>/restore/", self.admin_site.admin_view(self.restore_view),
                 name="guidance_revision_restore"),
            *translator_urls(self),
            *admin_review.review_urls(self),
            *super().get_urls(),
        ]

    def _get_revision(self, object_id):
        return get_object_or_404(
            Revision.objects.select_related(
                "page__current_revision", "author", "updated_by", "reviewed_by", "based_on", "restores"
            ),
            pk=object_id,
        )

    def review_view(self, request, object_id):
        """The diff of a revision against the published text, and the publisher's decision."""
        revision = self._get_revision(object_id)
        if not self.has_view_permission(request, revision):
            raise PermissionDenied
        language = chosen_language(request)
        form = None
        if request.method == "POST":
            if not roles.can_publish(request.user):
                raise PermissionDenied
            if not revision.is_open:
                messages.error(request, gettext("This revision is no longer a draft; nothing was changed."))
                return HttpResponseRedirect(review_url(revision, language))
            form = ReviewForm(request.POST, revision=revision)
            done = self._carry_out(request, form, self._decision_message)
            if done:
                return done
        elif revision.is_open:
            form = ReviewForm(revision=revision)
        compared_with = revision.page.current_revision if revision.is_open else revision.based_on
        return self._workflow_page(
            request, "review.html", gettext("Review: %(revision)s"), revision, form, compared_with, language,
            can_publish=roles.can_publish(request.user),
            can_edit=self.has_change_permission(request, revision),
            can_restore=revision.is_published and revision.pk != revision.page.current_revision_id
            and roles.can_publish(request.user),
            left_behind=translation_dashboard.left_behind(revision),
            quality_problems=translation_dashboard.quality_problems(revision),
            can_discard=review_actions.may_discard(request.user, revision),
            sent_back=admin_review.sent_back_rows(revision),
        )

    def restore_view(self, request, object_id):
        """Restore an earlier published text as a new published revision (publishers only)."""
        revision = self._get_revision(object_id)
        if not roles.can_publish(request.user):
            raise PermissionDenied
        language = chosen_language(request)
        if not revision.is_published or revision.pk == revision.page.current_revision_id:
            messages.error(request, gettext("Only an earlier published revision can be restored."))
            return HttpResponseRedirect(review_url(revision, language))
        if request.method == "POST":
            form = RestoreForm(request.POST, revision=revision)
            done = self._carry_out(request, form, lambda restored: gettext("The earlier text is published again."))
            if done:
                return done
        else:
            form = RestoreForm(revision=revision)
        return self._workflow_page(
            request, "restore.html", gettext("Restore: %(revision)s"), revision, form,
            revision.page.current_revision, language,
        )

    @staticmethod
    def _carry_out(request, form, success_message):
        """Save a workflow form: a redirect when done or in conflict, None to show the form's refusal."""
        if not form.is_valid():
            return None
        try:
            done = form.save(by=request.user)
        except publishing.EditConflict as conflict:
            # Shown on the form again with what the person typed kept (their change opens in a new tab);
            # the page shows the latest text, which the form now says it saw: sending it again is knowing.
            form.add_error(None, conflict_message(conflict))
            form.data = form.data.copy()
            form.data["seen_version"] = form.revision.version
            form.data["seen_current"] = form.revision.page.current_revision_id or ""
            return None
        except publishing.PublishingRefused as refused:
            form.add_error(None, refused)
            return None
        messages.success(request, success_message(done))
        return HttpResponseRedirect(reverse("admin:guidance_guidancepage_change", args=[done.page_id]))

    def _workflow_page(self, request, template, title, revision, form, compared_with, language, **extra):
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "title": title % {"revision": revision},
            "revision": revision,
            "page": revision.page,
            "page_url": reverse("admin:guidance_guidancepage_change", args=[revision.page_id]),
            "form": form,
            **diff_context(compared_with, revision, language),
            **extra,
        }
        return TemplateResponse(request, f"admin/guidance/revision/{template}", context)

    @staticmethod
    def _decision_message(revision):
        if getattr(revision, "sent_back_language", None):
            return admin_review.sent_back_message(revision)
        if revision.status == Revision.Status.PUBLISHED:
            return gettext("Published. Readers see the new text now.")
        if revision.status == Revision.Status.SCHEDULED:
            return gettext("Approved. It will be published at the scheduled time.")
        if revision.status == Revision.Status.REJECTED:
            return gettext("Rejected. The author can see your comment.")
        return gettext("The schedule is cancelled; the draft is back in review.")


@admin.register(GuidancePage)
class GuidancePageAdmin(PermanentSlugAdmin, StaffStyleMixin, admin.ModelAdmin):
    list_display = ["slug", "title", "audience", "last_major_update", "draft"]
    fields = ["slug", "audience", "order", "current_revision", "last_major_update"]
    readonly_fields = ["current_revision", "last_major_update"]
    inlines = [RevisionHistoryInline]
    change_form_template = "admin/guidance/guidancepage/change_form.html"
    change_list_template = "admin/guidance/guidancepage/change_list.html"

    def get_queryset(self, request):
        open_drafts = Revision.objects.open().filter(page=OuterRef("pk")).order_by("-created_at")
        return (
            super().get_queryset(request)
            .select_related("current_revision")
            .annotate(
                open_draft_id=Subquery(open_drafts.values("pk")[:1]),
                open_draft_status=Subquery(open_drafts.values("status")[:1]),
            )
        )

    def has_delete_permission(self, request, obj=None):
        return False  # a page and its history are kept

    @admin.display(description=_("title"))
    def title(self, obj):
        return obj.current_revision.title if obj.current_revision else ""

    @admin.display(description=_("open draft"))
    def draft(self, obj):
        if not obj.open_draft_id:
            return ""
        label = Revision.Status(obj.open_draft_status).label
        url = reverse("admin:guidance_revision_review", args=[obj.open_draft_id])
        return format_html('<a href="{}">{}</a>', url, label)

    def get_urls(self):
        return [
            path("translations/", self.admin_site.admin_view(self.translations_view),
                 name="guidance_guidancepage_translations"),
            path("<int:object_id>/edit/", self.admin_site.admin_view(self.edit_view),
                 name="guidance_guidancepage_edit"),
            *exchange_urls(self),
            *native_review_urls(self),
            *directory_editor_urls(self),
            *super().get_urls(),
        ]

    def edit_view(self, request, object_id):
        """Open the page's draft, or start one that copies the published text."""
        page = get_object_or_404(GuidancePage.objects.select_related("current_revision"), pk=object_id)
        if not roles.can_edit_drafts(request.user):
            raise PermissionDenied
        draft = page.revisions.open().first()
        if draft is None and request.method == "POST":
            draft = publishing.open_draft(page, by=request.user)
        if draft is not None and draft.is_editable:
            language = request.GET.get("lang")  # a link to one language (a translation sent back) opens its editor
            if language in page_status.TRANSLATED_LANGUAGES:
                return HttpResponseRedirect(reverse("admin:guidance_revision_translate", args=[draft.pk, language]))
            return HttpResponseRedirect(reverse("admin:guidance_revision_change", args=[draft.pk]))
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "title": gettext("Edit the text of “%(page)s”") % {"page": page},
            "page": page,
            "scheduled": draft,
            "review_url": review_url(draft) if draft else "",
        }
        return TemplateResponse(request, "admin/guidance/guidancepage/edit.html", context)

    def translations_view(self, request):
        """The localization dashboard: each page × language, and whether its translation keeps up."""
        if not self.has_view_permission(request):
            raise PermissionDenied
        waiting = native_review.waiting_counts()  # {language: (pages, directory entries)}
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "title": gettext("Translation status"),
            "languages": [
                {"code": code, "name": get_language_info(code)["name_translated"], "native_reviews_waiting": waiting.get(code, (0, 0))[0],
                 "entries_waiting_native_review": waiting.get(code, (0, 0))[1]}
                for code in page_status.TRANSLATED_LANGUAGES
            ],
            # the languages this person may mark as needing a native speaker's review, and confirm
            "may_mark": roles.translation_languages(request.user),
            "may_confirm": [code for code in page_status.TRANSLATED_LANGUAGES
                            if roles.may_confirm_as_native_speaker(request.user, code)],
            "rows": translation_dashboard.dashboard_rows(),
            "directory_entries": entries_to_update(request.user),
            "entry_reviews": entry_reviews(request.user),
            "followed_kinds": followed_rows(request.user),
        }
        return TemplateResponse(request, "admin/guidance/guidancepage/translations.html", context)


@admin.register(KeyFigure)
class KeyFigureAdmin(TrackedEntryAdmin, TabbedTranslationAdmin):
    list_display = ["label", "value", "as_of", "is_current"]
    inlines = [CheckInline]


# "Was this page useful?" readout, kept in its own module (registered there).
from .feedback_admin import FeedbackVoteAdmin  # noqa: E402, F401
from .recordings_admin import RecordingAdmin  # noqa: E402, F401
