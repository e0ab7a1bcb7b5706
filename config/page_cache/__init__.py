"""Whole-page cache for public pages, invalidated exactly by content tags.

A public page (an anonymous GET, no session, no messages, no cookie set, status 200, under a
language prefix or from a view that declares what it shows) is stored whole, once per scheme,
host, path, the query parameters its view reads (keys.py) and encoding. A view says what its
page shows with `@depends_on("guidance", "directory", query=("city",))` (or `declare(request, …)`);
a view that says nothing depends on all content. Every page also shows the hotline.

Each tag has a version (versions.py), kept in the cache and in the database. A stored page keeps
the versions of its tags; one `get_many` of the current versions tells whether it is still fresh.
Saving or deleting content bumps the versions of the tags of its model (tags.MODEL_TAGS), so the
next reader gets a fresh render. A model the table does not know bumps EVERYTHING, which every
page depends on: content added later is never served stale, only re-rendered more often than
needed until it is listed there. When the cache fails, pages are rendered as if it were off, and
the log gets one warning per minute (trouble.py).
"""

from .keys import TRACKING_PARAMETERS, code_fingerprint, without_tracking
from .middleware import PageCacheMiddleware, last_modified
from .tags import (
    MODEL_TAGS,
    NOT_CONTENT_APPS,
    changed_at,
    connect_signals,
    declare,
    depends_on,
    keep_out_of_cache,
    page_tags,
    register_model,
    rows_updated,
    tags_for,
    valid_until,
)
from .trouble import cache_failed
from .versions import (
    ANY_CONTENT,
    EVERYTHING,
    GENERATION,
    HOTLINE,
    TAG_KEY,
    CacheResting,
    bump,
    current_versions,
    new_version,
)

__all__ = [
    "ANY_CONTENT", "EVERYTHING", "GENERATION", "HOTLINE", "MODEL_TAGS", "NOT_CONTENT_APPS", "TAG_KEY",
    "TRACKING_PARAMETERS", "CacheResting", "PageCacheMiddleware", "bump", "cache_failed", "changed_at", "code_fingerprint", "connect_signals",
    "current_versions", "declare", "depends_on", "keep_out_of_cache", "last_modified", "new_version", "page_tags",
    "register_model", "rows_updated", "tags_for", "valid_until", "without_tracking",
]
