"""Quality checks on translated segments: what a translator is shown on save and on import, and what stops
a publication unless a publisher overrides it.

Each English segment is compared with its translation: every number stays and none is added (a
deadline of 5 days must not become 3, nor "within 3 days" appear where the English has none;
Arabic-Indic ٠-٩ and Persian ۰-۹ digits count as the same numbers, and so do one
and two written as words in Arabic and Dari), every link
target and bold span stays, no English is left in a language written in another script, and the
glossary's term is used where the English names a key concept (locale/glossary.yaml). The
translated body must also keep the English structure: the same headings, paragraphs, list items
and table cells, in the same order.
"""

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml
from django.conf import settings
from django.utils.translation import gettext as _

from . import page_status
from . import status as segment_status
from .cutting import body_cut, field_segments
from .status import SOURCE_LANGUAGE

GLOSSARY_FILE = Path(settings.BASE_DIR) / "locale" / "glossary.yaml"
LOCAL_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")
LINK_TARGET = re.compile(r"\]\(\s*<?([^)\s>]+)>?(?:\s+\"[^\"]*\")?\s*\)")
BOLD = re.compile(r"\*\*(?=\S)(.+?)(?<=\S)\*\*")
NUMBER = re.compile(r"\d+")
# "16 thousand" written the way a language writes it counts as 16000 (Uyghur 16 مىڭ, Uzbek 16 ming…).
THOUSANDS = re.compile(r"(\d+)[ \u00a0]?(?:тыс|тис|мың|ming|مىڭ|ألف|آلاف|هزار|千)")
# Arabic says one and two of a thing in words: "سنة واحدة" (1 year), the dual "يومين" (2 days), never
# "1 سنة" (a dual may carry a preposition: "بشهرين", by two months); Dari readers expect "یک سال" as often as "۱ سال". These count as the numbers they say.
NUMBER_WORDS = {
    "ar": [
        (re.compile(r"\b(?:واحد|واحدة|واحدا)\b"), "1"),
        (re.compile(r"\b(?:اثنان|اثنين|اثنتان|اثنتين)\b"), "2"),
        (re.compile(r"\b[وفبلك]?(?:ال)?(?:يوم|شهر|أسبوع|عام|سنت|ساعت|مرت|نسخت|صورت|دقيقت|ليلت)(?:ين|ان)\b"), "2"),
    ],
    "prs": [(re.compile(r"\bیک\b"), "1"), (re.compile(r"\bدو\b"), "2")],
}
# Numbers the English says in words, which a translation may well write in digits (July → 7月, "first
# floor" → "1-й этаж"): a digit they account for is no number added.
ENGLISH_NUMBER_WORDS = {
    word: str(number)
    for number, words in enumerate([
        ("one", "first", "january"), ("two", "second", "february"), ("three", "third", "march"),
        ("four", "fourth", "april"), ("five", "fifth", "may"), ("six", "sixth", "june"),
        ("seven", "seventh", "july"), ("eight", "eighth", "august"), ("nine", "ninth", "september"),
        ("ten", "tenth", "october"), ("eleven", "eleventh", "november"), ("twelve", "twelfth", "december"),
    ], start=1)
    for word in words
}
MONTHS = {"january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
          "november", "december"}
ENGLISH_WORD = re.compile(r"[A-Za-z]+")
# Thousands grouped by a comma, the Arabic separator, or a space as Russian, Kazakh and Uzbek write them (7 399).
GROUPED_THOUSANDS = re.compile(r"(?<=\d)[ ,\u066c\u00a0\u202f](?=\d{3}(?!\d))")
QUOTED = re.compile(r"«[^»]*»|“[^”]*”|\"[^\"]*\"|„[^“]*“")
NOT_WORDS = re.compile(r"<[^>]+>|\]\([^)]*\)|https?://\S+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+|`[^`]*`|\b[\w-]+\.(?:kz|org|com)\b")
LATIN_WORD = re.compile(r"\b[A-Za-z][A-Za-z'-]{1,}\b")
ENGLISH_RUN = 3  # this many English words in a row, taken from the English segment, are text left untranslated
ARABIC_MARKS = re.compile("[\u064b-\u0652\u0670]")
SCRIPTS = {"ru": "CYRILLIC", "kk": "CYRILLIC", "uk": "CYRILLIC", "ar": "ARABIC", "prs": "ARABIC", "ps": "ARABIC", "ug": "ARABIC",
           "zh-hans": "CJK"}


