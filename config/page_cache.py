"""Whole-page cache for public pages, invalidated exactly by content tags.

A public page (an anonymous GET under a language prefix, no session, no messages, no cookie set,
status 200) is stored whole, once per scheme, host, path, query string and encoding. A view says
what its page shows with `@depends_on("guidance", "directory")` (or `declare(request, …)`);
a view that says nothing depends on all content. Every page also shows the hotline.

Each tag has a version in the cache. A stored page keeps the versions of its tags; one
`get_many` of the current versions tells whether it is still fresh. Saving or deleting content
bumps the versions of the tags of its model (MODEL_TAGS), so the next reader gets a fresh render.
A model the table does not know bumps EVERYTHING, which every page depends on: content added
later is never served stale, only re-rendered more often than needed until it is listed here.
"""

import hashlib
import logging
import re
import time
from functools import lru_cache, partial, wraps
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.http import HttpResponse
from django.utils.cache import cc_delim_re, patch_cache_control
from django.utils.http import http_date
from django.utils.translation import get_language_from_path

logger = logging.getLogger(__name__)

EVERYTHING = "everything"  # every page depends on it; bumped by content no table entry describes
ANY_CONTENT = "content"  # what a view that declares nothing depends on; bumped by any content change
HOTLINE = "hotline"  # every page shows the hotline
GENERATION = "generation"  # bumped by every change: a render that overlaps a change is not stored

TAG_KEY = "page-cache:tag:%s"
PAGE_KEY = "page-cache:page:%s"
MAX_QUERY_STRING = 1024  # longer query strings are served, but not stored
_ACCEPTS_GZIP = re.compile(r"\bgzip\b")


def _revision_tags(revision):
    # Readers only ever see published revisions: a draft saved, scheduled or rejected changes no page.
    if not revision.is_published:
        return ()
    return ("guidance", f"guidance-page:{revision.page_id}")


def _page_tags(guidance_page):
    return ("guidance", f"guidance-page:{guidance_page.pk}")


# What a change to each content model can change on public pages. A model absent from this table
# counts as a change to everything, unless its app is one of NOT_CONTENT_APPS; a model that no
# public page shows can be listed with no tags (e.g. anonymous feedback).
MODEL_TAGS = {
    "offices.city": ("directory",),
    "offices.formercityname": ("directory",),
    "offices.office": ("directory", HOTLINE),
    "partners.service": ("directory",),
    "partners.partner": ("directory",),
    "partners.branch": ("directory",),
    "partners.formerpartnername": ("directory",),
    "guidance.guidancepage": _page_tags,
    "guidance.revision": _revision_tags,
    "guidance.keyfigure": ("figures",),
    "guidance.source": ("guidance",),  # named in the page histories and the updates list
    "offices.directorychange": ("directory",),
    # Derived from content whose own save already bumped its tags; no page shows a vote.
    "guidance.searchentry": (),
    "guidance.feedbackvote": (),
}
NOT_CONTENT_APPS = {"admin", "auth", "contenttypes", "sessions", "axes", "migrations", "history"}


def register_model(label, *tags):
    """Tell the page cache which tags a change to the model `app_label.modelname` touches."""
    MODEL_TAGS[label.lower()] = tags


# --- what a view depends on ------------------------------------------------------------------


def depends_on(*tags):
    """View decorator: the page shows only the content of these tags (and the hotline)."""

    def decorator(view):
        @wraps(view)
        def wrapped(request, *args, **kwargs):
            declare(request, *tags)
            return view(request, *args, **kwargs)

        return wrapped

    return decorator


def declare(request, *tags):
    """Add tags this request's page depends on; call it with no tags for a page with no content."""
    request.cache_tags = getattr(request, "cache_tags", set()) | set(tags)


def valid_until(request, moment):
    """The page this request renders changes by itself at `moment` (an aware datetime), e.g. when a
    notice starts or ends: it is not served from the cache from then on, with no save in between."""
    if moment is None:
        return
    current = getattr(request, "cache_valid_until", None)
    request.cache_valid_until = moment if current is None else min(current, moment)


def changed_at(request, moment):
    """The page this request renders last changed by itself at `moment` (a notice started or ended):
    its Last-Modified is never older, so If-Modified-Since cannot hide that change."""
    if moment is None:
        return
    current = getattr(request, "cache_changed_at", None)
    request.cache_changed_at = moment if current is None else max(current, moment)


