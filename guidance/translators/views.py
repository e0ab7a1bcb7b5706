"""The translator's tools in the admin: the segment editor of a draft in one language, and PO/XLIFF exchange.

Registered by RevisionAdmin.get_urls; who may use them is checked here, on the server.
"""

from functools import partial

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext
from modeltranslation.utils import build_localized_fieldname

from config.language_tabs import language_attributes

from .. import publishing, roles
from ..admin_review import sent_back_rows
from ..forms import conflict_message
from ..models import GuidancePage, Revision
from ..segments import checks as translation_checks
from ..segments import page_status
from ..segments.status import TRANSLATED_LANGUAGES
from . import directory_exchange, exchange, xliff
from .editor import apply_segments, progress, segment_rows
from .forms import ImportForm, SegmentsForm
from .languages import language_name, languages_refusal


def translator_urls(model_admin):
    def view(function):
        return model_admin.admin_site.admin_view(partial(function, model_admin))

    return [
        path("<int:object_id>/translate/<str:language>/", view(translate_view), name="guidance_revision_translate"),
    ]


SUBMIT_BUTTON = "_submit_for_review"


def editable_draft(request, object_id, language):
    """The draft a translator may work on, in a language they may translate; else 404 or 403."""
    if language not in TRANSLATED_LANGUAGES:
        raise Http404(gettext("Unknown language."))
    if not roles.can_edit_drafts(request.user):
        raise PermissionDenied
    return get_object_or_404(Revision.objects.select_related("page__current_revision", "updated_by"), pk=object_id)


def translate_view(model_admin, request, object_id, language):
    """Each English segment of the draft beside its translation: what changed, what needs updating, progress."""
    draft = editable_draft(request, object_id, language)
    here = reverse("admin:guidance_revision_translate", args=[draft.pk, language])
    if not draft.is_editable:
        messages.error(request, gettext("Only a draft can be edited. Edit the page to start a new draft."))
        return HttpResponseRedirect(reverse("admin:guidance_revision_review", args=[draft.pk]))
    may_save = roles.may_translate(request.user, language)
    if request.method == "POST" and not may_save:
        messages.error(request, languages_refusal(request.user, language))  # nothing is saved
        return HttpResponseRedirect(here)
    only_todo = request.GET.get("todo") == "1"
    segment_map = page_status.draft_map(draft)
    rows = segment_rows(draft, language, segment_map)
    problems = translation_checks.problems_of_segments(draft, language, segment_map=segment_map)
    for row in rows:
        row.problems = [problem for problem in problems if problem.sid == row.sid]
    shown = [row for row in rows if row.needs_work] if only_todo else rows
    note_field = build_localized_fieldname("change_note", language)
    form = SegmentsForm(
        request.POST or None, rows=shown, language=language, change_note=getattr(draft, note_field) or "",
        initial={"seen_version": draft.version}, read_only=not may_save,
    )
    if request.method == "POST" and form.is_valid():
        shown_ids = {row.sid for row in shown}
        hidden_confirmed = {row.sid for row in rows if row.confirmed and row.sid not in shown_ids}
        unplaced = apply_segments(
            draft, language, form.texts(), confirmed=form.confirmed() | hidden_confirmed, by=request.user,
            segment_map=segment_map,
        )
        setattr(draft, note_field, form.cleaned_data["change_note"].strip())
        submit = SUBMIT_BUTTON in request.POST
        try:
            publishing.save_draft(draft, by=request.user, seen_version=form.cleaned_data["seen_version"], submit=submit)
        except publishing.EditConflict as conflict:
            messages.error(request, conflict_message(conflict))
        except publishing.PublishingRefused as refused:
            messages.error(request, " ".join(refused.messages))
        else:
            messages.success(request, gettext("The %(language)s translation is saved in the draft.") % {
                "language": language_name(language)})
            found = translation_checks.problems_of_segments(draft, language, set(form.texts()))
            if found:
                messages.warning(request, gettext(
                    "The quality checks found problems: %(count)s. They are shown beside the segments below."
                ) % {"count": len(found)})
            if unplaced:
                messages.warning(request, gettext(
                    "Segments not placed: %(count)s. This translation's structure differs from the English: "
                    "add them in the draft's form."
                ) % {"count": len(unplaced)})
            if submit:
                messages.success(request, gettext("Submitted for review. A publisher will look at it."))
            return HttpResponseRedirect(here + ("?todo=1" if only_todo else ""))
    current, total = next((c, t) for code, c, t in progress(segment_map) if code == language)
    context = {
        **model_admin.admin_site.each_context(request),
        "opts": model_admin.opts,
        "title": gettext("Translate into %(language)s: %(page)s") % {
            "language": language_name(language), "page": draft.page},
        "revision": draft,
        "page": draft.page,
        "language": language,
        "language_name": language_name(language),
        "language_attributes": language_attributes(language),
        "form": form,
        "only_todo": only_todo,
        "here": here,
        "current": current,
        "total": total,
        "todo_count": sum(row.needs_work for row in rows),
        "english_note": getattr(draft, build_localized_fieldname("change_note", "en")) or "",
        "languages": [
            {"code": code, "name": language_name(code), "current": c, "total": t, "this": code == language,
             "url": reverse("admin:guidance_revision_translate", args=[draft.pk, code])}
            for code, c, t in progress(segment_map)
        ],
        "may_save": may_save,
        "refusal": "" if may_save else languages_refusal(request.user, language),
        "can_submit": draft.status == Revision.Status.DRAFT,
        "can_publish": roles.can_publish(request.user),
        "import_form": ImportForm(),
        "export_po_url": reverse("admin:guidance_guidancepage_export", args=[draft.page_id, language, "po"]),
        "export_xliff_url": reverse("admin:guidance_guidancepage_export", args=[draft.page_id, language, "xlf"]),
        "structure_problems": [problem for problem in problems if problem.sid == "body"],
        "sent_back": [row for row in sent_back_rows(draft) if row["code"] == language],
    }
    return TemplateResponse(request, "admin/guidance/revision/translate.html", context)


