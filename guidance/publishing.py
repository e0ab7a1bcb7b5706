"""The publishing workflow of guidance pages: drafts, review, publishing, rejection, restoring, scheduling.

Everything that changes what readers see goes through publish() (restore() and publish_due()
call it), so whatever must follow a publication has one home. Published and rejected revisions
are never rewritten; a page has at most one open draft, which staff edit in place, and every
change of a revision raises its `version`, so a save or a review based on an older version is
refused as an edit conflict instead of overwriting someone else's work.
"""

from dataclasses import dataclass

from django.contrib.admin.models import ADDITION, CHANGE, LogEntry
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import get_language_info
from django.utils.translation import gettext as _
from modeltranslation.utils import build_localized_fieldname

from . import held_languages, rejected_translations
from .models import GuidancePage, Revision, Significance
from .segments import checks as translation_checks
from .segments import page_status
from .segments import status as segment_status
from .signals import draft_rejected, draft_submitted, page_published, translations_carried

SOURCE_LANGUAGE = page_status.SOURCE_LANGUAGE


class PublishingRefused(ValidationError):
    """A rule of the workflow refuses the action; the message says why, for staff."""


class ChecksFailed(PublishingRefused):
    """The quality checks of the translations found problems; a publisher may override them."""


class EditConflict(PublishingRefused):
    """Someone else changed the revision (or published the page) after this person looked at it."""

    def __init__(self, message, *, other):
        super().__init__(message, code="conflict")
        self.other = other  # the revision that holds the other person's change


@dataclass(frozen=True)
class Reviewed:
    """What a publisher saw when deciding: the draft's version and the page's published revision."""

    version: int
    current_revision_id: int | None


def copy_text(source, target):
    """Copy the page's text (title, summary, body) in every language; not the change note."""
    for fieldname in page_status.TEXT_FIELDNAMES:
        setattr(target, fieldname, getattr(source, fieldname))


def same_text(one, other):
    return all(
        (getattr(one, name) or "") == (getattr(other, name) or "") for name in page_status.TEXT_FIELDNAMES
    )


@transaction.atomic
def open_draft(page, *, by):
    """The page's open draft, or a new one copying the published text. Two people get the same draft."""
    page = _locked_page(page.pk)
    existing = page.revisions.open().first()
    if existing is not None:
        return existing
    rejected = rejected_translations.rejected_before(page)
    draft = Revision(page=page, author=by, updated_by=by, based_on=page.current_revision)
    if page.current_revision is not None:
        copy_text(page.current_revision, draft)
        draft.significance = Significance.MINOR
    # After a whole draft was rejected, its finished translations are not asked for again.
    carried = rejected_translations.carry(draft, rejected, page.current_revision) if rejected else []
    draft.save()
    if page.current_revision is not None:
        draft.sources.set(page.current_revision.sources.all())  # the same documents, until staff say otherwise
    _log(by, draft, _("Started a draft."), flag=ADDITION)
    if carried:
        translations_carried.send(sender=Revision, draft=draft, rejected=rejected, carried=carried, by=by)
    return draft


def check_unchanged(revision, seen_version):
    """Refuse to act on a revision that changed after `seen_version` of it was read."""
    latest = Revision.objects.select_for_update(of=("self",)).select_related("updated_by").get(pk=revision.pk)
    if latest.version != seen_version:
        raise EditConflict(_conflict_message(latest), other=latest)
    return latest


@transaction.atomic
def save_draft(revision, *, by, seen_version, submit=False):
    """Save staff's edit of an open draft, unless someone changed it since they opened it."""
    latest = check_unchanged(revision, seen_version)
    if not latest.is_editable:
        raise PublishingRefused(_("Only a draft can be edited. Edit the page to start a new draft."))
    revision.status = latest.status
    submitted = submit and revision.status == Revision.Status.DRAFT
    if submitted:
        revision.status = Revision.Status.REVIEW
        revision.submitted_at = timezone.now()
    _record_edit(revision, by)
    revision.save()
    if submitted:
        draft_submitted.send(sender=Revision, revision=revision, by=by)
    return revision


