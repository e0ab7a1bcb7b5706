"""Languages as the translators' tools name them, and the refusal a translator gets outside their languages."""

from django.utils.translation import get_language_info, gettext

from .. import roles


def language_name(code):
    return get_language_info(code)["name_translated"]


def languages_refusal(user, language):
    """Why this person may not write `language` (a translator writes only the languages they translate)."""
    return gettext(
        "%(language)s is not one of the languages you translate (%(yours)s): nothing was saved. "
        "Your languages are chosen under “My notifications”."
    ) % {
        "language": language_name(language),
        "yours": ", ".join(str(language_name(code)) for code in roles.translation_languages(user)),
    }
