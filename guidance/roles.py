"""Staff roles and what they allow; checked on the server by the admin and the preview.

The roles are groups created by the migration `0005_staff_roles` (`0008` adds the list of sources,
`0016` the checks of directory entries, which editors and publishers record and correct):
editor (writes drafts in any language), translator (edits only the translations of drafts, and of the
directory's entries), publisher (reviews, publishes, rejects, restores). Superusers can do everything.
A fourth group, partner (`partners/migrations/0012_partner_role.py`), is for a partner
organisation's own account: it only proposes changes to its organisation, which editors and publishers
review (partners/proposal_admin.py).

A translator writes only in the languages they translate: those named in their staff profile
(config.staff, which registers where to read them when it starts: it sits above guidance). A
translator who has named none yet is not held to any; editors and publishers write in every language.
"""

from django.conf import settings

EDITOR, TRANSLATOR, PUBLISHER = "editor", "translator", "publisher"

EDIT_DRAFTS = "guidance.change_revision"
TRANSLATE_DRAFTS = "guidance.translate_revision"
PUBLISH = "guidance.publish_revision"
VIEW_REVISIONS = "guidance.view_revision"
RECORD_CHECKS = "sources.add_check"  # verification rounds (config/sources/rounds.py)

TRANSLATED_LANGUAGES = [code for code, _name in settings.LANGUAGES if code != settings.LANGUAGE_CODE]

_languages_source = []  # at most one function: user -> the language codes they translate


def register_languages_source(source):
    """Where a person's languages are read: source(user) -> [language code]. config.staff registers its profiles."""
    _languages_source[:] = [source]


def can_edit_drafts(user):
    return user.has_perm(EDIT_DRAFTS) or user.has_perm(TRANSLATE_DRAFTS)


def translates_only(user):
    """A translator may change the translated fields of a draft, never its English text."""
    return not user.has_perm(EDIT_DRAFTS) and user.has_perm(TRANSLATE_DRAFTS)


def translation_languages(user):
    """The languages this person may write translations in, in the site's order."""
    if not translates_only(user):
        return list(TRANSLATED_LANGUAGES) if can_edit_drafts(user) else []
    named = set(_languages_source[0](user)) if _languages_source else set()
    return [code for code in TRANSLATED_LANGUAGES if code in named] or list(TRANSLATED_LANGUAGES)


def may_translate(user, language):
    return language in translation_languages(user)


def may_confirm_as_native_speaker(user, language):
    """Only a translator (or editor) who names this language in their staff profile confirms that a native
    speaker has read a translation: naming no language lets a translator write in all, never confirm."""
    named = _languages_source[0](user) if _languages_source else []
    return can_edit_drafts(user) and language in named


def may_translate_entries(user, model):
    """May write the translations of this kind of directory entry: whoever may change such entries, and
    translators (the translator's right to translate covers the directory's texts, never its English)."""
    opts = model._meta
    return user.has_perm(f"{opts.app_label}.change_{opts.model_name}") or translates_only(user)


def can_publish(user):
    return user.has_perm(PUBLISH)


def can_preview(user):
    return user.is_active and user.is_staff and user.has_perm(VIEW_REVISIONS)
