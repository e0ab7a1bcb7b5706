"""The translation status's native-review buttons: mark a page's or a directory entry's translation as
machine-made (not yet read by a native speaker), and confirm that a native speaker has read it
(guidance/native_review.py). A directory entry is named by its exchange key (`offices.office.2`)."""

from functools import partial

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.urls import path, reverse
from django.utils.translation import gettext
from django.views.decorators.http import require_POST

from config.history.labels import admin_url

from .. import native_review, roles
from ..models import GuidancePage
from . import directory_exchange
from .languages import language_name, languages_refusal

STATUS_PAGE = "admin:guidance_guidancepage_translations"


def native_review_urls(model_admin):
    def view(function, find):
        return model_admin.admin_site.admin_view(require_POST(partial(function, model_admin, find)))

    return [
        path("<int:object_id>/native-review/<str:language>/mark/", view(mark_view, find_page),
             name="guidance_guidancepage_mark_native_review"),
        path("<int:object_id>/native-review/<str:language>/confirm/", view(confirm_view, find_page),
             name="guidance_guidancepage_confirm_native_review"),
        path("translations/directory/<str:key>/native-review/<str:language>/mark/", view(mark_view, find_entry),
             name="guidance_guidancepage_mark_entry_native_review"),
        path("translations/directory/<str:key>/native-review/<str:language>/confirm/", view(confirm_view, find_entry),
             name="guidance_guidancepage_confirm_entry_native_review"),
    ]


def find_page(request, object_id):
    """The page a button names, and how the status page's anchors name it."""
    page = get_object_or_404(GuidancePage, pk=object_id)
    return page, str(page.pk)


def find_entry(request, key):
    """The directory entry a button names; only for those who may change that kind of entry's translations."""
    entry = directory_exchange.entry_for_key(key)
    if entry is None:
        raise Http404(gettext("There is no directory entry “%(entry)s”.") % {"entry": key})
    if not roles.may_translate_entries(request.user, type(entry)):
        raise PermissionDenied
    return entry, key


def back_to_status(anchor, language):
    return HttpResponseRedirect(f"{reverse(STATUS_PAGE)}#native-review-{anchor}-{language}")


def mark_view(model_admin, find, request, language, **names):
    subject, anchor = find(request, **names)
    if language not in roles.TRANSLATED_LANGUAGES:
        raise Http404
    if not roles.may_translate(request.user, language):
        messages.error(request, languages_refusal(request.user, language))
        return back_to_status(anchor, language)
    native_review.mark(subject, language, by=request.user)
    messages.success(request, gettext("The %(language)s translation of “%(page)s” now waits for a native speaker’s review.")
                     % {"language": language_name(language), "page": subject})
    return back_to_status(anchor, language)


def confirm_view(model_admin, find, request, language, **names):
    subject, anchor = find(request, **names)
    review = get_object_or_404(native_review.NativeReview, **native_review.subject_of(subject), language=language)
    if not roles.may_confirm_as_native_speaker(request.user, language):
        messages.error(request, gettext(
            "Only a translator who names %(language)s among their languages (under “My notifications”) may "
            "confirm that a native speaker has read it. Nothing was changed.") % {"language": language_name(language)})
        return back_to_status(anchor, language)
    if review.waiting:
        native_review.confirm(review, by=request.user)
    messages.success(request, gettext("Confirmed: a native speaker has read the %(language)s translation of “%(page)s”.")
                     % {"language": language_name(language), "page": subject})
    return back_to_status(anchor, language)


def entry_reviews(user):
    """The translation status's directory entries marked as needing a native speaker's review (waiting or confirmed
    since), each with its reviews and the buttons this person may use: a query per kind of entry marked."""
    reviews = list(native_review.NativeReview.objects.of_entries().select_related("content_type", "confirmed_by")
                   .order_by("content_type__app_label", "content_type__model", "object_id", "language"))
    entries = {}
    for content_type_id in {review.content_type_id for review in reviews}:
        model = next(review.content_type.model_class() for review in reviews if review.content_type_id == content_type_id)
        ids = [review.object_id for review in reviews if review.content_type_id == content_type_id]
        entries.update({(content_type_id, pk): entry for pk, entry in model._base_manager.in_bulk(ids).items()})
    languages, rows = roles.translation_languages(user), {}
    confirmable = {code for code in {review.language for review in reviews} if roles.may_confirm_as_native_speaker(user, code)}
    translatable = {model: roles.may_translate_entries(user, model) for model in {type(entry) for entry in entries.values()}}
    for review in reviews:
        entry = entries.get((review.content_type_id, review.object_id))
        if entry is None:
            continue  # deleted without its signal (a bulk delete): nothing to review
        opts, may_translate = entry._meta, translatable[type(entry)]
        row = rows.setdefault((review.content_type_id, review.object_id), {
            "entry": entry, "kind": opts.verbose_name, "key": directory_exchange.entry_key(entry), "reviews": [],
            "admin_url": admin_url(opts.app_label, opts.model_name, entry.pk)
            if user.has_perm(f"{opts.app_label}.view_{opts.model_name}") else "",
        })
        row["reviews"].append({
            "review": review, "language": review.language, "name": language_name(review.language),
            "may_confirm": may_translate and review.language in confirmable,
            "may_mark": may_translate and review.language in languages,
        })
    return list(rows.values())
