"""Review decisions about part of a draft, or about the draft itself: send one language back, discard a mistake.

Sending back one language keeps every other language of the shared draft as it is, ready to publish
(guidance/held_languages.py says what happens to it at publication). Discarding takes a draft started by
mistake away; the page and its published history are untouched.
"""

from django.contrib.admin.models import CHANGE, LogEntry
from django.db import transaction
from django.utils import timezone
from django.utils.translation import get_language_info
from django.utils.translation import gettext as _

from . import held_languages, publishing, roles
from .models import Revision
from .segments import page_status
from .signals import language_sent_back


def language_name(code):
    return get_language_info(code)["name_translated"]


@transaction.atomic
def send_back(revision, *, language, by, comment, reviewed=None):
    """Send one language of a draft back to the person who last changed it, with the publisher's comment."""
    page = publishing._lock_page(revision)
    if reviewed is not None:
        publishing.check_unchanged(revision, reviewed.version)
    if not revision.is_editable:
        raise publishing.PublishingRefused(_("Only a draft waiting for review can have a language sent back."))
    if language not in page_status.TRANSLATED_LANGUAGES:
        raise publishing.PublishingRefused(_("Choose the language to send back."))
    comment = (comment or "").strip()
    if not comment:
        raise publishing.PublishingRefused(_("Say what must change in this translation, so its translator can fix it."))
    current = page.current_revision
    if current is not None and page_status.texts(revision, language) == page_status.texts(current, language):
        raise publishing.PublishingRefused(_("This draft does not change the %(language)s translation.") % {
            "language": language_name(language)})
    translator = held_languages.last_translator(revision, language)
    held_languages.mark(revision, language, {
        "comment": comment, "by": [by.get_full_name(), by.get_username()], "at": timezone.now().isoformat(),
    })
    revision.reviewed_by, revision.reviewed_at = by, timezone.now()
    publishing._record_edit(revision, by)
    revision.save()
    language_sent_back.send(
        sender=Revision, revision=revision, language=language, by=by, comment=comment, translator=translator,
    )
    publishing._log(by, revision, _("Sent the %(language)s translation back: %(comment)s") % {
        "language": language_name(language), "comment": comment})
    revision.sent_back_language = language  # for the message the publisher sees
    return revision


def may_discard(user, revision):
    """Its author, or a publisher, may discard an open draft."""
    if not revision.is_open:
        return False
    return roles.can_publish(user) or (revision.author_id is not None and revision.author_id == user.pk
                                       and roles.can_edit_drafts(user))


@transaction.atomic
def discard(revision, *, by, seen_version):
    """Take away a draft started by mistake. Nothing readers see changes; the page's history keeps a line."""
    publishing._lock_page(revision)
    latest = publishing.check_unchanged(revision, seen_version)
    if not latest.is_open:
        raise publishing.PublishingRefused(_("Only a draft can be discarded."))
    page = latest.page
    # A draft is not part of the record (only published and rejected revisions are): it goes, with its links.
    Revision.objects.filter(pk=latest.pk, status__in=Revision.OPEN_STATUSES).delete()
    LogEntry.objects.log_actions(
        by.pk, [page], CHANGE, single_object=True,
        change_message=_("Discarded a draft started on %(when)s.") % {"when": publishing._format(latest.created_at)},
    )
    return page
