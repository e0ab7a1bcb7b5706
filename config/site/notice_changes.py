"""Approving or rejecting a change an editor proposed to a published notice (models.NoticeChange).

Approval saves the proposed values on the notice as the publisher, so its field history says who changed
what, its English change flags the translations behind, and the pages that show it refresh at once."""

from django.db import transaction
from django.utils import timezone

from config.history import recording

from .models import Notice, NoticeChange


class AlreadyDecided(Exception):
    """The change was approved or rejected already (by someone else, perhaps a moment ago)."""


@transaction.atomic
def approve(change, by):
    """Apply the proposed change to its notice as `by`; a ValidationError (an end before the start) leaves both as they were."""
    change = _waiting(change)
    notice = Notice.objects.select_for_update().get(pk=change.notice_id)
    for name, value in change.proposed_values().items():
        setattr(notice, name, value)
    notice.full_clean(validate_unique=False)
    notice.updated_by = by
    with recording.acting_as(by):
        notice.save()
    _decide(change, NoticeChange.Status.APPROVED, by)
    return notice


@transaction.atomic
def reject(change, by):
    _decide(_waiting(change), NoticeChange.Status.REJECTED, by)


def _waiting(change):
    locked = NoticeChange.objects.select_for_update().get(pk=change.pk)
    if locked.status != NoticeChange.Status.WAITING:
        raise AlreadyDecided
    return locked


def _decide(change, status, by):
    change.status, change.decided_by, change.decided_at = status, by, timezone.now()
    change.save(update_fields=["status", "decided_by", "decided_at"])
