"""Template tags that show translated fields with their true language."""

from django import template
from django.template.loader import render_to_string
from django.utils.html import format_html

from config.language_fallback import language_name
from config.language_fallback import localized as resolve

register = template.Library()

FALLBACK_FLAG = "shown_fallback_languages"


@register.simple_tag(takes_context=True)
def localized(context, obj, field):
    """The Localized value of obj.field, for templates that lay it out themselves."""
    value = resolve(obj, field)
    _remember_fallback(context, value)
    return value


@register.simple_tag(takes_context=True)
def text(context, obj, field):
    """obj.field as escaped inline text; marked with its language when it is not the page's."""
    value = resolve(obj, field)
    _remember_fallback(context, value)
    if value.is_fallback:
        return format_html("<span{}>{}</span>", language_attributes(value), value.value)
    return value.value


@register.simple_tag(takes_context=True)
def marked_text(context, obj, field):
    """Like `text`, and a value in another language than the page's is followed by a visible "(in English)":
    for a short text that stands alone (a notice's title), where no paragraph says which parts are not translated."""
    value = resolve(obj, field)
    _remember_fallback(context, value)
    if value.is_fallback:
        return format_html('<span{}>{}</span> <small class="language-marker">{}</small>',
                           language_attributes(value), value.value, value.language_marker)
    return value.value


@register.simple_tag
def plain(obj, field):
    """obj.field as plain text, for a <title> or an attribute, where markup would show as text."""
    return resolve(obj, field).value


@register.filter
def language_attributes(value):
    """` lang="…" dir="…"` for a Localized value shown in another language than the page's; nothing otherwise."""
    if getattr(value, "is_fallback", False):
        return format_html(' lang="{}" dir="{}"', value.language, value.direction)
    return ""


@register.simple_tag(takes_context=True)
def fallback_summary(context):
    """At the end of a page: which languages some inline parts above were shown in."""
    languages = context.get("request") and getattr(context["request"], FALLBACK_FLAG, None)
    if not languages:
        return ""
    names = ", ".join(sorted(language_name(code) for code in languages))
    return render_to_string("includes/fallback_summary.html", {"languages": languages, "names": names})


def _remember_fallback(context, value):
    request = context.get("request")
    if value.is_fallback and request is not None:
        languages = getattr(request, FALLBACK_FLAG, set())
        languages.add(value.language)
        setattr(request, FALLBACK_FLAG, languages)
