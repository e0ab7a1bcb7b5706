"""Languages of a draft a publisher sent back to their translator: held out of a publication, kept for the next draft.

A publisher may send back one language of a draft shared by several translators (guidance/review_actions.py)
without discarding the others. The mark is kept on the draft (`Revision.segments["sent_back"]`); the other
languages stay ready. When the draft is published, each language still sent back is published as it was
(the published text, untouched) and its translation waits, unchanged, in the page's next draft with the
publisher's comment: nobody writes it again. A change of that language by anyone takes the mark away.
"""

from dataclasses import dataclass

from django.contrib.auth import get_user_model
from modeltranslation.utils import build_localized_fieldname

LANGUAGE_FIELDS = ("title", "summary", "body", "change_note")
KEPT_PER_LANGUAGE = ("confirmed", "translators", "last_by", "sent_back")  # what `segments` records for a language


@dataclass(frozen=True)
class HeldLanguage:
    """One language set aside from a publication: its texts and what the draft recorded for it."""

    language: str
    texts: dict
    records: dict


def sent_back(revision):
    """{language: {"comment", "by", "at"}} of the languages sent back in this draft."""
    return dict((revision.segments or {}).get("sent_back", {}))


def mark(revision, language, record):
    data = dict(revision.segments or {})
    data["sent_back"] = {**data.get("sent_back", {}), language: record}
    revision.segments = data


def clear(revision, language):
    """The language changed since it was sent back: it is ready again."""
    data = dict(revision.segments or {})
    if language in data.get("sent_back", {}):
        data["sent_back"] = {code: record for code, record in data["sent_back"].items() if code != language}
        revision.segments = data


def last_translator(revision, language):
    """The person who last changed this language of the draft (else the last credited), or None."""
    data = revision.segments or {}
    username = data.get("last_by", {}).get(language)
    if not username:
        credited = data.get("translators", {}).get(language, [])
        username = credited[-1][1] if credited else None
    if not username:
        return None
    return get_user_model().objects.filter(username=username).first()


def set_aside(revision, published):
    """Take the sent-back languages out of `revision` before it is published: their fields become the published
    text again (empty when nothing is published). Returns [HeldLanguage] for carry_over()."""
    held = []
    data = dict(revision.segments or {})
    for language in sent_back(revision):
        texts = {}
        for name in LANGUAGE_FIELDS:
            fieldname = build_localized_fieldname(name, language)
            texts[fieldname] = getattr(revision, fieldname)
            setattr(revision, fieldname, getattr(published, fieldname) if published is not None else "")
        records = {key: data.get(key, {}).get(language) for key in KEPT_PER_LANGUAGE if language in data.get(key, {})}
        for key in KEPT_PER_LANGUAGE:
            if language in data.get(key, {}):
                data[key] = {code: value for code, value in data[key].items() if code != language}
        if language in data.get("by_segment", ()):
            data["by_segment"] = [code for code in data["by_segment"] if code != language]
            records["by_segment"] = True
        held.append(HeldLanguage(language, texts, records))
    revision.segments = data
    return held


def carry_over(draft, held):
    """Put the languages set aside into the page's next draft (not saved), with their mark and records."""
    data = dict(draft.segments or {})
    for item in held:
        for fieldname, value in item.texts.items():
            setattr(draft, fieldname, value)
        for key, value in item.records.items():
            if key == "by_segment":
                data["by_segment"] = sorted({*data.get("by_segment", ()), item.language})
            else:
                data[key] = {**data.get(key, {}), item.language: value}
    draft.segments = data
