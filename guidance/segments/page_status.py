"""Whether each translation of a guidance page keeps up with the English text (Kitsune's idea, per segment).

The state of a language is worked out from its segments (guidance/segment_status.py): a page is
"immediate update needed" in a language when one of its translated segments is behind a major
English change, "needs update" when one is behind a minor one, "up to date" otherwise, and
"missing" when the language has no title, summary or body. A segment never translated (a section
left to its fallback) does not make a page outdated; it is counted apart.

Open drafts count too (`draft_outlook`): what a draft waiting for review will leave behind in each
language once it is published.
"""

from dataclasses import dataclass, field

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from modeltranslation.utils import build_localized_fieldname

from ..models import Revision
from . import status as segment_status
from .status import OUTDATED, SegmentState

SOURCE_LANGUAGE = settings.LANGUAGE_CODE
TRANSLATED_LANGUAGES = segment_status.TRANSLATED_LANGUAGES
TEXT_FIELDNAMES = [
    build_localized_fieldname(name, code) for name in Revision.TEXT_FIELDS for code, _name in settings.LANGUAGES
]


class TranslationState(models.TextChoices):
    MISSING = "missing", _("Missing")
    UP_TO_DATE = "up-to-date", _("Up to date")
    NEEDS_UPDATE = "needs-update", _("Needs update")
    IMMEDIATE_UPDATE = "immediate-update", _("Immediate update needed")


@dataclass(frozen=True)
class LanguageStatus:
    """The state of one language of one page, with the revisions that explain it and its segment counts."""

    language: str
    state: str
    translated_in: Revision | None = None  # the last published revision that changed this language
    english_changed_in: Revision | None = None  # the first English change the translation is behind
    counts: dict = field(default_factory=dict)  # {SegmentState: number of segments}

    @property
    def label(self):
        return TranslationState(self.state).label

    @property
    def total(self):
        return sum(self.counts.values())

    @property
    def current(self):
        return self.counts.get(SegmentState.CURRENT, 0)

    @property
    def outdated(self):
        return sum(self.counts.get(state, 0) for state in OUTDATED)

    @property
    def missing(self):
        return self.counts.get(SegmentState.MISSING, 0)


def texts(revision, language):
    return tuple(getattr(revision, build_localized_fieldname(name, language)) or "" for name in Revision.TEXT_FIELDS)


def language_state(revision, segment_map, language):
    if revision is None or not segment_status.language_complete(revision, language):
        return TranslationState.MISSING
    found = set(segment_status.states(segment_map, language).values())
    if SegmentState.IMMEDIATE_UPDATE in found:
        return TranslationState.IMMEDIATE_UPDATE
    if SegmentState.NEEDS_UPDATE in found:
        return TranslationState.NEEDS_UPDATE
    return TranslationState.UP_TO_DATE


def page_statuses(published_revisions, maps=None):
    """{language: LanguageStatus} for one page, from its published revisions in publishing order."""
    published_revisions = list(published_revisions)
    maps = maps if maps is not None else segment_status.history_maps(published_revisions)
    last = published_revisions[-1] if published_revisions else None
    statuses = {}
    for language in TRANSLATED_LANGUAGES:
        state = language_state(last, maps[-1] if maps else None, language)
        if state == TranslationState.MISSING:
            statuses[language] = LanguageStatus(language, state)
            continue
        statuses[language] = LanguageStatus(
            language, state, _last_change(published_revisions, language),
            _english_change_behind(published_revisions, maps, language, state),
            segment_status.counts(maps[-1], language),
        )
    return statuses


def _last_change(revisions, language):
    previous, found = None, None
    for revision in revisions:
        if any(texts(revision, language)) and (previous is None or texts(revision, language) != texts(previous, language)):
            found = revision
        previous = revision
    return found


def _english_change_behind(revisions, maps, language, state):
    """The first published revision with an English change that one of the language's outdated segments is behind."""
    if state == TranslationState.UP_TO_DATE:
        return None
    wanted = SegmentState.IMMEDIATE_UPDATE if state == TranslationState.IMMEDIATE_UPDATE else None
    behind = [
        (sid, maps[-1]["tr"][language][sid])
        for sid, segment_state in segment_status.states(maps[-1], language).items()
        if segment_state in OUTDATED and (wanted is None or segment_state == wanted)
    ]
    clock = "mv" if wanted else "n"
    for revision, segment_map in zip(revisions, maps, strict=True):
        if any(sid in segment_map["en"] and segment_map["en"][sid][clock] > at for sid, (_v, at) in behind):
            return revision
    return None


