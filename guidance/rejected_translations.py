"""Translations finished in a draft rejected as a whole, carried into the page's next draft.

A publisher rejects a whole draft for one reason (often its English); the translators' finished work in
it is not wrong for that. The next draft of the page still starts from the published text, and then takes
from the rejected draft, language by language and segment by segment, each translated segment that was up
to date there and whose English is the same in both drafts: nobody translates it again, and the draft's
translation status counts it as done. A segment whose English the rejected draft changed keeps its
published translation: the rejected translation of it translates English the new draft does not have.
The person who last worked on each language is told (config/staff/receivers.py).
"""

from dataclasses import dataclass

from modeltranslation.utils import build_localized_fieldname

from . import held_languages
from .models import Revision
from .segments import status as segment_status
from .segments.cutting import PINNED_KINDS, body_cut, rebuild_in
from .segments.page_status import stored_map
from .segments.status import SOURCE_LANGUAGE, TRANSLATED_LANGUAGES, SegmentState


@dataclass(frozen=True)
class CarriedLanguage:
    """What the next draft took from the rejected draft in one language."""

    language: str
    kept: int  # segments taken from the rejected draft, ready
    left: int  # segments translated there for English the next draft does not have (or with no place in it)
    translator: object  # who last worked on this language in the rejected draft (a user), or None


def rejected_before(page):
    """The rejected draft a new draft of `page` follows: the page's last revision, when it was rejected and was
    a draft of the text readers see now (a later publication makes its translations an old story)."""
    last = page.revisions.order_by("-created_at", "-pk").first()
    if last is None or last.status != Revision.Status.REJECTED or last.based_on_id != page.current_revision_id:
        return None
    return last


def carry(draft, rejected, published):
    """Write the rejected draft's finished translations into `draft` (not saved). Returns [CarriedLanguage]."""
    published_map = stored_map(published) if published is not None else None
    new_map = segment_status.build_map(draft, published, published_map, draft_data=draft.segments)
    old_map = segment_status.build_map(rejected, published, published_map, draft_data=rejected.segments)
    english_new = segment_status.segments_by_id(draft, new_map, SOURCE_LANGUAGE)
    english_old = segment_status.segments_by_id(rejected, old_map, SOURCE_LANGUAGE)
    same_english = {sid for sid, segment in english_new.items()
                    if sid in english_old and english_old[sid].text == segment.text}
    carried = []
    for language in TRANSLATED_LANGUAGES:
        done = _finished(rejected, old_map, draft, new_map, language)
        taken = {sid: text for sid, text in done.items() if sid in same_english}
        placed = _write(draft, new_map, language, taken)
        left = len(done) - len(placed)
        if placed:
            _keep_records(draft, rejected, language, placed)
        if placed or left:
            carried.append(CarriedLanguage(language, len(placed), left,
                                           held_languages.last_translator(rejected, language)))
    return carried


def _finished(rejected, old_map, draft, new_map, language):
    """{segment id: text} of the segments up to date in the rejected draft that the new draft does not have so."""
    old_states, new_states = segment_status.states(old_map, language), segment_status.states(new_map, language)
    old_texts = segment_status.segments_by_id(rejected, old_map, language)
    new_texts = segment_status.segments_by_id(draft, new_map, language)
    return {
        sid: segment.text for sid, segment in old_texts.items()
        if old_states.get(sid) == SegmentState.CURRENT
        and (sid not in new_texts or new_texts[sid].text != segment.text or new_states.get(sid) != SegmentState.CURRENT)
    }


def _write(draft, new_map, language, texts):
    """Put the texts into the draft's `language` fields, in its own structure; returns the ids placed."""
    placed = set()
    for kind in PINNED_KINDS:
        if kind in texts:
            setattr(draft, build_localized_fieldname(kind, language), texts[kind])
            placed.add(kind)
    body_texts = {sid: text for sid, text in texts.items() if sid not in PINNED_KINDS}
    if not body_texts:
        return placed
    own_cut = body_cut(draft, language)
    body_name = build_localized_fieldname("body", language)
    if not own_cut.segments:  # no published translation of the body: the English structure, as the editor does
        english_ids = [sid for sid in new_map["ids"][SOURCE_LANGUAGE] if sid not in PINNED_KINDS]
        setattr(draft, body_name, rebuild_in(body_cut(draft, SOURCE_LANGUAGE),
                                             [body_texts.get(sid, "") for sid in english_ids]))
        return placed | set(body_texts)
    own_ids = [sid for sid in new_map["ids"].get(language, []) if sid not in PINNED_KINDS]
    setattr(draft, body_name, own_cut.rebuild([body_texts.get(sid) for sid in own_ids]))
    return placed | (set(body_texts) & set(own_ids))


def _keep_records(draft, rejected, language, placed):
    """What the draft records for the language: the segments taken count as confirmed (they were up to date in
    the rejected draft, some with the published words), who translated it, and a publisher's sending back."""
    old = rejected.segments or {}
    data = dict(draft.segments or {})
    data["confirmed"] = {**data.get("confirmed", {}),
                         language: sorted({*data.get("confirmed", {}).get(language, ()), *placed})}
    if language in old.get("by_segment", ()):
        data["by_segment"] = sorted({*data.get("by_segment", ()), language})
    for key in ("translators", "last_by", "sent_back"):
        if language in old.get(key, {}):
            data[key] = {**data.get(key, {}), language: old[key][language]}
    draft.segments = data
