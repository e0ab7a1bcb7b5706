"""The translator's editor of one directory entry in one language, in the admin (on the guidance pages' admin,
beside the translation status and the exchange files). Who may use it is checked here, on the server."""

from functools import partial

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext

from config.history import stale_translations
from config.history.labels import admin_url
from config.history.tracked import entries_needing_update, followed_entries
from config.language_tabs import language_attributes

from .. import roles
from ..segments.status import TRANSLATED_LANGUAGES
from . import directory_exchange
from .directory_editor import entry_form
from .languages import language_name, languages_refusal


def directory_editor_urls(model_admin):
    view = model_admin.admin_site.admin_view(partial(translate_entry_view, model_admin))
    return [path("translations/directory/<str:key>/<str:language>/", view, name="guidance_guidancepage_translate_entry")]


def entry_editor_url(entry, language):
    return reverse("admin:guidance_guidancepage_translate_entry", args=[directory_exchange.entry_key(entry), language])


def translate_entry_view(model_admin, request, key, language):
    """Each translated field of the entry: the English then and now, and the translation in `language`."""
    if language not in TRANSLATED_LANGUAGES:
        raise Http404(gettext("Unknown language."))
    entry = directory_exchange.entry_for_key(key)
    if entry is None:
        raise Http404(gettext("There is no directory entry “%(entry)s”.") % {"entry": key})
    if not roles.may_translate_entries(request.user, type(entry)):
        raise PermissionDenied
    here = entry_editor_url(entry, language)
    may_save = roles.may_translate(request.user, language)
    if request.method == "POST" and not may_save:
        messages.error(request, languages_refusal(request.user, language))  # nothing is saved
        return HttpResponseRedirect(here)
    form = entry_form(entry, language, request.POST if request.method == "POST" else None, may_save=may_save)
    if form is None:
        raise Http404(gettext("This entry has no English text to translate."))
    if request.method == "POST" and form.is_valid():
        saved = form.save()
        messages.success(request, gettext("The %(language)s translation of “%(entry)s” is saved.") % {
            "language": language_name(language), "entry": saved})
        return HttpResponseRedirect(here)
    opts = entry._meta
    context = {
        **model_admin.admin_site.each_context(request),
        "opts": model_admin.opts,
        "title": gettext("Translate into %(language)s: %(entry)s") % {"language": language_name(language), "entry": entry},
        "entry": entry,
        "entry_key": key,
        "kind": opts.verbose_name,
        "entry_url": admin_url(opts.app_label, opts.model_name, entry.pk)
        if request.user.has_perm(f"{opts.app_label}.view_{opts.model_name}") else "",
        "language": language,
        "language_name": language_name(language),
        "language_attributes": language_attributes(language),
        "form": form,
        "may_save": may_save,
        "refusal": "" if may_save else languages_refusal(request.user, language),
        "languages": [
            {"code": code, "name": language_name(code), "this": code == language, "url": entry_editor_url(entry, code)}
            for code in roles.translation_languages(request.user)
        ],
    }
    return TemplateResponse(request, "admin/guidance/directory/translate_entry.html", context)


def entries_to_update(user):
    """The translation status's directory rows, each with a link to the editor for each language behind that the
    person may write, and to the entry's own page only for those who may open it."""
    rows = []
    languages = roles.translation_languages(user)
    for row in entries_needing_update():
        entry, opts = row["entry"], row["entry"]._meta
        translated = stale_translations.translated_fields(type(entry))
        behind = {code for field, codes in (entry.outdated_translations or {}).items() if field in translated for code in codes}
        rows.append({
            **row,
            "admin_url": row["admin_url"] if user.has_perm(f"{opts.app_label}.view_{opts.model_name}") else "",
            "editors": [
                {"name": language_name(code), "url": entry_editor_url(entry, code)}
                for code in languages if code in behind
            ] if roles.may_translate_entries(user, type(entry)) else [],
        })
    return rows


def followed_rows(user):
    """The translation status of the kinds followed language by language (notices): per kind, each entry with a
    cell per language (its state, and the editor for those the person may write)."""
    languages = roles.translation_languages(user)
    kinds = []
    for model, entries in followed_entries():
        opts, may_translate = model._meta, roles.may_translate_entries(user, model)
        may_open = user.has_perm(f"{opts.app_label}.view_{opts.model_name}")
        rows = []
        for entry in entries:
            cells = []
            for code in TRANSLATED_LANGUAGES:
                state = directory_exchange.entry_state(entry, code)
                editable = state is not None and may_translate and code in languages
                cells.append({"state": state, "url": entry_editor_url(entry, code) if editable else ""})
            rows.append({"entry": entry, "admin_url": admin_url(opts.app_label, opts.model_name, entry.pk) if may_open else "",
                         "cells": cells})
        kinds.append({"name": opts.verbose_name_plural, "model_name": opts.model_name, "rows": rows})
    return kinds
