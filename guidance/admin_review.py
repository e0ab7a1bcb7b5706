"""The review steps about part of a draft or the draft itself, on the revisions' admin: what a publisher is
told after sending one language back, and "Discard this draft" with its confirmation page."""

from functools import partial

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext

from . import publishing, review_actions
from .admin_editing import review_url
from .forms import DiscardForm, conflict_message
from .held_languages import sent_back
from .models import Revision


def review_urls(model_admin):
    return [
        path("<int:object_id>/discard/", model_admin.admin_site.admin_view(partial(discard_view, model_admin)),
             name="guidance_revision_discard"),
    ]


def sent_back_message(revision):
    return gettext(
        "The %(language)s translation is sent back to its translator, who is told by e-mail. "
        "The other languages stay ready: publish them now, or later."
    ) % {"language": review_actions.language_name(revision.sent_back_language)}


def sent_back_rows(revision):
    """The languages of a draft sent back, with the publisher's comment, for the review and translator's pages."""
    return [
        {"code": code, "name": review_actions.language_name(code), "comment": record.get("comment", ""),
         "by": (record.get("by") or ["", ""])[0] or gettext("A publisher")}
        for code, record in sent_back(revision).items()
    ]


def discard_view(model_admin, request, object_id):
    """Ask "Discard this draft?", then take it away: for its author or a publisher."""
    revision = get_object_or_404(Revision.objects.select_related("page__current_revision", "author"), pk=object_id)
    if not review_actions.may_discard(request.user, revision):
        if not revision.is_open and model_admin.has_view_permission(request, revision):
            messages.error(request, gettext("Only a draft can be discarded."))
            return HttpResponseRedirect(review_url(revision))
        raise PermissionDenied
    form = DiscardForm(request.POST or None, revision=revision)
    if request.method == "POST" and form.is_valid():
        try:
            page = form.save(by=request.user)
        except publishing.EditConflict as conflict:
            form.add_error(None, conflict_message(conflict))
            form.data = form.data.copy()
            form.data["seen_version"] = conflict.other.version
        except publishing.PublishingRefused as refused:
            form.add_error(None, refused)
        else:
            messages.success(request, gettext("The draft is discarded. Readers still see the published text."))
            return HttpResponseRedirect(reverse("admin:guidance_guidancepage_change", args=[page.pk]))
    context = {
        **model_admin.admin_site.each_context(request),
        "opts": model_admin.opts,
        "title": gettext("Discard this draft?"),
        "revision": revision,
        "page": revision.page,
        "form": form,
    }
    return TemplateResponse(request, "admin/guidance/revision/discard.html", context)