@transaction.atomic
def publish(revision, *, when=None, by=None, reviewed=None, override_checks=False):
    """Make a revision the text readers see, at once and atomically.

    Only a major change moves the "last updated" date and is listed in the public history.
    When a person publishes (`by`), the review rules apply too: a major change needs a change
    note, `reviewed` (what the publisher saw) refuses a stale approval, and the quality checks of
    the translations it changes must pass unless the publisher overrides them. The content loader
    publishes the recorded history as it is.
    """
    when = when or timezone.now()
    page = _lock_page(revision)
    if reviewed is not None:
        _check_reviewed(revision, page, reviewed)
    if not revision.is_open:
        raise PublishingRefused(_("Only a draft can be published."))
    held = held_languages.set_aside(revision, page.current_revision) if by is not None else []
    if by is not None:
        _check_publishable(revision, page, override_checks)
    current = page.current_revision
    revision.status = Revision.Status.PUBLISHED
    revision.published_at = when
    revision.publish_at = None
    if by is not None:
        revision.reviewed_by, revision.reviewed_at = by, timezone.now()
    # A back-dated revision (loaded from history) never hides a newer one.
    becomes_current = current is None or current.published_at <= when
    if becomes_current and current is not None:
        revision.based_on = current  # what it replaced, and what the publisher compared it with
    revision.segments = _segment_map(revision, page, when)
    _record_edit(revision, by)
    revision.save()
    if becomes_current:
        page.current_revision = revision
        if revision.significance == Significance.MAJOR or page.last_major_update is None:
            page.last_major_update = when
    page_status.refresh(page)
    page.save(update_fields=["current_revision", "last_major_update", "translation_status", "outdated_sections"])
    if becomes_current:
        page_published.send(sender=GuidancePage, page=page, revision=revision, by=by)
    _log(by, revision, _("Published (%(significance)s).") % {"significance": revision.get_significance_display()})
    if held:  # the languages sent back wait in the next draft, as their translators left them
        follow_up = open_draft(page, by=revision.author or by)
        held_languages.carry_over(follow_up, held)
        follow_up.save()
    return revision


@transaction.atomic
def schedule(revision, *, at, by, reviewed=None, override_checks=False):
    """Approve a draft now, to be published at `at` by the publish_scheduled command."""
    if at <= timezone.now():
        raise PublishingRefused(_("The publishing time must be in the future. Leave it empty to publish now."))
    page = _lock_page(revision)
    if reviewed is not None:
        _check_reviewed(revision, page, reviewed)
    _check_publishable(revision, page, override_checks)
    revision.status = Revision.Status.SCHEDULED
    revision.publish_at = at
    revision.based_on = page.current_revision  # what the publisher approved it against
    revision.reviewed_by, revision.reviewed_at = by, timezone.now()
    _record_edit(revision, by)
    revision.save()
    _log(by, revision, _("Scheduled for publishing on %(when)s.") % {"when": _format(at)})
    return revision


@transaction.atomic
def unschedule(revision, *, by, reviewed=None):
    """Take a scheduled revision back into review; it can be edited again."""
    _lock_page(revision)
    if reviewed is not None:
        check_unchanged(revision, reviewed.version)
    if revision.status != Revision.Status.SCHEDULED:
        raise PublishingRefused(_("This revision is not scheduled."))
    revision.status = Revision.Status.REVIEW
    revision.publish_at = None
    _record_edit(revision, by)
    revision.save()
    _log(by, revision, _("Schedule cancelled; back in review."))
    return revision


def publish_due(now=None):
    """Publish the scheduled revisions whose time has come. Returns (published, held back).

    A revision that cannot be published goes back to review with the reason; the others still go out.
    """
    now = now or timezone.now()
    published, held = [], []
    for revision in Revision.objects.due(now).select_related("reviewed_by"):
        try:
            with transaction.atomic():
                page = _lock_page(revision)
                if revision.based_on_id != page.current_revision_id:
                    # The page changed after the publisher approved this text: do not undo that change.
                    raise PublishingRefused(
                        _(
                            "Not published as scheduled: the page was changed after this draft was approved. "
                            "Review it again."
                        )
                    )
                # The checks were passed (or overridden) when it was approved; its text has not changed since.
                published.append(publish(revision, when=now, by=revision.reviewed_by, override_checks=True))
        except PublishingRefused as refusal:
            held.append(_hold_back(revision, " ".join(refusal.messages)))
    return published, held


@transaction.atomic
def _hold_back(revision, reason):
    revision = Revision.objects.get(pk=revision.pk)
    revision.status = Revision.Status.REVIEW
    revision.publish_at = None
    revision.review_comment = reason
    _record_edit(revision, None)
    revision.save()
    _log(revision.reviewed_by, revision, reason)
    return revision


@transaction.atomic
def reject(revision, *, by, comment, reviewed=None):
    """Send a draft back with a comment. The rejected revision is kept, unchanged, in the history."""
    _lock_page(revision)
    if reviewed is not None:
        check_unchanged(revision, reviewed.version)
    if not revision.is_open:
        raise PublishingRefused(_("Only a draft can be rejected."))
    comment = (comment or "").strip()
    if not comment:
        raise PublishingRefused(_("Say why the draft is rejected, so its author can fix it."))
    revision.status = Revision.Status.REJECTED
    revision.review_comment = comment
    revision.publish_at = None
    revision.reviewed_by, revision.reviewed_at = by, timezone.now()
    _record_edit(revision, by)
    revision.save()
    draft_rejected.send(sender=Revision, revision=revision, by=by, comment=comment)
    _log(by, revision, _("Rejected: %(comment)s") % {"comment": comment})
    return revision


