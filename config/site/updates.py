"""What changed recently, for readers: published major guidance changes and directory changes.

A typo fix or a minor rewording of guidance is never listed; neither is a directory correction.
"""

import uuid
from dataclasses import dataclass

from django.conf import settings
from django.utils.translation import gettext

from config.language_fallback import current_language, localized
from guidance.models import Revision
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
        """A permanent id for feed readers, one per language: with the same id in every language's
        feed, a reader subscribed to two of them would see only one. English keeps the ids it always
        had, so its subscribers are not shown every entry again."""
        language = current_language()
        if self.revision:
            name = str(self.revision.pk) if language == settings.LANGUAGE_CODE else f"{self.revision.pk}:{language}"
            return f"urn:uuid:{uuid.uuid5(REVISION_NAMESPACE, name)}"
        if language == settings.LANGUAGE_CODE:
            return f"urn:uuid:{self.change.uuid}"
        return f"urn:uuid:{uuid.uuid5(self.change.uuid, language)}"

    @property
    def title_language(self):
        """The language the headline is written in: a guidance title may be shown from another
        language; a directory change's headline is a sentence in the reader's language (with a name
        in it, which may be in another)."""
        if self.revision:
            return localized(self.revision, "title").language
        return current_language()

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
    revisions = Revision.objects.history().select_related("page")[:limit]
    changes = DirectoryChange.objects.listed()[:limit]
    updates = [Update(date=r.published_at, revision=r) for r in revisions]
    updates += [Update(date=c.changed_at, change=c) for c in changes]
    updates.sort(key=lambda update: update.date, reverse=True)
    return updates[:limit]
