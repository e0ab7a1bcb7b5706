"""{% provenance entry %}: an entry's source and last check, as readers see them beside it."""

from django import template
from django.utils.html import format_html, format_html_join

from ..reading import provenance as lines_of

register = template.Library()


@register.simple_tag
def provenance(entry):
    lines = lines_of(entry)
    css = "provenance" if entry.source_check_id else "provenance no-source"
    if entry.is_overdue and entry.verified_on:
        css += " not-confirmed"
    return format_html('<p class="{}">{}</p>', css, format_html_join(" · ", "{}", ((line,) for line in lines)))
