"""Editing a draft in the admin: the rendered Markdown preview (asked by static/js/admin_editor.js, or
with the "Preview" button without JavaScript), the tabs of translations behind the English, the
review list that opens the review page, and record fields that never link to a page that answers 403."""

from django import forms
from django.contrib.admin.views.main import ChangeList
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse, HttpResponseNotAllowed
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from modeltranslation.utils import build_localized_fieldname

from config.history.conflicts import person
from config.language_tabs import language_attributes, language_name

from . import roles
from .rendering import render_markdown
from .segments import page_status
from .segments.cutting import PINNED_KINDS
from .segments.status import OUTDATED, states

PREVIEW_BUTTON = "_preview"
MAX_PREVIEW_CHARACTERS = 200_000  # a guidance body is about 5,000; anything far longer is not a page


def review_url(revision, language=None):
    """The revision's review page (the diff), in `language`'s tab if given: where every revision row leads."""
    url = reverse("admin:guidance_revision_review", args=[revision.pk])
    return f"{url}?lang={language}" if language else url


def markdown_preview(request):
    """The sanitised HTML of the posted Markdown, exactly as readers will get it (staff who may preview)."""
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    if not roles.can_preview(request.user):
        raise PermissionDenied
    text = request.POST.get("text", "")[:MAX_PREVIEW_CHARACTERS]
    response = HttpResponse(render_markdown(text).html, content_type="text/html; charset=utf-8")
    response["X-Robots-Tag"] = "noindex"
    return response


def outdated_fields(revision):
    """{"title"|"summary"|"body": languages} whose translation in this open draft is behind its English."""
    if revision is None or not revision.is_open:
        return {}
    segment_map = page_status.draft_map(revision)
    outdated = {}
    for language in page_status.TRANSLATED_LANGUAGES:
        for sid, state in states(segment_map, language).items():
            if state in OUTDATED:
                outdated.setdefault(sid if sid in PINNED_KINDS else "body", set()).add(language)
    return outdated


class PreviewOnlyForm(forms.Form):
    """Mixed into the draft's form when "Preview" was pressed: valid fields, but nothing is saved."""

    def clean(self):
        cleaned_data = super().clean()
        raise forms.ValidationError(_("This is a preview; nothing was saved yet."), code="preview")
        return cleaned_data  # pragma: no cover


def preview_only(form_class):
    return type(form_class.__name__, (PreviewOnlyForm, form_class), {})


def only_previewed(form):
    """Was the form refused for the preview alone (no real error to show)?"""
    errors = form.errors.as_data()
    return list(errors) == ["__all__"] and all(error.code == "preview" for error in errors["__all__"])


def no_js_previews(form):
    """The rendered body of each language the person changed (English when none), for the "Preview" button."""
    names = {code: build_localized_fieldname("body", code) for code in page_status.TRANSLATED_LANGUAGES}
    names = {page_status.SOURCE_LANGUAGE: build_localized_fieldname("body", "en"), **names}
    changed = [code for code, name in names.items() if name in form.changed_data and name in form.fields]
    return [
        {"name": language_name(code), "attributes": language_attributes(code),
         "html": render_markdown(form.data.get(names[code], "")).html}
        for code in changed or [page_status.SOURCE_LANGUAGE]
    ]


class ReviewChangeList(ChangeList):
    """The list of revisions: a row opens the revision's review page (the diff), not its edit form."""

    def url_for_result(self, result):
        return review_url(result)


def _person_field(name, label):
    def shown(admin, revision):
        return person(getattr(revision, name)) if getattr(revision, f"{name}_id") else "—"

    shown.short_description = label
    shown.__name__ = f"{name}_name"
    return shown


def _revision_field(name, label):
    def shown(admin, revision):
        other = getattr(revision, name)
        if other is None:
            return "—"
        return format_html('<a href="{}">{}</a>', review_url(other), other)

    shown.short_description = label
    shown.__name__ = f"{name}_link"
    return shown


class RecordFieldsMixin:
    """The people of a revision's record shown by name (Django would link them to the user admin,
    which answers 403 to everyone but the superusers); earlier revisions link to their review page."""

    author_name = _person_field("author", _("author"))
    updated_by_name = _person_field("updated_by", _("last changed by"))
    reviewed_by_name = _person_field("reviewed_by", _("reviewed by"))
    based_on_link = _revision_field("based_on", _("based on"))
    restores_link = _revision_field("restores", _("restores"))