@transaction.atomic
def restore(revision, *, by, significance=Significance.MAJOR, change_note="", reviewed=None, translated_notes=None):
    """Bring back the text of an earlier published revision, as a new published revision."""
    page = _lock_page(revision)
    if reviewed is not None and page.current_revision_id != reviewed.current_revision_id:
        raise EditConflict(_published_conflict_message(page.current_revision), other=page.current_revision)
    if not revision.is_published:
        raise PublishingRefused(_("Only a published revision can be restored."))
    if revision.pk == page.current_revision_id:
        raise PublishingRefused(_("This revision is already the one readers see."))
    restored = Revision(
        page=page, author=by, updated_by=by, based_on=page.current_revision, restores=revision,
        significance=significance, status=Revision.Status.REVIEW,
    )
    copy_text(revision, restored)
    setattr(restored, build_localized_fieldname("change_note", SOURCE_LANGUAGE), change_note.strip())
    for language, note in (translated_notes or {}).items():
        setattr(restored, build_localized_fieldname("change_note", language), (note or "").strip())
    restored.save()
    restored.sources.set(revision.sources.all())
    publish(restored, by=by, override_checks=True)  # a text readers have read before
    _log(by, restored, _("Restored the text published on %(date)s (revision %(id)s).") % {
        "date": _format(revision.published_at), "id": revision.pk,
    })
    return restored


def _segment_map(revision, page, when):
    """The segment map of a revision being published, following the published revision before it."""
    before = page.revisions.published().filter(published_at__lte=when).exclude(pk=revision.pk)
    parent = before.order_by("-published_at", "-pk").first()
    parent_map = page_status.stored_map(parent) if parent is not None else None
    return segment_status.build_map(revision, parent, parent_map, draft_data=revision.segments)


def _lock_page(revision):
    return _locked_page(revision.page_id)


def _locked_page(page_id):
    """The page, locked until the transaction ends, so publications of one page happen one at a time."""
    # of=("self",): PostgreSQL cannot lock the nullable side of the join to current_revision.
    return GuidancePage.objects.select_for_update(of=("self",)).select_related("current_revision").get(pk=page_id)


def _check_reviewed(revision, page, reviewed):
    check_unchanged(revision, reviewed.version)
    if page.current_revision_id != reviewed.current_revision_id:
        raise EditConflict(_published_conflict_message(page.current_revision), other=page.current_revision)


def _check_publishable(revision, page, override_checks=False):
    if not revision.is_open:
        raise PublishingRefused(_("Only a draft can be published."))
    english = {field: getattr(revision, build_localized_fieldname(field, SOURCE_LANGUAGE)) for field in
               Revision.TEXT_FIELDS}
    if not all(english.values()):
        raise PublishingRefused(_("The English title, summary and body are needed before publishing."))
    current = page.current_revision
    confirmed = any((revision.segments or {}).get("confirmed", {}).values())  # a translator's check is news too
    if current is not None and same_text(revision, current) and not confirmed:
        raise PublishingRefused(_("Nothing to publish: this draft has the same text as the published page."))
    note = getattr(revision, build_localized_fieldname("change_note", SOURCE_LANGUAGE)) or ""
    if revision.significance == Significance.MAJOR and current is not None and not note.strip():
        raise PublishingRefused(_("A major change needs a change note in English: readers see it in the page history."))
    if not override_checks:
        problems = translation_checks.blocking(translation_checks.draft_problems(revision))
        if problems:
            names = ", ".join(
                f"{get_language_info(code)['name_translated']} ({len(found)})" for code, found in problems.items()
            )
            raise ChecksFailed(_(
                "The quality checks found problems in translations this draft changes: %(languages)s. "
                "Fix them, or publish despite them if you are sure."
            ) % {"languages": names})


def _record_edit(revision, by):
    revision.version += 1
    if by is not None:
        revision.updated_by = by


def _conflict_message(latest):
    who = _person(latest.updated_by)
    when = _format(latest.updated_at)
    messages = {
        Revision.Status.PUBLISHED: _("%(who)s published this draft at %(when)s, after you opened it."),
        Revision.Status.REJECTED: _("%(who)s rejected this draft at %(when)s, after you opened it."),
        Revision.Status.SCHEDULED: _("%(who)s scheduled this draft at %(when)s, after you opened it."),
    }
    default = _("%(who)s saved a change to this draft at %(when)s, after you opened it.")
    return messages.get(latest.status, default) % {"who": who, "when": when} + " " + _(
        "Nothing was saved over their change. Your version is still in the form below: "
        "copy what you need, then open their version and add it there."
    )


def _published_conflict_message(current):
    who = _person(current.reviewed_by or current.updated_by) if current else _("Someone")
    when = _format(current.published_at) if current else ""
    return _(
        "%(who)s published another change of this page at %(when)s, after you opened this draft. "
        "Look at the differences again before you publish."
    ) % {"who": who, "when": when}


def _person(user):
    if user is None:
        return _("Someone")
    return user.get_full_name() or user.get_username()


def _format(moment):
    return date_format(timezone.localtime(moment), "DATETIME_FORMAT") if moment else ""


def _log(user, revision, message, flag=CHANGE):
    """Write to the admin log who did what, and when (only for actions by a person)."""
    if user is None:
        return
    LogEntry.objects.log_actions(user.pk, [revision], flag, change_message=message, single_object=True)
