"""What changed recently, for readers: published major guidance changes, directory changes and notices.

A typo fix or a minor rewording of guidance is never listed; neither is a directory correction. A notice
is listed from its start, dated by it; one prepared ahead appears then, with no save (see notices.py).
"""

import uuid
from dataclasses import dataclass

from django.utils import timezone
from django.utils.translation import gettext

from config.language_fallback import localized
from config.page_cache import changed_at, valid_until
from guidance.models import Revision
from offices.models import DirectoryChange

from .models import Notice
from .notices import started_notices

UPDATES_SHOWN = 30
REVISION_NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "help-site:guidance-revision")


@dataclass(frozen=True)
class Update:
    """One line of the Updates page and one entry of its feed."""

    date: object
    revision: Revision = None
    change: DirectoryChange = None
    notice: Notice = None

    @property
    def url(self):
        if self.revision:
            return self.revision.page.get_absolute_url()
        if self.notice:
            return self.notice.get_absolute_url()
        return self.change.get_absolute_url()

    @property
    def guid(self):
        """A permanent id for feed readers, the same in every language."""
        if self.revision:
            return f"urn:uuid:{uuid.uuid5(REVISION_NAMESPACE, str(self.revision.pk))}"
        if self.notice:
            return f"urn:uuid:{self.notice.uuid}"
        return f"urn:uuid:{self.change.uuid}"

    @property
    def subject(self):
        """What changed: a guidance page's title, a notice's, or an office or partner's name (plain text)."""
        if self.revision:
            return localized(self.revision, "title").value
        if self.notice:
            return localized(self.notice, "title").value
        subject = self.change.subject
        if self.change.office_id:
            return localized(subject, "name").value
        return f"{localized(subject.partner, 'name').value} · {localized(subject.city, 'name').value}"

    @property
    def headline(self):
        if self.revision:
            return self.subject
        if self.notice:
            return gettext("Notice: %(title)s") % {"title": self.subject}
        return gettext("%(subject)s: %(change)s") % {"subject": self.subject, "change": self.change.get_kind_display()}


def recent_updates(limit=UPDATES_SHOWN, *, request=None):
    """The newest updates first, in three queries whatever the number of pages, offices and notices.

    With the request, the page cache is told when the list changes by itself: at the next notice's start.
    """
    revisions = Revision.objects.history().select_related("page")[:limit]
    changes = DirectoryChange.objects.listed()[:limit]
    notices, next_start = started_notices(timezone.now(), limit)
    if request is not None:
        valid_until(request, next_start)
        changed_at(request, notices[0].starts_at if notices else None)
    updates = [Update(date=r.published_at, revision=r) for r in revisions]
    updates += [Update(date=c.changed_at, change=c) for c in changes]
    updates += [Update(date=n.starts_at, notice=n) for n in notices]
    updates.sort(key=lambda update: update.date, reverse=True)
    return updates[:limit]
