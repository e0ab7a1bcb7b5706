"""Whether each translation of a guidance page keeps up with the English text (Kitsune's idea).

A revision holds every language, so "when was language L last updated" is read from the
published revisions themselves: L was updated by the latest published revision in which its
title, summary or body differ from the revision published before it (or first appear). Any
English change published after that makes the translation stale: a minor change means
"needs update", a major one "immediate update needed"; a typo fix does not count, and neither
does a change undone later (the English is again the text the translation was made from).
"""

from dataclasses import dataclass

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from modeltranslation.utils import build_localized_fieldname

from .models import Revision, Significance

SOURCE_LANGUAGE = settings.LANGUAGE_CODE
TRANSLATED_LANGUAGES = [code for code, _name in settings.LANGUAGES if code != SOURCE_LANGUAGE]
TEXT_FIELDNAMES = [
    build_localized_fieldname(field, code) for field in Revision.TEXT_FIELDS for code, _name in settings.LANGUAGES
]


class TranslationState(models.TextChoices):
    MISSING = "missing", _("Missing")
    UP_TO_DATE = "up-to-date", _("Up to date")
    NEEDS_UPDATE = "needs-update", _("Needs update")
    IMMEDIATE_UPDATE = "immediate-update", _("Immediate update needed")


# How stale a translation is after an English change of each significance.
STATE_AFTER_ENGLISH_CHANGE = {
    Significance.MAJOR: TranslationState.IMMEDIATE_UPDATE,
    Significance.MINOR: TranslationState.NEEDS_UPDATE,
}


@dataclass(frozen=True)
class LanguageStatus:
    """The state of one language of one page, with the revisions that explain it."""

    language: str
    state: str
    translated_in: Revision | None = None  # the last published revision that changed this language
    english_changed_in: Revision | None = None  # the most significant English change since then

    @property
    def label(self):
        return TranslationState(self.state).label


def texts(revision, language):
    return tuple(getattr(revision, build_localized_fieldname(field, language)) or "" for field in Revision.TEXT_FIELDS)


def page_statuses(published_revisions):
    """{language: LanguageStatus} for one page, from its published revisions in publishing order."""
    last_changed = {}  # language -> index of the revision that last changed it
    english_changes = []  # (index, revision) where the English text changed
    previous = None
    for index, revision in enumerate(published_revisions):
        for language, _name in settings.LANGUAGES:
            current = texts(revision, language)
            if any(current) and (previous is None or current != texts(previous, language)):
                last_changed[language] = index
                if language == SOURCE_LANGUAGE:
                    english_changes.append((index, revision))
        previous = revision

    statuses = {}
    for language in TRANSLATED_LANGUAGES:
        if previous is None or not all(texts(previous, language)):
            statuses[language] = LanguageStatus(language, TranslationState.MISSING)
            continue
        since = last_changed[language]
        translated_in = published_revisions[since]
        later = [revision for index, revision in english_changes if index > since]
        if texts(previous, SOURCE_LANGUAGE) == texts(translated_in, SOURCE_LANGUAGE):
            later = []  # the English is back to the text translated (a restore): nothing is outdated
        state, changed_in = TranslationState.UP_TO_DATE, None
        for significance in (Significance.MAJOR, Significance.MINOR):
            matching = [revision for revision in later if revision.significance == significance]
            if matching:
                state, changed_in = STATE_AFTER_ENGLISH_CHANGE[significance], matching[0]
                break
        statuses[language] = LanguageStatus(language, state, translated_in, changed_in)
    return statuses


def published_in_order(queryset):
    return queryset.published().only("page_id", "significance", "published_at", *TEXT_FIELDNAMES).order_by(
        "published_at", "pk"
    )


def statuses_for_pages(pages):
    """{page id: {language: LanguageStatus}} for many pages, in one query."""
    by_page = {page.pk: [] for page in pages}
    for revision in published_in_order(Revision.objects.filter(page__in=by_page)):
        by_page[revision.page_id].append(revision)
    return {page_id: page_statuses(revisions) for page_id, revisions in by_page.items()}


def stored_states(page):
    """What GuidancePage.translation_status keeps: {language: state} (called on every publication)."""
    statuses = page_statuses(list(published_in_order(page.revisions.all())))
    return {language: status.state for language, status in statuses.items()}


def needs_immediate_update(page, language):
    """Should readers of this language be told the English page has changed since? No query."""
    return (page.translation_status or {}).get(language) == TranslationState.IMMEDIATE_UPDATE
