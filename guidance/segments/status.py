"""Which version of each English segment each translation translates, revision after revision.

Each revision gets a *segment map* (stored in `Revision.segments` when it is published, worked out
on the fly for a draft) that follows the map of the revision published before it:

- every English segment keeps its id across revisions: consecutive English texts are matched with
  difflib (equal texts first, then a changed segment of the same kind in the same place or with
  similar words); a segment that matches nothing is new and gets a new id;
- an English segment's record: `v`, the version of its text (a new version only for a minor or
  major change of its words: a typo revision, a comma or a bold mark changes nothing), `n`, a clock
  that ticks at each such change, `mv`, the clock of its last major change, and `seen`, the versions
  of the texts it has had (so a restored text is its old version again);
- a translated segment's record: `[v, n]`, the version of the English it translates and the clock
  when it was translated, or None when it was never translated. It is carried over while the
  translation's words stay the same, and becomes the current English version when the translator
  changes it or confirms it unchanged (`confirmed`, kept on the draft).

A translated segment is current when it translates the English version, "immediate update needed"
when a major English change came after it was translated, "needs update" otherwise.
"""

import difflib
import hashlib

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from modeltranslation.utils import build_localized_fieldname

from .cutting import PINNED_KINDS, Segment, normalised, revision_segments

SOURCE_LANGUAGE = settings.LANGUAGE_CODE
TRANSLATED_LANGUAGES = [code for code, _name in settings.LANGUAGES if code != SOURCE_LANGUAGE]
PINNED = PINNED_KINDS
SIMILAR = 0.5  # how alike two segments' words must be to count as one segment changed


class SegmentState(models.TextChoices):
    CURRENT = "current", _("Up to date")
    NEEDS_UPDATE = "needs-update", _("Needs update")
    IMMEDIATE_UPDATE = "immediate-update", _("Immediate update needed")
    MISSING = "missing", _("Not translated")


OUTDATED = (SegmentState.NEEDS_UPDATE, SegmentState.IMMEDIATE_UPDATE)


def text_hash(text):
    return hashlib.sha1(normalised(text).encode()).hexdigest()[:12]


def state_of(english_record, translated):
    if translated is None:
        return SegmentState.MISSING
    version, clock = translated
    if version == english_record["v"]:
        return SegmentState.CURRENT
    if english_record["mv"] > clock:
        return SegmentState.IMMEDIATE_UPDATE
    return SegmentState.NEEDS_UPDATE


def language_complete(revision, language):
    return all(getattr(revision, build_localized_fieldname(f, language), "") for f in ("title", "summary", "body"))


def pair(old, new):
    """{new index: old index} matching two lists of segments (see the module's docstring)."""
    old_keys, new_keys = [s.key for s in old], [s.key for s in new]
    pairs = {}
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, old_keys, new_keys, autojunk=False).get_opcodes():
        if tag == "equal":
            pairs.update({j1 + k: i1 + k for k in range(j2 - j1)})
        elif tag == "replace" and i2 - i1 == j2 - j1:
            pairs.update({j1 + k: i1 + k for k in range(j2 - j1) if old[i1 + k].kind == new[j1 + k].kind})
        elif tag == "replace":
            pairs.update(_similar(old, new, range(i1, i2), range(j1, j2)))
    return pairs


def _similar(old, new, old_range, new_range):
    """Pair each new segment, in order, with the most similar old one of the same kind after the last pair."""
    pairs, after = {}, old_range.start - 1
    for j in new_range:
        ratios = [
            (difflib.SequenceMatcher(None, old[i].key.split(), new[j].key.split()).ratio(), i)
            for i in old_range
            if i > after and old[i].kind == new[j].kind
        ]
        if ratios and max(ratios)[0] >= SIMILAR:
            after = max(ratios)[1]
            pairs[j] = after
    return pairs


