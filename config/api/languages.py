"""The language of an API answer: the address's own (`/api/v1/ru/…`), else `?lang=`, else Accept-Language.

Content addresses name their language, so a stored answer never depends on a header. Errors and the
addresses without a language (the index, the HSDS profile's errors) use `?lang=` if it is one of
ours, else the language the locale middleware chose from Accept-Language (fa-AF → Dari, …).
"""

from django.conf import settings
from django.http import Http404
from django.utils import translation
from django.utils.translation import get_language

LANGUAGE_CODES = tuple(code for code, _name in settings.LANGUAGES)
ADDRESS_PREFIX = "/api/v1/"


def language_of_address(path):
    """`ru` for /api/v1/ru/…, None when the address names none of our languages."""
    first = path[len(ADDRESS_PREFIX):].split("/", 1)[0] if path.startswith(ADDRESS_PREFIX) else ""
    return first if first in LANGUAGE_CODES else None


def answer_language(request):
    """The language an error (or an address without a language) is answered in."""
    asked = request.GET.get("lang", "")
    return language_of_address(request.path_info) or (asked if asked in LANGUAGE_CODES else None) or get_language()


def content_language(lang):
    """The language named in a content address, made the active one; a 404 for one we do not have."""
    if lang not in LANGUAGE_CODES:
        raise Http404
    translation.activate(lang)  # gettext, translated fields and fallbacks all answer in it
    return lang
