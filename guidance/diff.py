"""Side-by-side differences between two texts, line by line and word by word, as escaped HTML."""

import difflib
import re
from dataclasses import dataclass

from django.conf import settings
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import mark_safe
from modeltranslation.utils import build_localized_fieldname

WORDS = re.compile(r"\s+|\w+|[^\w\s]", re.UNICODE)
CONTEXT = 2  # unchanged lines kept around each change


@dataclass(frozen=True)
class Row:
    kind: str  # "same", "changed", "removed", "added" or "gap" (unchanged lines left out)
    old: str  # safe HTML
    new: str  # safe HTML


def side_by_side(old, new):
    """Rows of a two-column diff of `old` and `new`; [] when they are the same."""
    old_lines, new_lines = (old or "").splitlines(), (new or "").splitlines()
    if old_lines == new_lines:
        return []
    rows = []
    matcher = difflib.SequenceMatcher(None, old_lines, new_lines, autojunk=False)
    for group in matcher.get_grouped_opcodes(CONTEXT):
        if rows or group[0][1] > 0:
            rows.append(Row("gap", "", ""))
        for tag, i1, i2, j1, j2 in group:
            rows.extend(_rows(tag, old_lines[i1:i2], new_lines[j1:j2]))
    return rows


def _rows(tag, old_lines, new_lines):
    if tag == "equal":
        return [Row("same", conditional_escape(line), conditional_escape(line)) for line in old_lines]
    rows = []
    for index in range(max(len(old_lines), len(new_lines))):
        old_line = old_lines[index] if index < len(old_lines) else None
        new_line = new_lines[index] if index < len(new_lines) else None
        if old_line is None:
            rows.append(Row("added", "", format_html("<ins>{}</ins>", new_line)))
        elif new_line is None:
            rows.append(Row("removed", format_html("<del>{}</del>", old_line), ""))
        else:
            rows.append(Row("changed", *_word_diff(old_line, new_line)))
    return rows


def _word_diff(old_line, new_line):
    """The two lines with the words that differ wrapped in <del> and <ins>."""
    old_words, new_words = WORDS.findall(old_line), WORDS.findall(new_line)
    old_parts, new_parts = [], []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, old_words, new_words, autojunk=False).get_opcodes():
        removed, added = "".join(old_words[i1:i2]), "".join(new_words[j1:j2])
        if tag == "equal":
            old_parts.append(conditional_escape(removed))
            new_parts.append(conditional_escape(added))
            continue
        if removed:
            old_parts.append(format_html("<del>{}</del>", removed))
        if added:
            new_parts.append(format_html("<ins>{}</ins>", added))
    return mark_safe("".join(old_parts)), mark_safe("".join(new_parts))


@dataclass(frozen=True)
class FieldDiff:
    label: str
    rows: list  # [] when the field did not change
    new_text: str


def revision_diff(old, new, language):
    """How `new` differs from `old` (None for a first version) in one language, field by field."""
    diffs = []
    for field in new.TEXT_FIELDS:
        name = build_localized_fieldname(field, language)
        old_text = (getattr(old, name) or "") if old is not None else ""
        new_text = getattr(new, name) or ""
        diffs.append(FieldDiff(new._meta.get_field(field).verbose_name, side_by_side(old_text, new_text), new_text))
    return diffs


def changed_languages(old, new):
    """The languages whose text differs between the two revisions."""

    def text(revision, field, code):
        return (getattr(revision, build_localized_fieldname(field, code)) or "") if revision is not None else ""

    return {
        code
        for code, _name in settings.LANGUAGES
        for field in new.TEXT_FIELDS
        if text(old, field, code) != text(new, field, code)
    }
