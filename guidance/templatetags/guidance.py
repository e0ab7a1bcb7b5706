"""Template filters for guidance text."""

from dataclasses import replace

from django import template
from django.template.loader import render_to_string

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


@register.simple_tag
def translators(revision):
    """The full names of those who translated this revision into the reader's language (never a log-in name)."""
    from guidance.translators.editor import translators as credited

    return credited(revision, current_language())