def page_tags(request):
    declared = getattr(request, "cache_tags", None)
    tags = {ANY_CONTENT} if declared is None else set(declared)
    return tags | {EVERYTHING, HOTLINE}


# --- versions ----------------------------------------------------------------------------------


def new_version():
    """A version is the time of the change in nanoseconds: unique, and it dates the change."""
    return time.time_ns()


def current_versions(tags):
    """The current version of each tag; a tag never seen (or evicted) gets a new one."""
    keys = {tag: TAG_KEY % tag for tag in tags}
    found = cache.get_many(keys.values())
    missing = [key for key in keys.values() if key not in found]
    if missing:
        for key in missing:
            cache.add(key, new_version(), None)  # add: never overwrite a concurrent bump
        found.update(cache.get_many(missing))
    return {tag: found.get(key) for tag, key in keys.items()}


def bump(*tags):
    """Content of these tags changed: now, and again once the transaction commits.

    Now, so that this process sees the change at once, even inside a transaction. After commit,
    so that a reader who rendered from the data before the commit cannot store its page under the
    new version.
    """
    _write_new_versions(tags)
    transaction.on_commit(partial(_write_new_versions, tags))


def _write_new_versions(tags):
    version = new_version()
    try:
        # The generation first: a render that sees any new tag version also sees a new generation.
        cache.set(TAG_KEY % GENERATION, version, None)
        cache.set_many({TAG_KEY % tag: version for tag in {*tags, ANY_CONTENT}}, None)
    except Exception:  # noqa: BLE001 - a cache outage must not stop staff from saving
        logger.exception("Could not invalidate cached pages for %s", tags)


def tags_for(model, instance=None):
    """The tags a change to a row of `model` touches; None when no public page shows that model."""
    meta = model._meta
    if meta.app_label in NOT_CONTENT_APPS:
        return None
    tags = MODEL_TAGS.get(meta.label_lower, (EVERYTHING,))
    if callable(tags):
        return tags(instance) if instance is not None else (EVERYTHING,)
    return tags


def content_changed(sender, instance, **kwargs):
    tags = tags_for(sender, instance)
    if tags:  # None or (): no public page shows this change
        bump(*tags)


def rows_updated(model):
    """Rows of `model` were changed with QuerySet.update(), which sends no signal: refresh their pages."""
    content_changed(model, None)


def relation_changed(sender, instance, action, model, **kwargs):
    """A many-to-many link changed (a partner's services): both sides may show it.

    A link of a row that no page shows (a draft's sources) changes no page either.
    """
    own_tags = tags_for(type(instance), instance)
    if action.startswith("post_") and own_tags != ():
        tags = {*(own_tags or ()), *(tags_for(model) or ())}
        if tags:
            bump(*tags)


def connect_signals():
    post_save.connect(content_changed, dispatch_uid="page_cache.saved")
    post_delete.connect(content_changed, dispatch_uid="page_cache.deleted")
    m2m_changed.connect(relation_changed, dispatch_uid="page_cache.related")


# --- the middleware ----------------------------------------------------------------------------


@lru_cache(maxsize=1)
def code_fingerprint():
    """A fingerprint of this release's code, templates, translations and static files.

    Part of every page key, so pages stored by an older release are never served after a deploy.
    """
    base = Path(settings.BASE_DIR)
    roots = [base / "config", *(Path(d) for d in settings.TEMPLATES[0]["DIRS"]), *map(Path, settings.LOCALE_PATHS)]
    roots += [Path(app.path) for app in apps.get_app_configs() if Path(app.path).parent == base]
    digest = hashlib.sha1()
    for root in roots:
        for path in sorted(root.rglob("*")):
            if path.suffix in {".py", ".html", ".txt", ".mo"} and path.is_file():
                digest.update(str(path.relative_to(base)).encode() + path.read_bytes())
    manifest = Path(settings.STATIC_ROOT) / "staticfiles.json"
    if manifest.is_file():
        digest.update(manifest.read_bytes())
    return digest.hexdigest()[:16]


STARTED = int(time.time())  # a new release may render differently: its pages date from no earlier


