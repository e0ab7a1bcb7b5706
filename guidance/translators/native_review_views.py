"""The translation status's native-review buttons: mark a page's translation as machine-made (not yet read
by a native speaker), and confirm that a native speaker has read it (guidance/native_review.py)."""

from functools import partial

from django.contrib import messages
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.urls import path, reverse
from django.utils.translation import gettext
from django.views.decorators.http import require_POST

from .. import native_review, roles
from ..models import GuidancePage
from .languages import language_name, languages_refusal

STATUS_PAGE = "admin:guidance_guidancepage_translations"


def native_review_urls(model_admin):
    def view(function):
        return model_admin.admin_site.admin_view(require_POST(partial(function, model_admin)))

    return [
        path("<int:object_id>/native-review/<str:language>/mark/", view(mark_view),
             name="guidance_guidancepage_mark_native_review"),
        path("<int:object_id>/native-review/<str:language>/confirm/", view(confirm_view),
             name="guidance_guidancepage_confirm_native_review"),
    ]


def back_to_status(page, language):
    return HttpResponseRedirect(f"{reverse(STATUS_PAGE)}#native-review-{page.pk}-{language}")


def mark_view(model_admin, request, object_id, language):
    page = get_object_or_404(GuidancePage, pk=object_id)
    if language not in roles.TRANSLATED_LANGUAGES:
        raise Http404
    if not roles.may_translate(request.user, language):
        messages.error(request, languages_refusal(request.user, language))
        return back_to_status(page, language)
    native_review.mark(page, language, by=request.user)
    messages.success(request, gettext("The %(language)s translation of “%(page)s” now waits for a native speaker’s review.")
                     % {"language": language_name(language), "page": page})
    return back_to_status(page, language)


def confirm_view(model_admin, request, object_id, language):
    review = get_object_or_404(native_review.NativeReview.objects.select_related("page"), page_id=object_id,
                               language=language)
    if not roles.may_confirm_as_native_speaker(request.user, language):
        messages.error(request, gettext(
            "Only a translator who names %(language)s among their languages (under “My notifications”) may "
            "confirm that a native speaker has read it. Nothing was changed.") % {"language": language_name(language)})
        return back_to_status(review.page, language)
    if review.waiting:
        native_review.confirm(review, by=request.user)
    messages.success(request, gettext("Confirmed: a native speaker has read the %(language)s translation of “%(page)s”.")
                     % {"language": language_name(language), "page": review.page})
    return back_to_status(review.page, language)
