"""What changed recently, for readers: published major guidance changes and directory changes.

A typo fix or a minor rewording of guidance is never listed; neither is a directory correction.
"""

import uuid
from dataclasses import dataclass

from django.utils.translation import gettext

from config.language_fallback import localized
from guidance.models import Revision, in_every_language
from offices.models import DirectoryChange

UPDATES_SHOWN = 30
REVISION_NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "help-site:guidance-revision")


@dataclass(frozen=True)
class Update:
    """One line of the Updates page and one entry of its feed."""

    date: object
    revision: Revision = None
    change: DirectoryChange = None

    @property
    def url(self):
        if self.revision:
            return self.revision.page.get_absolute_url()
        return self.change.get_absolute_url()

    @property
    def guid(self):
        """A permanent id for feed readers, the same in every language."""
        if self.revision:
            return f"urn:uuid:{uuid.uuid5(REVISION_NAMESPACE, str(self.revision.pk))}"
        return f"urn:uuid:{self.change.uuid}"

    @property
    def subject(self):
        """What changed: a guidance page's title, or an office or partner's name (plain text)."""
        if self.revision:
            return localized(self.revision, "title").value
        subject = self.change.subject
        if self.change.office_id:
            return localized(subject, "name").value
        return f"{localized(subject.partner, 'name').value} · {localized(subject.city, 'name').value}"

    @property
    def headline(self):
        if self.revision:
            return self.subject
        return gettext("%(subject)s: %(change)s") % {"subject": self.subject, "change": self.change.get_kind_display()}


def recent_updates(limit=UPDATES_SHOWN):
    """The newest updates first, in two queries whatever the number of pages and offices."""
    revisions = Revision.objects.history().select_related("page").defer("summary", "body", *in_every_language("summary", "body"))[:limit]
    changes = DirectoryChange.objects.listed()[:limit]
    updates = [Update(date=r.published_at, revision=r) for r in revisions]
    updates += [Update(date=c.changed_at, change=c) for c in changes]
    updates.sort(key=lambda update: update.date, reverse=True)
    return updates[:limit]