@dataclass(frozen=True)
class Problem:
    sid: str  # the segment, or "body" for the structure of the whole body
    code: str  # numbers, links, bold, english, glossary, avoided, structure
    message: str

    @property
    def blocking(self):
        """A glossary term not found may hide in an inflected form: shown, but it does not stop a publication."""
        return self.code != "glossary"


def numbers(text, language=None):
    """{number: how many times} in the text, local digits, grouped thousands and (by language) words read."""
    text = GROUPED_THOUSANDS.sub("", LINK_TARGET.sub("]()", text).translate(LOCAL_DIGITS))
    text = THOUSANDS.sub(lambda match: str(int(match.group(1)) * 1000), text)
    found = {}
    unmarked = ARABIC_MARKS.sub("", text)  # "واحداً" and "يومَين" are matched without their vowel marks
    for pattern, number in NUMBER_WORDS.get(language, ()):
        found[number] = found.get(number, 0) + len(pattern.findall(unmarked))
    for number in NUMBER.findall(text):
        number = number.lstrip("0") or "0"
        found[number] = found.get(number, 0) + 1
    return found


def _said_in_words(english):
    found = {}
    for word in ENGLISH_WORD.findall(english):
        if word.casefold() in MONTHS and not word[0].isupper():
            continue  # "you may apply" says no month
        if (number := ENGLISH_NUMBER_WORDS.get(word.casefold())) is not None:
            found[number] = found.get(number, 0) + 1
    return found


def link_targets(text):
    return sorted(LINK_TARGET.findall(text))


def check_segment(sid, english, translation, language):
    """The problems of one translated segment (none for an empty one: it falls back, and is counted apart)."""
    if not translation.strip():
        return []
    problems = []
    english_numbers, translated_numbers = numbers(english), numbers(translation, language)
    missing = [n for n, count in english_numbers.items() if translated_numbers.get(n, 0) < count]
    # A number the English does not have ("within 3 days" added) misleads as much as one lost; words for
    # numbers are not counted here (Dari "یک" is also "a"). One problem says both, for one segment.
    said = _said_in_words(english)
    added = [n for n, count in numbers(translation).items() if english_numbers.get(n, 0) + said.get(n, 0) < count]
    messages = []
    if missing:
        messages.append(_(
            "Numbers of the English missing here: %(numbers)s. Every number, date and deadline must stay "
            "(local digits are fine)."
        ) % {"numbers": ", ".join(missing)})
    if added:
        messages.append(_(
            "Numbers not in the English: %(numbers)s. A translation adds no number, date or deadline: "
            "check it against the English."
        ) % {"numbers": ", ".join(added)})
    if messages:
        problems.append(Problem(sid, "numbers", " ".join(messages)))
    lost = sorted(set(link_targets(english)) - set(link_targets(translation)))
    if lost:
        problems.append(Problem(sid, "links", _("Links of the English missing here: %(links)s.") % {
            "links": ", ".join(lost)}))
    if len(BOLD.findall(english)) != len(BOLD.findall(translation)):
        problems.append(Problem(sid, "bold", _(
            "The English has %(english)s bold parts (**…**), the translation %(translation)s."
        ) % {"english": len(BOLD.findall(english)), "translation": len(BOLD.findall(translation))}))
    if _left_in_english(english, translation, language):
        problems.append(Problem(sid, "english", _("Part of this text is still in English.")))
    missing_terms, avoided = _terms(english, translation, language)
    for term in missing_terms:
        problems.append(Problem(sid, "glossary", _("Use the glossary's term: %(term)s.") % {"term": term}))
    for variant, term in avoided:
        problems.append(Problem(sid, "avoided", _("“%(variant)s” is a variant the glossary replaced: write %(term)s.") % {
            "variant": variant, "term": term}))
    return problems


def _left_in_english(english, translation, language):
    script = SCRIPTS.get(language)
    if script is None:
        return False  # Uzbek is written in Latin letters too
    if english.strip() == translation.strip() and any(ch.isalpha() for ch in english):
        return True
    english_words = {word.casefold() for word in LATIN_WORD.findall(english)}
    run = 0
    for token in re.split(r"\s+", NOT_WORDS.sub(" ", QUOTED.sub(" ", translation))):
        word = token.strip(".,;:!?()[]*_")
        if LATIN_WORD.fullmatch(word or "-") and word.casefold() in english_words:
            run += 1
            if run >= ENGLISH_RUN:
                return True
        else:
            run = 0
    return False


@lru_cache(maxsize=1)
def glossary():
    return yaml.safe_load(GLOSSARY_FILE.read_text(encoding="utf-8"))


def _normalised(text):
    return ARABIC_MARKS.sub("", unicodedata.normalize("NFC", text)).casefold()


