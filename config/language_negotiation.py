"""Which of our languages a reader gets when the address names none: the one they chose before, else
the nearest one their phone or browser asks for (Accept-Language), else English.

Django's own negotiation only knows the codes in LANGUAGES and their LANG_INFO fallbacks, so a Persian
phone (`fa-AF`, `fa`) lands on English; here every tag is mapped by its primary language subtag,
whatever the script or region subtags say (`uz-Latn-UZ`, `ug-Arab-CN`, `zh-Hant-TW`).
"""

import functools
import re

from django.conf import settings

# Primary language subtags we serve under another code. Dari is the Afghan standard of Persian, written
# the same way, so Persian readers (Iran and Afghanistan alike) read our Dari pages; Chinese readers of
# any script or region get the one Chinese we have.
NEAREST = {
    "fa": "prs",
    "zh": "zh-hans",
}
# Longer headers are not real browsers; Django stops at the same length.
MAX_HEADER_LENGTH = 500
TAG = re.compile(r"^[a-z]{1,8}(?:-[a-z0-9]{1,8})*$")


def supported_languages():
    return {code for code, _name in settings.LANGUAGES}


def nearest_language(tag):
    """Our language for one language tag (`fa-AF` -> `prs`, `uz-Cyrl` -> `uz`), or None."""
    tag = tag.strip().lower().replace("_", "-")
    if not TAG.match(tag):
        return None
    supported = supported_languages()
    if tag in supported:
        return tag
    primary = tag.split("-", 1)[0]
    candidate = NEAREST.get(primary, primary)
    return candidate if candidate in supported else None


def preferences(header):
    """The tags of an Accept-Language header, most wanted first; q=0 means "not this one"."""
    ranked = []
    for position, part in enumerate(header.split(",")):
        tag, _sep, params = part.partition(";")
        quality = 1.0
        for param in params.split(";"):
            name, _eq, value = param.strip().partition("=")
            if name.lower() == "q":
                try:
                    quality = float(value)
                except ValueError:
                    quality = 0.0  # a broken weight cannot say this language is wanted
        if tag.strip() and quality > 0:
            ranked.append((-quality, position, tag.strip()))
    return [tag for _quality, _position, tag in sorted(ranked)]


@functools.lru_cache(maxsize=1000)
def language_from_accept_language(header):
    """The first preference we have a language for, or None: `de-DE,ru;q=0.8` -> `ru`."""
    if not header or len(header) > MAX_HEADER_LENGTH:
        return None
    for tag in preferences(header):
        if language := nearest_language(tag):
            return language
    return None


def preferred_language(request):
    """The language for a request whose address names none: the cookie (the reader's own choice)
    first, then their Accept-Language, then the site's default."""
    chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
    if chosen in supported_languages():
        return chosen
    header = request.META.get("HTTP_ACCEPT_LANGUAGE", "")
    return language_from_accept_language(header) or settings.LANGUAGE_CODE
