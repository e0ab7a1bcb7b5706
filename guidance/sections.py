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


def body_for_reader(revision, language):
    """The revision's body as Markdown for a reader of `language`, empty sections filled in."""
    body = localized(revision, "body", language)
    if body.is_fallback or not has_empty_sections(body.value):
        return body
    for candidate in resolution_order(language)[1:]:
        fallback_text = getattr(revision, build_localized_fieldname("body", candidate), "")
        if fallback_text and not has_empty_sections(fallback_text):
            direction = Localized(value="", language=candidate, is_fallback=True).direction
            filled = fill_empty_sections(body.value, fallback_text, candidate, direction)
            return Localized(value=filled, language=language, is_fallback=False)
    return body