def build_map(revision, parent=None, parent_map=None, *, significance=None, draft_data=None):
    """The segment map of `revision`, following `parent`, the published revision before it (None for a first).

    `draft_data` is what the draft recorded (`Revision.segments` of an open draft): the segments
    each language's translator confirmed, and the languages written segment by segment.
    """
    draft_data = draft_data or {}
    significance = significance or revision.significance
    changes_words = significance != "typo"
    segment_map = {"next": (parent_map or {}).get("next", 1), "ids": {}, "en": {}, "tr": {}}
    english = revision_segments(revision, SOURCE_LANGUAGE)
    old_english = revision_segments(parent, SOURCE_LANGUAGE) if parent_map else []
    old_ids = parent_map["ids"][SOURCE_LANGUAGE] if parent_map else []
    pairs = _pinned_pairs(old_english, english) | _body_pairs(old_english, english)
    ids = []
    for index, segment in enumerate(english):
        old_index = pairs.get(index)
        if old_index is None:
            segment_id = segment.kind if segment.kind in PINNED else f"s{segment_map['next']}"
            segment_map["next"] += segment.kind not in PINNED
            major = significance == "major" and parent_map is not None
            record = {"v": 1, "n": 1, "mv": 1 if major else 0, "seen": {text_hash(segment.text): 1}}
        else:
            segment_id = old_ids[old_index]
            record = _english_change(parent_map["en"][segment_id], segment.text, significance)
        ids.append(segment_id)
        segment_map["en"][segment_id] = record
    segment_map["ids"][SOURCE_LANGUAGE] = ids
    english_sections = {segment_id: segment.section for segment_id, segment in zip(ids, english, strict=True)}
    for language in TRANSLATED_LANGUAGES:
        _translation(segment_map, revision, parent, parent_map, language, english, english_sections,
                     set(draft_data.get("confirmed", {}).get(language, ())), changes_words,
                     language in draft_data.get("by_segment", ()))
    for key in ("confirmed", "by_segment", "translators"):
        if key in draft_data:
            segment_map[key] = draft_data[key]  # kept as the record of who did what
    return segment_map


def _pinned_pairs(old, new):
    old_at = {segment.kind: index for index, segment in enumerate(old) if segment.kind in PINNED}
    return {index: old_at[segment.kind] for index, segment in enumerate(new) if segment.kind in old_at}


def _body_pairs(old, new):
    """Pairs of body segments, with indexes into the full lists (title and summary come first)."""
    old_start = sum(segment.kind in PINNED for segment in old)
    new_start = sum(segment.kind in PINNED for segment in new)
    return {j + new_start: i + old_start for j, i in pair(old[old_start:], new[new_start:]).items()}


def _english_change(previous, text, significance):
    record = {**previous, "seen": dict(previous["seen"])}
    digest = text_hash(text)
    known = record["seen"].get(digest)
    if known == record["v"]:
        return record  # the same words
    if significance == "typo":
        record["seen"].setdefault(digest, record["v"])
        return record
    record["n"] += 1
    record["v"] = known or record["n"]
    record["seen"][digest] = record["v"]
    if significance == "major":
        record["mv"] = record["n"]
    return record


def _translation(segment_map, revision, parent, parent_map, language, english, english_sections, confirmed,
                 changes_words, by_segment):
    """Align the translation's segments with the English ids, and record which English version each translates."""
    english_records, english_ids = segment_map["en"], segment_map["ids"][SOURCE_LANGUAGE]
    segments = revision_segments(revision, language)
    old = revision_segments(parent, language) if parent_map else []
    old_ids = (parent_map or {}).get("ids", {}).get(language, [])
    old_text = {sid: segment.key for sid, segment in zip(old_ids, old, strict=False) if sid}
    ids = align(segments, english, english_ids, old, old_ids)
    segment_map["ids"][language] = ids
    present = {sid: segment for sid, segment in zip(ids, segments, strict=True) if sid}
    previous = (parent_map or {}).get("tr", {}).get(language, {})
    was_translated = parent is not None and language_complete(parent, language)
    rewritten = set() if by_segment else _rewritten_sections(segments, ids, old, old_ids)
    records = {}
    for sid in english_ids:
        record = english_records[sid]
        now = [record["v"], record["n"]]
        if sid in present:
            unchanged = old_text.get(sid) == present[sid].key and previous.get(sid) is not None
            records[sid] = previous[sid] if unchanged and sid not in confirmed else now
            continue
        if sid in previous:
            records[sid] = None if sid in old_text else previous[sid]  # a translation taken out is missing
        else:
            records[sid] = [0, 0] if was_translated and changes_words else None
        if records[sid] is not None and english_sections[sid] in rewritten:
            # The translator rewrote this section in their own structure (say, two paragraphs in one):
            # its English is covered, as a page-level status would count it.
            records[sid] = now
    segment_map["tr"][language] = records


