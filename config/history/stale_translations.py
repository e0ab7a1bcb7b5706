"""Translations written for an earlier English text are "needs update" until a translator updates or confirms them.

When the English (source) text of a translated field changes, the other languages of that field
that have a text are flagged on the entry (`outdated_translations`); readers of those languages
then get the current English, marked with its language (config/language_fallback.py skips a
flagged language), never the old text as if it were current. The address for a driver is flagged
the same way when the English address changes. "Only a correction" keeps everything current.
"""

from functools import cache

from django.conf import settings
from django.utils.translation import get_language_info, gettext
from modeltranslation.translator import NotRegistered, translator
from modeltranslation.utils import build_localized_fieldname

SOURCE_LANGUAGE = settings.LANGUAGE_CODE
OTHER_LANGUAGES = [code for code, _name in settings.LANGUAGES if code != SOURCE_LANGUAGE]
DRIVER_ADDRESS = "address_local"  # written in Russian or Kazakh, from the address
DRIVER_ADDRESS_SOURCE = build_localized_fieldname("address", SOURCE_LANGUAGE)


@cache
def translated_fields(model):
    try:
        return tuple(translator.get_options_for_model(model).all_fields)
    except NotRegistered:
        return ()


def update_flags(entry, changed, *, is_new, correction):
    """Flag the translations whose English changed in this save; clear those updated in it."""
    flags = {field: set(languages) for field, languages in (entry.outdated_translations or {}).items()}
    english_changed = not is_new and not correction
    for field in translated_fields(type(entry)):
        names = {code: build_localized_fieldname(field, code) for code in OTHER_LANGUAGES}
        languages = flags.get(field, set()) - {code for code, name in names.items() if name in changed}
        if english_changed and build_localized_fieldname(field, SOURCE_LANGUAGE) in changed:
            languages |= {code for code, name in names.items() if name not in changed}
        flags[field] = {code for code in languages if getattr(entry, names[code], "")}  # empty is missing, not stale
    if hasattr(entry, DRIVER_ADDRESS):
        stale = flags.get(DRIVER_ADDRESS, set())
        if DRIVER_ADDRESS in changed:
            stale = set()
        elif english_changed and DRIVER_ADDRESS_SOURCE in changed and entry.address_local:
            stale = {entry.address_local_language}
        flags[DRIVER_ADDRESS] = stale if entry.address_local else set()
    entry.outdated_translations = {field: sorted(languages) for field, languages in sorted(flags.items()) if languages}


_checks = []


def register_check(check):
    """Add a quality check of translated fields: check(entry, field names, language) -> problems, each with
    `sid` (the field), `message` and `blocking`. guidance registers its translation checks here when it
    starts (config must not import the apps above it)."""
    if check not in _checks:
        _checks.append(check)


def blocking_problems(entry, fields, language):
    """The problems that stop a save of these translated fields of the entry in one language."""
    return [problem for check in _checks for problem in check(entry, fields, language) if problem.blocking]


def language_name(code):
    return gettext(get_language_info(code)["name"])


def is_outdated(entry, field, language):
    return language in (getattr(entry, "outdated_translations", None) or {}).get(field, ())


MISSING, OUTDATED, CURRENT = "missing", "outdated", "current"


def language_state(entry, language):
    """How the entry's translation in `language` stands: MISSING while a field with English text has none in it,
    OUTDATED while one was written for an earlier English, else CURRENT; None for an entry without English."""
    states = set()
    for field in translated_fields(type(entry)):
        if not (getattr(entry, build_localized_fieldname(field, SOURCE_LANGUAGE), "") or "").strip():
            continue
        if not (getattr(entry, build_localized_fieldname(field, language), "") or "").strip():
            states.add(MISSING)
        else:
            states.add(OUTDATED if is_outdated(entry, field, language) else CURRENT)
    return next((state for state in (MISSING, OUTDATED, CURRENT) if state in states), None)


def confirm(entry, choices):
    """A translator confirmed these translations ("field:language") are right for the current English."""
    flags = {field: set(languages) for field, languages in (entry.outdated_translations or {}).items()}
    for choice in choices:
        field, _sep, language = choice.partition(":")
        flags.get(field, set()).discard(language)
    entry.outdated_translations = {field: sorted(languages) for field, languages in flags.items() if languages}


def field_label(model, field):
    if field == DRIVER_ADDRESS:
        return str(model._meta.get_field(DRIVER_ADDRESS).verbose_name)
    return str(model._meta.get_field(field).verbose_name)


def outdated(entry):
    """[("field:language", "Address — Russian")] for each translation of the entry that needs an update."""
    return [
        (f"{field}:{code}", gettext("%(field)s — %(language)s") % {
            "field": field_label(type(entry), field).capitalize(), "language": language_name(code),
        })
        for field, languages in (entry.outdated_translations or {}).items()
        for code in languages
    ]
