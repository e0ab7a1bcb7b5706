"""Excerpts and highlights of search results: the matched words in <mark>, everything escaped."""

import unicodedata

from django.utils.html import format_html, format_html_join

from .text import APOSTROPHES, _is_cjk, _normalise_with_positions

EXCERPT_LENGTH = 220

# --- Excerpts ----------------------------------------------------------------------------------


def _match_spans(text, query, language):
    """(start, end) in text of every match, widened to whole words, sorted and merged."""
    normalised, positions = _normalise_with_positions(text, language)
    spans = []
    for term in query.terms:
        for match in term.pattern.finditer(normalised):
            start, end = positions[match.start()], positions[match.end() - 1] + 1
            if not _is_cjk(text[start]):
                while start > 0 and _in_word(text[start - 1]):
                    start -= 1
                while end < len(text) and _in_word(text[end]):
                    end += 1
            spans.append((start, end))
    merged = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def _in_word(char):
    return (char.isalnum() or unicodedata.category(char) in ("Mn", "Mc") or char in APOSTROPHES) and not _is_cjk(char)


def _marked(text, spans, offset=0):
    """text with the spans (relative to offset) in <mark>; everything escaped."""
    pairs, cursor = [], 0
    for start, end in spans:
        start, end = start - offset, end - offset
        pairs.append((text[cursor:start], text[start:end]))
        cursor = end
    return format_html("{}{}", format_html_join("", "{}<mark>{}</mark>", pairs), text[cursor:])


def highlight(text, query, language):
    """The whole text, escaped, with the query's matches in <mark>."""
    text = unicodedata.normalize("NFC", text or "")
    return _marked(text, _match_spans(text, query, language))


def excerpt(text, query, language, length=EXCERPT_LENGTH):
    """A short piece of text around the first match, escaped, with the matches in <mark>."""
    text = " ".join(unicodedata.normalize("NFC", text or "").split())
    spans = _match_spans(text, query, language)
    start, end = 0, len(text)
    if len(text) > length:
        if spans and spans[0][0] > length // 3:
            start = text.find(" ", spans[0][0] - length // 3) + 1
        end = start + length
        if end < len(text):
            space = text.rfind(" ", start, end)
            end = space if space > start + length // 2 else end
        else:
            end = len(text)
    inside = [(s, e) for s, e in spans if s >= start and e <= end]
    return format_html(
        "{}{}{}", "… " if start > 0 else "", _marked(text[start:end], inside, start), " …" if end < len(text) else ""
    )
