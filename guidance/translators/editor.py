"""Translating a draft segment by segment: what each segment shows a translator, and writing segments back.

Used by the translator's editor in the admin and by the import of PO and XLIFF files, so both write
a translation the same way: into the English structure when the translation has it (or is empty),
else in place, segment by segment, in the translation's own structure.
"""

from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy as _
from modeltranslation.utils import build_localized_fieldname

from .. import held_languages
from ..diff import side_by_side
from ..models import Revision
from ..segments import page_status
from ..segments import status as segment_status
from ..segments.cutting import PINNED_KINDS, body_cut, rebuild_in
from ..segments.status import OUTDATED, SOURCE_LANGUAGE, SegmentState

KIND_LABELS = {
    "title": _("Title"), "summary": _("Summary"), "h2": _("Heading"), "h3": _("Subheading"), "h4": _("Subheading"),
    "h5": _("Subheading"), "h6": _("Subheading"), "p": _("Paragraph"), "li": _("List item"),
    "th": _("Table heading"), "td": _("Table cell"),
}


@dataclass
class SegmentRow:
    """One English segment of a draft, as the translator of one language sees it."""

    sid: str
    english: object  # Segment
    translation: str
    state: str
    old_english: str | None = None  # the English the translation was made from, when it is behind
    confirmed: bool = False
    problems: list = field(default_factory=list)  # translation_checks.Problem

    @property
    def kind_label(self):
        return KIND_LABELS.get(self.english.kind, self.english.kind)

    @property
    def state_label(self):
        return SegmentState(self.state).label

    @property
    def needs_work(self):
        return self.state != SegmentState.CURRENT or any(problem.blocking for problem in self.problems)

    @property
    def english_diff(self):
        """Rows of a word diff between the English translated and the English now."""
        if self.old_english is None:
            return []
        return side_by_side(self.old_english, self.english.text)

    @property
    def rows(self):
        # The box's height where the browser cannot size it to its text (CSS field-sizing): half the
        # width of the page at about 40 characters a line, and a translation often runs longer.
        longest = max((self.english.text, self.translation), key=len)
        return min(12, max(3, len(longest) // 40 + 2 + longest.count("\n")))


def segment_rows(draft, language, segment_map=None):
    """The draft's English segments, in order, with the translation of each and its state."""
    segment_map = segment_map or page_status.draft_map(draft)
    english = segment_status.segments_by_id(draft, segment_map, SOURCE_LANGUAGE)
    translated = segment_status.segments_by_id(draft, segment_map, language)
    states = segment_status.states(segment_map, language)
    records = segment_map["tr"].get(language, {})
    behind = {sid: records[sid][0] for sid, state in states.items() if state in OUTDATED}
    old_texts = english_texts_at(draft.page, behind)
    confirmed = set((draft.segments or {}).get("confirmed", {}).get(language, ()))
    return [
        SegmentRow(
            sid, english[sid], translated[sid].text if sid in translated else "", states[sid],
            old_texts.get(sid), sid in confirmed,
        )
        for sid in segment_map["ids"][SOURCE_LANGUAGE]
    ]


def english_texts_at(page, versions):
    """{segment id: its English text at that version} for {segment id: version}, from the published history."""
    wanted = {sid: version for sid, version in versions.items() if version}
    found = {sid: "" for sid, version in versions.items() if not version}  # never translated: all of it is new
    for revision in page.revisions.published().order_by("-published_at", "-pk")[:50]:
        if not wanted:
            break
        segment_map = page_status.stored_map(revision)
        matching = [sid for sid, version in wanted.items() if segment_map["en"].get(sid, {}).get("v") == version]
        if matching:
            texts = segment_status.segments_by_id(revision, segment_map, SOURCE_LANGUAGE)
            for sid in matching:
                if sid in texts:
                    found[sid] = texts[sid].text
                    del wanted[sid]
    return found


def apply_segments(draft, language, texts, *, confirmed=(), by=None, segment_map=None):
    """Write translated segments ({segment id: text}) into the draft's `language` fields (not saved).

    `confirmed` are the segments the translator says are still right. Returns the ids of segments
    that could not be placed (the translation's own structure has no place for them).
    """
    segment_map = segment_map or page_status.draft_map(draft)
    texts = {sid: _clean(text) for sid, text in texts.items()}
    for kind in PINNED_KINDS:
        if kind in texts:
            setattr(draft, build_localized_fieldname(kind, language), texts[kind])
    english_ids = [sid for sid in segment_map["ids"][SOURCE_LANGUAGE] if sid not in PINNED_KINDS]
    own_ids = [sid for sid in segment_map["ids"].get(language, []) if sid not in PINNED_KINDS]
    body_name = build_localized_fieldname("body", language)
    english_cut, own_cut = body_cut(draft, SOURCE_LANGUAGE), body_cut(draft, language)
    unplaced = []
    if any(sid in texts for sid in english_ids):
        if not own_cut.segments or own_ids == english_ids:
            current = dict(zip(own_ids, (s.text for s in own_cut.segments), strict=True))
            chosen = [texts.get(sid, current.get(sid, "")) for sid in english_ids]
            setattr(draft, body_name, rebuild_in(english_cut, chosen))
        else:
            setattr(draft, body_name, own_cut.rebuild([texts.get(sid) or None for sid in own_ids]))
            unplaced = [sid for sid in english_ids if texts.get(sid) and sid not in own_ids]
    _record(draft, language, confirmed, by)
    return unplaced


def _clean(text):
    return (text or "").replace("\r\n", "\n").strip()


def _record(draft, language, confirmed, by):
    """Keep on the draft what its map needs: the confirmed segments, and that this language was written by segment."""
    data = dict(draft.segments or {})
    data["confirmed"] = {**data.get("confirmed", {}), language: sorted(set(confirmed))}
    data["by_segment"] = sorted({*data.get("by_segment", ()), language})
    draft.segments = data
    if by is not None:
        credit(draft, language, by)


def credit(draft, language, person):
    """Record on the draft that this person translated it into `language` (shown in the page's history).

    Kept as [full name, user name]: readers are shown only a full name its owner gave, never a log-in name.
    """
    data = dict(draft.segments or {})
    credited = [list(entry) for entry in data.get("translators", {}).get(language, [])]
    if person.get_username() not in [username for _name, username in credited]:
        credited.append([person.get_full_name(), person.get_username()])
    data["translators"] = {**data.get("translators", {}), language: credited}
    data["last_by"] = {**data.get("last_by", {}), language: person.get_username()}  # who answers for it now
    draft.segments = data
    held_languages.clear(draft, language)  # changed since it was sent back: ready for review again


def credit_changes(stored, draft, person):
    """Credit `person` in each language whose text (or change note) differs from the draft as stored: whoever
    saves the whole form is credited for what they changed, not for every language the form holds."""
    for language in segment_status.TRANSLATED_LANGUAGES:
        names = [build_localized_fieldname(name, language) for name in (*Revision.TEXT_FIELDS, "change_note")]
        if any((getattr(stored, name) or "") != (getattr(draft, name) or "") for name in names):
            credit(draft, language, person)


def translators(revision, language, *, public=True):
    """The names of the people who translated this revision into `language`."""
    entries = (revision.segments or {}).get("translators", {}).get(language, [])
    return [name or ("" if public else username) for name, username in entries if name or not public]


def progress(segment_map):
    """[(language, current, total)] for every translated language of a draft."""
    found = []
    for language in segment_status.TRANSLATED_LANGUAGES:
        counts = segment_status.counts(segment_map, language)
        total = sum(counts.values())
        found.append((language, counts[SegmentState.CURRENT], total))
    return found