def outdated_sections(revision, segment_map, language):
    """The body sections (-1: title or summary) with a segment behind a major English change."""
    if revision is None or not segment_status.language_complete(revision, language):
        return []
    sections = segment_status.english_sections(revision, segment_map)
    return sorted({
        sections[sid] for sid, state in segment_status.states(segment_map, language).items()
        if state == SegmentState.IMMEDIATE_UPDATE
    })


def published_in_order(queryset):
    return queryset.published().only(
        "page_id", "significance", "published_at", "segments", *TEXT_FIELDNAMES
    ).order_by("published_at", "pk")


def statuses_for_pages(pages):
    """{page id: {language: LanguageStatus}} for many pages, in one query."""
    by_page = {page.pk: [] for page in pages}
    for revision in published_in_order(Revision.objects.filter(page__in=by_page)):
        by_page[revision.page_id].append(revision)
    return {page_id: page_statuses(revisions) for page_id, revisions in by_page.items()}


def page_records(revisions, maps=None):
    """What a page keeps for its readers, worked out on every publication: (states, outdated sections)."""
    revisions = list(revisions)
    maps = maps if maps is not None else segment_status.history_maps(revisions)
    statuses = page_statuses(revisions, maps)
    last, last_map = (revisions[-1], maps[-1]) if revisions else (None, None)
    return (
        {language: status.state for language, status in statuses.items()},
        {
            language: sections for language in TRANSLATED_LANGUAGES
            if (sections := outdated_sections(last, last_map, language))
        },
    )


def refresh(page):
    """Store the page's translation states and outdated sections (called on every publication)."""
    page.translation_status, page.outdated_sections = page_records(published_in_order(page.revisions.all()))


def stored_states(page):
    return page_records(published_in_order(page.revisions.all()))[0]


def needs_immediate_update(page, language):
    """Should readers of this language be told the English page has changed since? No query."""
    return (page.translation_status or {}).get(language) == TranslationState.IMMEDIATE_UPDATE


def reader_outdated_sections(page, language):
    """The sections readers of this language are told are behind the English (from the page row: no query)."""
    return set((page.outdated_sections or {}).get(language, ()))


@dataclass(frozen=True)
class DraftOutlook:
    """What an open draft will do to one language once published."""

    language: str
    significance: str
    newly_behind: list  # [(segment id, English Segment)] current now, behind after the draft
    still_behind: list  # [(segment id, English Segment)] behind now, and still after it
    state: str  # SegmentState of the newly behind segments, for the draft's significance

    @property
    def count(self):
        return len(self.newly_behind)

    @property
    def left_behind(self):
        return self.newly_behind + self.still_behind


def draft_map(draft, significance=None):
    """The segment map a draft would have if it were published now (with its proposed significance)."""
    current = draft.page.current_revision
    current_map = stored_map(current) if current is not None else None
    return segment_status.build_map(
        draft, current, current_map, significance=significance or draft.significance, draft_data=draft.segments
    )


def stored_map(revision):
    """A published revision's segment map: the stored one, or worked out from the history (and then stored)."""
    if "en" in (revision.segments or {}):
        return revision.segments
    revisions = list(published_in_order(revision.page.revisions.filter(published_at__lte=revision.published_at)))
    maps = segment_status.history_maps(revisions)
    for earlier, segment_map in zip(revisions, maps, strict=True):
        if "en" not in (earlier.segments or {}):
            Revision.objects.filter(pk=earlier.pk).update(segments=segment_map)  # derived data, not text
        if earlier.pk == revision.pk:
            revision.segments = segment_map
    return revision.segments


def draft_outlook(draft, significance=None):
    """{language: DraftOutlook} for an open draft: the segments its publication leaves behind, per language."""
    significance = significance or draft.significance
    after = draft_map(draft, significance)
    current = draft.page.current_revision
    before = stored_map(current) if current is not None else None
    english = segment_status.segments_by_id(draft, after, SOURCE_LANGUAGE)
    outlook = {}
    for language in TRANSLATED_LANGUAGES:
        if not segment_status.language_complete(draft, language):
            continue
        states_before = segment_status.states(before, language) if before else {}
        newly, still, worst = [], [], SegmentState.NEEDS_UPDATE
        for sid, state in segment_status.states(after, language).items():
            if state not in OUTDATED:
                continue
            (still if states_before.get(sid) in OUTDATED else newly).append((sid, english[sid]))
            if state == SegmentState.IMMEDIATE_UPDATE and states_before.get(sid) not in OUTDATED:
                worst = SegmentState.IMMEDIATE_UPDATE
        outlook[language] = DraftOutlook(language, significance, newly, still, worst)
    return outlook

