"""Template filters for guidance text."""

from django import template

from config.language_fallback import current_language
from guidance.rendering import render_markdown
from guidance.sections import body_for_reader

register = template.Library()


@register.filter
def markdown(text):
    """Staff Markdown as sanitised HTML plus its headings; the HTML is safe to output."""
    return render_markdown(text)


@register.simple_tag
def reader_body(revision):
    """The revision's body for the current reader: Localized Markdown, empty sections filled in."""
    return body_for_reader(revision, current_language())
