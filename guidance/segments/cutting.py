"""A revision's text cut into segments: the title, the summary, and each heading, paragraph, list item
and table cell of the Markdown body, in order.

A cut keeps the Markdown around the segments ("## ", "- ", "| ", blank lines) as literal pieces, so
`rebuild()` puts any set of segment texts back into the same structure: that is how a translation
written segment by segment (in the translator's editor, or in a PO or XLIFF file) becomes a body.
"""

import re
from dataclasses import dataclass, replace

from modeltranslation.utils import build_localized_fieldname

TITLE, SUMMARY = "title", "summary"
PINNED_KINDS = (TITLE, SUMMARY)  # one of each per revision: their segment ids are their kinds
HEADING = re.compile(r"^(#{1,6})([ \t]+)(.*?)([ \t#]*)$")
LIST_ITEM = re.compile(r"^([ \t]*(?:[-*+]|\d{1,9}[.)])[ \t]+)(.*?)([ \t]*)$")
TABLE_ROW = re.compile(r"^[ \t]*\|.*\|[ \t]*$")
TABLE_SEPARATOR = re.compile(r"^[ \t]*\|?(?:[ \t]*:?-{2,}:?[ \t]*\|)+[ \t]*(?::?-{2,}:?[ \t]*)?$")
CELL_BORDER = re.compile(r"(?<!\\)\|")
RULE = re.compile(r"^[ \t]*([-*_])(?:[ \t]*\1){2,}[ \t]*$")
QUOTE = re.compile(r"^([ \t]*>[ \t]?)(.*)$")
HTML_LINE = re.compile(r"^[ \t]*</?(?:div|bdi|span)\b[^>]*>[ \t]*$")
WORDS = re.compile(r"\w+")
EMPTY = "\x00"  # a segment left empty: its line goes (a heading keeps the English, for the section structure)
MARKER_ONLY = re.compile(r"^[ \t]*(?:[-*+]|\d{1,9}[.)]|>)?[ \t]*$")


@dataclass(frozen=True)
class Segment:
    """One piece of text a translator translates on its own."""

    kind: str  # "title", "summary", "h2"…"h6", "p", "li", "th" or "td"
    text: str
    section: int  # which "## " section of the body (0: before the first), -1 for the title and summary

    @property
    def key(self):
        """The text without case, punctuation or Markdown: a comma or a bold mark is not a change."""
        return normalised(self.text)


def normalised(text):
    return " ".join(WORDS.findall((text or "").casefold()))


@dataclass(frozen=True)
class Cut:
    """A body as literal Markdown pieces (str) and Segment pieces, in order: "".join of them is the body."""

    pieces: tuple

    @property
    def segments(self):
        return [piece for piece in self.pieces if isinstance(piece, Segment)]

    def rebuild(self, texts):
        """The body with the n-th segment's text replaced by texts[n] (None keeps the segment's own)."""
        texts = iter(texts)
        parts = []
        for piece in self.pieces:
            if isinstance(piece, Segment):
                text = next(texts, None)
                parts.append(piece.text if text is None else text)
            else:
                parts.append(piece)
        return "".join(parts)


def rebuild_in(cut, texts):
    """The cut's Markdown with these segment texts; an empty one takes its line with it (headings stay, in English)."""
    chosen = [
        text if text else (segment.text if segment.kind.startswith("h") else EMPTY)
        for segment, text in zip(cut.segments, texts, strict=True)
    ]
    lines = []
    for line in cut.rebuild(chosen).split("\n"):
        if EMPTY in line:
            if line.lstrip().startswith("|"):
                line = line.replace(EMPTY, "")
            elif MARKER_ONLY.match(line.replace(EMPTY, "")):
                continue
            else:
                line = line.replace(EMPTY, "")
        lines.append(line)
    body = re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip("\n")
    return body if any(texts) else ""


