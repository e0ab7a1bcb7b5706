"""Whether a POST was sent from one of our own pages: the CSRF protection of forms on cached pages.

A form on a page that is cached whole and served to every reader (the "Was this page useful?"
question, the "Forget this site" button) cannot carry Django's per-visitor CSRF token: a cached token
would be another reader's, and varying the cache on Cookie would give every reader (they all have the
language cookie) a private copy, which is no cache at all. Instead we rely on headers a web page cannot
set: Sec-Fetch-Site (sent by every current browser), else Origin (sent with every POST since 2020),
else Referer, which our `same-origin` Referrer-Policy keeps for our own pages. A request with none of
them is refused.
"""

from urllib.parse import urlsplit

from django.conf import settings


def is_same_origin(request):
    """Whether the browser says this request was sent from one of our own pages."""
    fetch_site = request.headers.get("Sec-Fetch-Site")
    if fetch_site:
        return fetch_site == "same-origin"
    origin = request.headers.get("Origin")
    if origin and origin != "null":
        return _is_our_origin(origin, request)
    referer = request.headers.get("Referer")
    return bool(referer) and _is_our_origin(referer, request)


def _is_our_origin(url, request):
    parts = urlsplit(url)
    origin = f"{parts.scheme}://{parts.netloc}"
    return origin == f"{request.scheme}://{request.get_host()}" or origin in settings.CSRF_TRUSTED_ORIGINS