def last_modified(versions, changed=None):
    """The time of the newest change a page shows, as Last-Modified, when it is safe to send.

    `changed` (a timestamp) is when the page last changed by itself (see changed_at). HTTP dates
    have whole seconds: a date is only sent once its second is over, so that any later change gets
    a later date and If-Modified-Since can never hide it.
    """
    newest = max(max(versions.values()) // 1_000_000_000, STARTED, int(changed or 0))
    return newest if time.time() >= newest + 1 else None


class PageCacheMiddleware:
    """Serve public pages from the cache; store fresh renders; see the module docstring."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.timeout = settings.CACHE_SECONDS
        self.bypass_cookies = {settings.SESSION_COOKIE_NAME, getattr(settings, "MESSAGE_COOKIE_NAME", "messages")}

    def __call__(self, request):
        if not self.timeout or not self.is_cacheable(request):
            return self.get_response(request)
        key = self.key(request)  # an unknown Host raises here, and gets its 400 as usual
        try:
            response = self.cached_response(key)
            generation = None if response else current_versions([GENERATION])[GENERATION]
        except Exception:  # noqa: BLE001 - without its cache the site still serves, just slower
            logger.exception("Page cache unavailable")
            return self.get_response(request)
        if response is not None:
            return response
        response = self.get_response(request)
        if self.is_storable(request, response):
            try:
                self.store(key, request, response, generation)
            except Exception:  # noqa: BLE001
                logger.exception("Could not store a page in the cache")
        return response

    def is_cacheable(self, request):
        return (
            request.method in ("GET", "HEAD")
            and get_language_from_path(request.path_info) is not None
            and not self.bypass_cookies.intersection(request.COOKIES)
            and len(request.META.get("QUERY_STRING", "")) <= MAX_QUERY_STRING
        )

    def key(self, request):
        gzip = bool(_ACCEPTS_GZIP.search(request.META.get("HTTP_ACCEPT_ENCODING", "")))
        raw = f"{code_fingerprint()}|{request.scheme}|{request.get_host()}|{request.get_full_path()}|{gzip}"
        return PAGE_KEY % hashlib.sha1(raw.encode()).hexdigest()

    def cached_response(self, key):
        entry = cache.get(key)
        if entry is None:
            return None
        if entry.get("valid_until") is not None and time.time() >= entry["valid_until"]:
            return None  # the page changes by itself at that time (a notice starts or ends)
        versions = current_versions(entry["versions"])
        if versions != entry["versions"]:
            return None
        response = HttpResponse(entry["content"], status=entry["status"])
        for header, value in entry["headers"]:
            response.headers[header] = value
        self.add_validators(response, versions, entry.get("changed_at"))
        response.headers["X-Page-Cache"] = "hit"
        return response

    def is_storable(self, request, response):
        if request.method != "GET" or response.status_code != 200 or response.streaming or response.cookies:
            return False
        cache_control = {d.split("=")[0].strip().lower() for d in cc_delim_re.split(response.get("Cache-Control", ""))}
        if cache_control & {"private", "no-store", "no-cache"}:
            return False
        vary = {v.strip().lower() for v in cc_delim_re.split(response.get("Vary", "")) if v.strip()}
        if vary - {"accept-encoding"}:
            return False  # the page differs by cookie or language header: not one page per address
        user = getattr(request, "user", None)
        return not (user and user.is_authenticated)

    def store(self, key, request, response, generation):
        tags = page_tags(request)
        versions = current_versions(tags | {GENERATION})
        if versions.pop(GENERATION) != generation:
            return  # content changed while this page rendered: it may show the old content
        patch_cache_control(response, no_cache=True)  # browsers revalidate: 304 while unchanged
        response.headers["ETag"] = '"%s"' % hashlib.md5(response.content, usedforsecurity=False).hexdigest()
        entry = {
            "status": response.status_code,
            "headers": list(response.items()),
            "content": response.content,
            "versions": versions,
            "valid_until": None,
            "changed_at": None,
        }
        changed = getattr(request, "cache_changed_at", None)
        if changed is not None:
            entry["changed_at"] = changed.timestamp()
        timeout = self.timeout
        until = getattr(request, "cache_valid_until", None)
        if until is not None:
            entry["valid_until"] = until.timestamp()
            timeout = min(timeout, max(1, int(entry["valid_until"] - time.time())))
        cache.set(key, entry, timeout)
        self.add_validators(response, versions, entry["changed_at"])
        response.headers["X-Page-Cache"] = "miss"

    @staticmethod
    def add_validators(response, versions, changed=None):
        modified = last_modified(versions, changed)
        if modified is not None:
            response.headers["Last-Modified"] = http_date(modified)