def align(segments, english, english_ids, old=(), old_ids=()):
    """The English id of each translated segment (None for one that matches nothing).

    A segment whose words are those of the previous translation (or like them) keeps that id; the
    others take, in order, the English segments of the same kind between those already placed.
    """
    ids = [None] * len(segments)
    english_at = {sid: index for index, sid in enumerate(english_ids)}
    taken = set()
    for j, i in pair(list(old), segments).items():
        sid = old_ids[i] if i < len(old_ids) else None
        if sid in english_at and sid not in taken and english[english_at[sid]].kind == segments[j].kind:
            ids[j] = sid
            taken.add(sid)
    for j, segment in enumerate(segments):
        if segment.kind in PINNED and segment.kind in english_at and segment.kind not in taken:
            ids[j] = segment.kind
            taken.add(segment.kind)
    anchors, last = [(-1, -1)], -1
    for j, sid in enumerate(ids):
        if sid is not None and english_at[sid] > last:
            anchors.append((j, english_at[sid]))
            last = english_at[sid]
    anchors.append((len(segments), len(english)))
    for (j1, e1), (j2, e2) in zip(anchors, anchors[1:], strict=False):
        free = [j for j in range(j1 + 1, j2) if ids[j] is None]
        open_english = [e for e in range(e1 + 1, e2) if english_ids[e] not in taken]
        matcher = difflib.SequenceMatcher(
            None, [english[e].kind for e in open_english], [segments[j].kind for j in free], autojunk=False
        )
        for tag, a1, a2, b1, b2 in matcher.get_opcodes():
            if tag == "equal" or (tag == "replace" and a2 - a1 == b2 - b1):
                for k in range(b2 - b1):
                    ids[free[b1 + k]] = english_ids[open_english[a1 + k]]
                    taken.add(english_ids[open_english[a1 + k]])
    return ids


def _rewritten_sections(segments, ids, old, old_ids):
    """Body sections in which the translation's words changed since the previous revision."""
    before = {(sid, segment.key) for sid, segment in zip(old_ids, old, strict=False) if sid}
    now = {(sid, segment.key) for sid, segment in zip(ids, segments, strict=True) if sid}
    changed = [s for s, sid in zip(segments, ids, strict=True) if (sid, s.key) not in before or sid is None]
    gone = [s for s, sid in zip(old, old_ids, strict=False) if (sid, s.key) not in now]
    return {segment.section for segment in changed + gone if segment.section >= 0}


def states(segment_map, language):
    """{segment id: SegmentState} of one language, in English order."""
    records = segment_map["tr"].get(language, {})
    return {
        sid: state_of(segment_map["en"][sid], records.get(sid)) for sid in segment_map["ids"][SOURCE_LANGUAGE]
    }


def counts(segment_map, language):
    """{state: number of segments} for one language."""
    found = dict.fromkeys(SegmentState, 0)
    for state in states(segment_map, language).values():
        found[state] += 1
    return found


def history_maps(published_revisions):
    """The segment map of each published revision, in publishing order (the stored one where there is one)."""
    maps, parent, parent_map = [], None, None
    for revision in published_revisions:
        stored = getattr(revision, "segments", None) or {}
        segment_map = stored if "en" in stored else build_map(revision, parent, parent_map, draft_data=stored)
        maps.append(segment_map)
        parent, parent_map = revision, segment_map
    return maps


def segments_by_id(revision, segment_map, language):
    """{segment id: Segment} of a revision's text in one language, as its map aligns it."""
    segments = revision_segments(revision, language)
    return {sid: segment for sid, segment in zip(segment_map["ids"].get(language, []), segments, strict=False) if sid}


def english_sections(revision, segment_map):
    return {sid: s.section for sid, s in segments_by_id(revision, segment_map, SOURCE_LANGUAGE).items()}


__all__ = ["Segment", "SegmentState", "build_map", "history_maps", "states", "counts", "align", "segments_by_id"]
