"""Template filters for guidance text."""

from dataclasses import dataclass, replace

from django import template
from django.template.loader import render_to_string
from django.utils.html import escape

from config.language_fallback import current_language
from guidance.rendering import render_markdown, site_value
from guidance.sections import body_for_reader, mark_outdated_sections

register = template.Library()


@register.filter
def markdown(text):
    """Staff Markdown as sanitised HTML plus its headings; the HTML is safe to output."""
    return render_markdown(text)


@register.simple_tag
def reader_body(revision, outdated_sections=None):
    """The revision's body for the current reader: Localized Markdown, empty sections filled in, and
    a notice under each section that is behind the English ({section number: English address})."""
    body = body_for_reader(revision, current_language())
    if not outdated_sections:
        return body
    # The notice goes through the sanitiser with the page's Markdown: its class and role carry the site's mark.
    marks = {"notice_class": site_value("outdated-notice"), "notice_role": site_value("note")}
    notices = {
        number: render_to_string("guidance/includes/outdated_section_notice.html", {"english_url": url, **marks}).strip()
        for number, url in outdated_sections.items()
    }
    return replace(body, value=mark_outdated_sections(body.value, notices))


@dataclass(frozen=True)
class Listening:
    html: str  # the rendered body with a "Listen" control under each recorded section's heading
    items: list  # [{"listen": Listen, "anchor": …, "heading": the heading as the reader reads it}], in order


@register.simple_tag
def with_recordings(rendered, listen=()):
    """The rendered body (sanitised HTML) with the recordings of guidance.recordings.for_reader placed
    under their sections' headings; the controls are the site's own markup, added after sanitising."""
    html, items = rendered.html, []
    for item in sorted(listen or (), key=lambda listen: listen.number, reverse=True):
        if not 0 < item.number <= len(rendered.headings):
            continue
        heading = rendered.headings[item.number - 1]
        start = html.find(f' id="{escape(heading.anchor)}"')
        end = html.find("</h2>", start) if start >= 0 else -1
        if end < 0:
            continue
        end += len("</h2>")
        control = render_to_string("guidance/includes/listen.html", {"listen": item})
        html = html[:end] + "\n" + control + html[end:]
        items.insert(0, {"listen": item, "anchor": heading.anchor, "heading": heading.text})
    return Listening(html, items)


@register.simple_tag
def translators(revision):
    """The full names of those who translated this revision into the reader's language (never a log-in name)."""
    from guidance.translators.editor import translators as credited

    return credited(revision, current_language())
