"""Serve public pages from the cache, and store fresh renders (see the package docstring)."""

import hashlib
import time

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse
from django.utils.cache import cc_delim_re, patch_cache_control
from django.utils.http import http_date
from django.utils.translation import get_language_from_path

from .keys import MAX_QUERY_STRING, canonical_query, declared_query, page_key, view_of, without_tracking
from .tags import page_tags
from .trouble import cache_failed, cache_is_resting
from .versions import GENERATION, CacheResting, current_versions

MAX_ENTRY_BYTES = 4 * 1024 * 1024  # a bigger response is served, not stored
STARTED = int(time.time())  # a new release may render differently: its pages date from no earlier


def last_modified(versions, changed=None):
    """The time of the newest change a page shows, as Last-Modified, when it is safe to send.

    `changed` (a timestamp) is when the page last changed by itself (see tags.changed_at). HTTP dates
    have whole seconds: a date is only sent once its second is over, so that any later change gets
    a later date and If-Modified-Since can never hide it.
    """
    newest = max(max(versions.values()) // 1_000_000_000, STARTED, int(changed or 0))
    return newest if time.time() >= newest + 1 else None


class PageCacheMiddleware:
    """Serve public pages from the cache; store fresh renders.

    `request.page_cache_shareable` is set on a page that is the same for every reader (served from
    the cache or fit to be stored): config/shared_cache.py offers those to the caches in front.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.timeout = settings.CACHE_SECONDS
        self.bypass_cookies = {settings.SESSION_COOKIE_NAME, getattr(settings, "MESSAGE_COOKIE_NAME", "messages")}

    def __call__(self, request):
        if request.method not in ("GET", "HEAD"):
            return self.get_response(request)
        query = self.page_query(request)  # for staff too: every reader's page sees the same parameters
        if query is None or not self.timeout or not self.may_be_cached(request) or cache_is_resting():
            return self.get_response(request)
        key = page_key(request, query)  # an unknown Host raises here, and gets its 400 as usual
        try:
            response = self.cached_response(key)
            generation = None if response else current_versions([GENERATION], rendering=True)[GENERATION]
        except CacheResting:
            return self.get_response(request)
        except Exception as error:  # noqa: BLE001 - without its cache the site still serves, just slower
            cache_failed("reading a page", error)
            return self.get_response(request)
        if response is not None:
            request.page_cache_shareable = True
            return self.mark(response, "hit")
        response = self.get_response(request)
        if getattr(request, "page_cache_site_wide", False):
            self.drop_language_vary(response)
        if self.is_storable(request, response):
            request.page_cache_shareable = True
            try:
                self.store(key, request, response, generation)
            except CacheResting:
                pass
            except Exception as error:  # noqa: BLE001
                cache_failed("storing a page", error)
        return response

    def may_be_cached(self, request):
        return not self.bypass_cookies.intersection(request.COOKIES)

    @staticmethod
    def page_query(request):
        """The query string of the page's key, and request.GET reduced to it; None: not for the cache.

        A view that declared its parameters sees only those. A page whose view declared nothing is
        looked up and stored only when the address has no parameter besides tracking ones.
        """
        view = view_of(request)
        if view is None:
            return None
        names = declared_query(view)
        if names is None and get_language_from_path(request.path_info) is None:
            return None  # not a page: the admin, the health check, robots.txt
        # A view outside the language prefix that declared what it shows (a sitemap) is the same
        # whatever language the browser asks for, though the locale middleware says it varies.
        request.page_cache_site_wide = names is not None and get_language_from_path(request.path_info) is None
        query = without_tracking(request.GET) if names is None else canonical_query(request, names)
        query._mutable = False
        request.GET = query  # what the view reads, and what the language switcher repeats
        if names is None and query:
            return None  # the view may read these parameters: it did not say
        encoded = query.urlencode()
        return encoded if len(encoded) <= MAX_QUERY_STRING else None

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
        return response

    def is_storable(self, request, response):
        if request.method != "GET" or response.status_code != 200 or response.streaming or response.cookies:
            return False
        if getattr(request, "cache_refused", False) or len(response.content) > MAX_ENTRY_BYTES:
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
        patch_cache_control(response, no_cache=True)  # browsers revalidate: 304 while unchanged
        response.headers["ETag"] = '"%s"' % hashlib.md5(response.content, usedforsecurity=False).hexdigest()
        if versions.pop(GENERATION) != generation:
            return  # content changed while this page rendered: it may show the old content
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
        self.mark(response, "miss")

    @staticmethod
    def drop_language_vary(response):
        vary = [v.strip() for v in cc_delim_re.split(response.get("Vary", "")) if v.strip()]
        kept = [v for v in vary if v.lower() != "accept-language"]
        if kept:
            response.headers["Vary"] = ", ".join(kept)
        elif "Vary" in response:
            del response.headers["Vary"]

    @staticmethod
    def mark(response, status):
        """Say where the page came from only where it is asked for (tests, DEBUG): readers are not told."""
        if settings.DEBUG or getattr(settings, "PAGE_CACHE_STATUS_HEADER", False):
            response.headers["X-Page-Cache"] = status
        return response

    @staticmethod
    def add_validators(response, versions, changed=None):
        modified = last_modified(versions, changed)
        if modified is not None:
            response.headers["Last-Modified"] = http_date(modified)