def cut_body(markdown_text):
    """Cut a Markdown body into literal pieces and segments (see the module's docstring)."""
    lines = (markdown_text or "").split("\n")
    pieces, section, index = [], 0, 0
    while index < len(lines):
        line = lines[index]
        newline = "\n" if index < len(lines) - 1 else ""
        heading = HEADING.match(line)
        if not line.strip() or RULE.match(line) or HTML_LINE.match(line) or TABLE_SEPARATOR.match(line):
            pieces.append(line + newline)
        elif heading:
            level = len(heading.group(1))
            section += level == 2
            _add(pieces, heading.group(1) + heading.group(2), f"h{level}", heading.group(3), section, heading.group(4) + newline)
        elif TABLE_ROW.match(line):
            is_header = index + 1 < len(lines) and bool(TABLE_SEPARATOR.match(lines[index + 1]))
            _add_row(pieces, line, "th" if is_header else "td", section, newline)
        else:
            prefix, kind, rest = _block_start(line)
            block = [rest]
            while index + 1 < len(lines) and _continues(lines[index + 1]):
                index += 1
                block.append(lines[index])
            newline = "\n" if index < len(lines) - 1 else ""
            text = "\n".join(block)
            stripped = text.rstrip()
            _add(pieces, prefix, kind, stripped, section, text[len(stripped):] + newline)
        index += 1
    return Cut(tuple(_merge_literals(pieces)))


def _block_start(line):
    """(literal prefix, kind, text) of a line that starts a list item, a quote or a paragraph."""
    item = LIST_ITEM.match(line)
    if item:
        return item.group(1), "li", item.group(2) + item.group(3)
    quote = QUOTE.match(line)
    if quote:
        return quote.group(1), "p", quote.group(2)
    stripped = line.lstrip()
    return line[: len(line) - len(stripped)], "p", stripped


def _continues(line):
    """Does this line carry on the paragraph or list item above (not blank, not a new block)?"""
    return bool(line.strip()) and not any(
        pattern.match(line) for pattern in (HEADING, LIST_ITEM, TABLE_ROW, RULE, HTML_LINE, QUOTE)
    )


def _add(pieces, before, kind, text, section, after):
    pieces.append(before)
    if text:
        pieces.append(Segment(kind, text, section))
    pieces.append(after)


def _add_row(pieces, line, kind, section, newline):
    """A table row: each cell's text is a segment; the borders and padding stay literal."""
    borders = [match.start() for match in CELL_BORDER.finditer(line)]
    pieces.append(line[: borders[0] + 1])
    for start, end in zip(borders, borders[1:], strict=False):
        cell = line[start + 1 : end]
        text = cell.strip()
        lead = cell[: len(cell) - len(cell.lstrip())]
        _add(pieces, lead, kind, text, section, cell[len(lead) + len(text) :] + "|")
    pieces.append(line[borders[-1] + 1 :] + newline)


def _merge_literals(pieces):
    merged = []
    for piece in pieces:
        if isinstance(piece, str) and merged and isinstance(merged[-1], str):
            merged[-1] += piece
        elif piece != "":
            merged.append(piece)
    return merged


def revision_segments(revision, language):
    """[title, summary, *body segments] of a revision in one language (a missing field gives none)."""
    found = []
    for field, kind in ((TITLE, TITLE), (SUMMARY, SUMMARY)):
        text = (getattr(revision, build_localized_fieldname(field, language), "") or "").strip()
        if text:
            found.append(Segment(kind, text, -1))
    return found + body_cut(revision, language).segments


def body_cut(revision, language):
    return cut_body(getattr(revision, build_localized_fieldname("body", language), "") or "")


def with_text(segment, text):
    return replace(segment, text=text)


def field_segments(instance, field_names, language):
    """{field name: Segment} of a translated model's fields: one segment per field (a directory entry's name,
    address or note), for the quality checks and exchange files of other apps. No field's text is cut."""
    found = {}
    for name in field_names:
        text = (getattr(instance, build_localized_fieldname(name, language), "") or "").strip()
        if text:
            found[name] = Segment("field", text, -1)
    return found

