"""Which language a translated field is really shown in, so pages can say so and mark it up."""

from dataclasses import dataclass

from django.conf import settings
from django.utils.translation import get_language, get_language_bidi, get_language_info, gettext
from modeltranslation.utils import build_localized_fieldname, resolution_order


@dataclass(frozen=True)
class Localized:
    value: str
    language: str  # the language the value is written in
    is_fallback: bool

    @property
    def direction(self):
        return "rtl" if self.language in settings.LANGUAGES_BIDI else "ltr"

    @property
    def language_name(self):
        """The name of the value's language, in the reader's language."""
        return language_name(self.language)

    @property
    def language_marker(self):
        """ "(in English)": shown after a short text in another language than the page's, in the reader's language."""
        return gettext("(in %(language)s)") % {"language": self.language_name}

    def __str__(self):
        return self.value


def language_name(code):
    return gettext(get_language_info(code)["name"])


def current_language():
    return get_language() or settings.LANGUAGE_CODE


def page_direction():
    return "rtl" if get_language_bidi() else "ltr"


def localized(obj, field, language=None):
    """The value of obj.field for the reader, falling back along the language's chain.

    A translation written for an earlier source text (listed in the entry's `outdated_translations`,
    see config/history/translations.py) is skipped: the reader gets the current text, marked with its language.
    """
    language = language or current_language()
    outdated = (getattr(obj, "outdated_translations", None) or {}).get(field, ())
    for candidate in resolution_order(language):
        if candidate in outdated:
            continue
        value = getattr(obj, build_localized_fieldname(field, candidate), "")
        if value:
            return Localized(value=value, language=candidate, is_fallback=candidate != language)
    return Localized(value="", language=language, is_fallback=False)


def in_every_language(*fields):
    """The database columns of translated fields, one per language: ("title",) → title_en, title_ru…"""
    return [build_localized_fieldname(field, code) for field in fields for code, _name in settings.LANGUAGES]


def localized_choices(queryset, field, language=None):
    """(slug, the field in the reader's language or its fallback) for each row, read as plain values:
    a chooser of hundreds of cities costs a fraction of loading them as objects."""
    chain = [build_localized_fieldname(field, code) for code in resolution_order(language or current_language())]
    return [(slug, next((value for value in values if value), "")) for slug, *values in queryset.values_list("slug", *chain)]


def is_translated(obj, field, language):
    return bool(getattr(obj, build_localized_fieldname(field, language), ""))
