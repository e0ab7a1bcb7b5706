"""What a person wrote in a chat, read: a language code (Telegram's, RapidPro's), a date, a city's name.

Nothing read here is kept or logged; each function only returns what it found.
"""

import datetime
import re

from django.conf import settings
from modeltranslation.utils import build_localized_fieldname

from config.language_negotiation import nearest_language
from config.site.search.text import normalise
from offices.models import City

LANGUAGE_CODES = tuple(code for code, _name in settings.LANGUAGES)
# RapidPro names a contact's language in ISO 639-3; Telegram and browsers in BCP 47 (config.language_negotiation).
ISO_639_3 = {
    "eng": "en", "rus": "ru", "kaz": "kk", "ara": "ar", "prs": "prs", "fas": "prs", "per": "prs",
    "zho": "zh-hans", "chi": "zh-hans", "cmn": "zh-hans", "uig": "ug", "uzb": "uz", "ukr": "uk", "pus": "ps", "pbt": "ps",
}

# 2026-12-05, 2026/12/05; 05.12.2026, 05/12/2026, 5-12-2026 (day first, as everywhere the site's readers live).
YEAR_FIRST = re.compile(r"(\d{4})[-./](\d{1,2})[-./](\d{1,2})")
DAY_FIRST = re.compile(r"(\d{1,2})[-./](\d{1,2})[-./](\d{4})")
COMPACT = re.compile(r"(\d{4})(\d{2})(\d{2})")  # 20261205: how a date travels in a Telegram button


def chat_language(code, default=settings.LANGUAGE_CODE):
    """Our language for a code a chat platform sends (`fa` → `prs`, `pus` → `ps`, `zh-hans`), else the default."""
    code = (code or "").strip().lower().replace("_", "-")
    if code in LANGUAGE_CODES:
        return code
    return ISO_639_3.get(code) or nearest_language(code) or default


def read_date(text):
    """The Gregorian date in what was typed, in Latin, Arabic-Indic or Persian digits; None when there is none."""
    digits = normalise(text or "").strip()  # ۰۵.۱۲.۲۰۲۶ and ٠٥.١٢.٢٠٢٦ become 05.12.2026
    for pattern, order in ((YEAR_FIRST, "ymd"), (DAY_FIRST, "dmy"), (COMPACT, "ymd")):
        match = pattern.fullmatch(digits)
        if match:
            parts = dict(zip(order, (int(group) for group in match.groups()), strict=True))
            try:
                return datetime.date(parts["y"], parts["m"], parts["d"])
            except ValueError:
                return None
    return None


def looks_like_a_date(text):
    """Digits and date separators only: a date, even when it is not a real one (31.02.2026)."""
    digits = normalise(text or "").strip()
    return any(pattern.fullmatch(digits) for pattern in (YEAR_FIRST, DAY_FIRST))


def _names(entry):
    """The entry's name in each of our languages: {language: name}."""
    return {code: getattr(entry, build_localized_fieldname("name", code), "") or "" for code in LANGUAGE_CODES}


def find_city(text):
    """The listed city a person named, in any of our languages or by a former name, and the languages whose
    spelling it is written in exactly (آلماتی is Dari, آلماتي Pashto): (city, [languages]) or (None, [])."""
    wanted = normalise(text or "").strip()
    if not wanted:
        return None, []
    cities = City.objects.listed().prefetch_related("former_names")
    for city in cities:
        for entry in (city, *city.former_names.all()):
            names = _names(entry)
            if any(normalise(name).strip() == wanted for name in names.values() if name):
                exact = [code for code, name in names.items() if name and name.strip() == text.strip()]
                return city, exact
    return None, []


def city_by_slug(slug):
    return City.objects.listed().filter(slug=slug).first() if slug else None