def exchange_urls(model_admin):
    """Export and import of translation files, on the guidance pages' admin."""
    def view(function):
        return model_admin.admin_site.admin_view(partial(function, model_admin))

    return [
        path("translations/export/<str:language>.<str:file_format>", view(export_view),
             name="guidance_guidancepage_export_all"),
        path("translations/export/directory/<str:language>.<str:file_format>", view(export_directory_view),
             name="guidance_guidancepage_export_directory"),
        path("<int:object_id>/export/<str:language>.<str:file_format>", view(export_view),
             name="guidance_guidancepage_export"),
        path("translations/import/", view(import_view), name="guidance_guidancepage_import"),
    ]


FORMATS = {
    "po": ("text/x-gettext-translation; charset=utf-8", lambda exported, language: exchange.to_po(exported, language)),
    "xlf": ("application/xliff+xml; charset=utf-8", xliff.write),
}


def export_view(model_admin, request, language, file_format, object_id=None):
    """One page (or all pages) in one language, as PO or XLIFF 2.0, for a translator's own tool."""
    refuse_unless_exportable(model_admin, request, language, file_format)
    pages = GuidancePage.objects.select_related("current_revision")
    if object_id is not None:
        pages = [get_object_or_404(pages, pk=object_id)]
    name = pages[0].slug if object_id is not None else "guidance"
    return download(exchange.export(pages, language), language, file_format, name)


def export_directory_view(model_admin, request, language, file_format):
    """Every directory entry's translated fields in one language, one segment per field."""
    refuse_unless_exportable(model_admin, request, language, file_format)
    return download(directory_exchange.export(language), language, file_format, "directory")


def refuse_unless_exportable(model_admin, request, language, file_format):
    if not model_admin.has_view_permission(request):
        raise PermissionDenied
    if language not in TRANSLATED_LANGUAGES or file_format not in FORMATS:
        raise Http404


def download(exported, language, file_format, name):
    content_type, write = FORMATS[file_format]
    response = HttpResponse(write(exported, language), content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{name}.{language}.{file_format}"'
    return response


def import_view(model_admin, request):
    """Bring a translated PO or XLIFF file back into the drafts of its pages, and say what was imported."""
    if not roles.can_edit_drafts(request.user):
        raise PermissionDenied
    form = ImportForm(request.POST or None, request.FILES or None)
    language, reports = request.POST.get("language") or None, None
    retry = ""
    if request.method == "POST" and form.is_valid():
        expected = language if language in TRANSLATED_LANGUAGES else None
        data = form.data_bytes()
        try:
            language, reports = exchange.import_file(
                data, by=request.user, expected_language=expected, checks=translation_checks.problems_of_segments,
                despite_problems=form.cleaned_data["save_despite_problems"],
            )
        except exchange.ImportRefused as refused:
            form.add_error("file", str(refused))
        except publishing.EditConflict as conflict:
            form.add_error(None, conflict_message(conflict))
        else:  # the directory refused segments for their quality problems: offer to save them anyway
            if any(getattr(report, "is_directory", False) and report.problems for report in reports):
                retry = ImportForm(initial={"content": ImportForm.kept(data)})
    context = {
        **model_admin.admin_site.each_context(request),
        "opts": model_admin.opts,
        "title": gettext("Import a translated file"),
        "form": form,
        "language": language,
        "language_name": language_name(language) if language in TRANSLATED_LANGUAGES else "",
        "reports": reports,
        "imported_any": any(report.imported for report in reports or ()),
        "retry_form": retry,
    }
    return TemplateResponse(request, "admin/guidance/guidancepage/import.html", context, status=200)