def _terms(english, translation, language):
    """([glossary terms the translation should use], [(avoided variant, term)] it uses instead)."""
    missing, avoided = [], []
    english_text = _normalised(NOT_WORDS.sub(" ", english))  # an e-mail address or a link is not a term
    translated = _normalised(NOT_WORDS.sub(" ", translation))
    for entries in glossary().values():
        source, target = entries.get(SOURCE_LANGUAGE, {}), entries.get(language)
        if not target:
            continue
        avoided += [(v, target["term"]) for v in target.get("avoid", []) if _normalised(v) in translated]
        forms = [source.get("term", ""), *source.get("forms", [])]
        if not any(form and _normalised(form) in english_text for form in forms):
            continue
        allowed = [target["term"], *target.get("forms", []), *([target["short"]] if target.get("short") else [])]
        if not any(_normalised(form) in translated for form in allowed):
            missing.append(target["term"])
    return missing, avoided


def structure_problem(revision, language):
    """A Problem when the translated body does not keep the English headings, paragraphs, items and cells.

    A section left empty (its heading only) keeps the structure: readers see it in another language.
    """
    translated = [segment.kind for segment in body_cut(revision, language).segments]
    if not translated:
        return None
    english = [segment.kind for segment in body_cut(revision, SOURCE_LANGUAGE).segments]
    mine, theirs = _sections(translated), _sections(english)
    if len(mine) == len(theirs) and all(a == b or a == b[:1] == ["h2"] for a, b in zip(mine, theirs, strict=True)):
        return None
    return Problem("body", "structure", _(
        "The translated body does not keep the English structure: %(translation)s where the English has %(english)s."
    ) % {"translation": _describe(translated), "english": _describe(english)})


def _sections(kinds):
    sections = [[]]
    for kind in kinds:
        if kind == "h2":
            sections.append([])
        sections[-1].append(kind)
    return sections


def _describe(kinds):
    count = {kind: kinds.count(kind) for kind in ("h2", "p", "li", "td")}
    return _("%(headings)s headings, %(paragraphs)s paragraphs, %(items)s list items, %(cells)s table cells") % {
        "headings": count["h2"], "paragraphs": count["p"], "items": count["li"], "cells": count["td"]}


def problems_of_segments(revision, language, sids=None, segment_map=None):
    """The problems of a revision's translated segments in one language (only of `sids` when given)."""
    segment_map = segment_map or (
        page_status.draft_map(revision) if revision.is_open else page_status.stored_map(revision)
    )
    english = segment_status.segments_by_id(revision, segment_map, SOURCE_LANGUAGE)
    translated = segment_status.segments_by_id(revision, segment_map, language)
    found = []
    for sid, segment in translated.items():
        if (sids is None or sid in sids) and sid in english:
            found.extend(check_segment(sid, english[sid].text, segment.text, language))
    structure = structure_problem(revision, language)
    return found + ([structure] if structure else [])


def draft_problems(draft):
    """{language: [Problem]} in the translations a draft changes: the segments changed, and the body's structure.

    Languages the draft does not touch are not checked here: their text is already published.
    """
    current = draft.page.current_revision
    segment_map = page_status.draft_map(draft)
    current_map = page_status.stored_map(current) if current is not None else None
    found = {}
    for language in segment_status.TRANSLATED_LANGUAGES:
        if current is not None and page_status.texts(draft, language) == page_status.texts(current, language):
            continue
        mine = segment_status.segments_by_id(draft, segment_map, language)
        before = segment_status.segments_by_id(current, current_map, language) if current is not None else {}
        changed = {sid for sid, segment in mine.items() if sid not in before or before[sid].key != segment.key}
        problems = [p for p in problems_of_segments(draft, language, changed, segment_map) if p.sid != "body"]
        body_changed = current is None or body_cut(draft, language) != body_cut(current, language)
        structure = structure_problem(draft, language) if body_changed else None
        problems += [structure] if structure else []
        if problems:
            found[language] = problems
    return found


def blocking(problems_by_language):
    return {language: [p for p in problems if p.blocking] for language, problems in problems_by_language.items()
            if any(p.blocking for p in problems)}


def field_problems(instance, field_names, language):
    """The problems of a translated model's fields, one segment per field (see segments.field_segments)."""
    english = field_segments(instance, field_names, SOURCE_LANGUAGE)
    translated = field_segments(instance, field_names, language)
    return [
        problem for name, segment in translated.items() if name in english
        for problem in check_segment(name, english[name].text, segment.text, language)
    ]
