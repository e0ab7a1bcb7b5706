"""Staff roles and what they allow; checked on the server by the admin and the preview.

The roles are groups created by the migration `0005_staff_roles` (`0008` adds the list of sources,
`0016` the checks of directory entries, which editors and publishers record and correct):
editor (writes drafts in any language), translator (edits only the translations of drafts),
publisher (reviews, publishes, rejects, restores). Superusers can do everything.
"""

EDITOR, TRANSLATOR, PUBLISHER = "editor", "translator", "publisher"

EDIT_DRAFTS = "guidance.change_revision"
TRANSLATE_DRAFTS = "guidance.translate_revision"
PUBLISH = "guidance.publish_revision"
VIEW_REVISIONS = "guidance.view_revision"
RECORD_CHECKS = "sources.add_check"  # verification rounds (config/sources/rounds.py)


def can_edit_drafts(user):
    return user.has_perm(EDIT_DRAFTS) or user.has_perm(TRANSLATE_DRAFTS)


def translates_only(user):
    """A translator may change the translated fields of a draft, never its English text."""
    return not user.has_perm(EDIT_DRAFTS) and user.has_perm(TRANSLATE_DRAFTS)


def can_publish(user):
    return user.has_perm(PUBLISH)


def can_preview(user):
    return user.is_active and user.is_staff and user.has_perm(VIEW_REVISIONS)
