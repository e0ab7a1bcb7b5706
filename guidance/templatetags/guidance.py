"""Template filters for guidance text."""

from django import template

from guidance.rendering import render_markdown

register = template.Library()


@register.filter
def markdown(text):
    """Staff Markdown as sanitised HTML plus its headings; the HTML is safe to output."""
    return render_markdown(text)
