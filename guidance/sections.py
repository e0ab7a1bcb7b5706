"""Section-level fallback: a translation may leave a section empty, to be shown from another language.

A translated body keeps every `## ` heading of the source, in order. Where a section has a heading
but no text, readers see the heading in their language and the text from the next language in their
fallback chain, marked with that language and a notice in their own.
"""

import re
from dataclasses import dataclass

from django.utils.html import escape
from django.utils.translation import gettext
from modeltranslation.utils import build_localized_fieldname, resolution_order

from config.language_fallback import Localized, language_name, localized

from .rendering import site_value

HEADING = re.compile(r"^## ", re.M)


@dataclass(frozen=True)
class Section:
    heading: str  # the "## …" line, or "" for text before the first heading
    text: str


def split_sections(markdown_text):
    starts = [m.start() for m in HEADING.finditer(markdown_text)]
    bounds = [0, *starts, len(markdown_text)]
    sections = []
    for begin, end in zip(bounds, bounds[1:], strict=False):
        chunk = markdown_text[begin:end].strip("\n")
        if not chunk and begin == 0:
            continue
        if chunk.startswith("## "):
            heading, _newline, text = chunk.partition("\n")
            sections.append(Section(heading.strip(), text.strip()))
        else:
            sections.append(Section("", chunk.strip()))
    return sections


def has_empty_sections(markdown_text):
    return any(section.heading and not section.text for section in split_sections(markdown_text))


def fill_empty_sections(body, fallback_body, fallback_language, direction):
    """The body with each empty section's text taken from the same section of the fallback body.

    Sections are matched by position; if the two bodies do not have the same headings count, the
    translation is shown as it is (a staff error the translation status makes visible).
    """
    sections = split_sections(body)
    fallback_sections = [s for s in split_sections(fallback_body) if s.heading]
    headed = [s for s in sections if s.heading]
    if len(headed) != len(fallback_sections):
        return body
    notice = escape(
        gettext("This section is not translated yet. It is shown in %(language)s.")
        % {"language": language_name(fallback_language)}
    )
    source = iter(fallback_sections)
    parts = []
    for section in sections:
        if not section.heading:
            parts.append(section.text)
            continue
        fallback = next(source)
        if section.text:
            parts.append(f"{section.heading}\n\n{section.text}")
        else:
            parts.append(
                f'{section.heading}\n\n<p class="{site_value("fallback-notice")}" role="{site_value("note")}">'
                f"{notice}</p>\n\n"
                f'<div lang="{fallback_language}" dir="{direction}" class="{site_value("fallback-section")}"'
                ' markdown="1">\n\n'
                f"{fallback.text}\n\n</div>"
            )
    return "\n\n".join(parts)


def mark_outdated_sections(body, notices):
    """The body with notices[k] (safe HTML) placed under the heading of its k-th "## " section (from 1)."""
    if not notices:
        return body
    parts, last, number = [], 0, 0
    for match in HEADING.finditer(body):
        number += 1
        if number not in notices:
            continue
        end = body.find("\n", match.start())
        end = len(body) if end < 0 else end
        parts.append(body[last:end] + f"\n\n{notices[number]}\n")
        last = end
    return "".join(parts) + body[last:]


def _fallback_body(revision, language):
    """(language, body) of the first language after `language` in its chain whose body has every section."""
    for candidate in resolution_order(language)[1:]:
        fallback_text = getattr(revision, build_localized_fieldname("body", candidate), "")
        if fallback_text and not has_empty_sections(fallback_text):
            return candidate, fallback_text
    return None


def body_for_reader(revision, language):
    """The revision's body as Markdown for a reader of `language`, empty sections filled in."""
    body = localized(revision, "body", language)
    if body.is_fallback or not has_empty_sections(body.value):
        return body
    fallback = _fallback_body(revision, language)
    if fallback is None:
        return body
    candidate, fallback_text = fallback
    direction = Localized(value="", language=candidate, is_fallback=True).direction
    return Localized(value=fill_empty_sections(body.value, fallback_text, candidate, direction), language=language, is_fallback=False)


@dataclass(frozen=True)
class ReaderSection:
    """One section as a reader of a language gets it: number 0 is the text before the first heading."""

    number: int
    heading: str  # without "## "; "" for section 0
    text: Localized  # Markdown, in the language it is really written in


def sections_for_reader(revision, language):
    """The revision's body cut into sections for a reader of `language`, each empty section's text
    taken from the fallback chain as on the page (body_for_reader), as data rather than HTML."""
    body = localized(revision, "body", language)
    sections = split_sections(body.value)
    fallback = None if body.is_fallback or not has_empty_sections(body.value) else _fallback_body(revision, language)
    fallback_sections = iter([s for s in split_sections(fallback[1]) if s.heading] if fallback else [])
    if fallback and len([s for s in sections if s.heading]) != len([s for s in split_sections(fallback[1]) if s.heading]):
        fallback_sections = iter([])  # headings do not match: shown as it is, like the page
    found, number = [], 0
    for section in sections:
        if section.heading:
            number += 1
            other = next(fallback_sections, None)
            if not section.text and other is not None:
                found.append(ReaderSection(number, section.heading[3:].strip(), Localized(other.text, fallback[0], True)))
                continue
        found.append(ReaderSection(number, section.heading[3:].strip(), Localized(section.text, body.language, body.is_fallback)))
    return found
