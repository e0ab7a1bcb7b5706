"""Cache-Control for the shared caches in front of the site: the shipped nginx (config/nginx/) or a CDN.

A public page (one the page cache serves or stores, `X-Page-Cache`) that sets no cookie may be kept
by a shared cache for PROXY_CACHE_SECONDS (`s-maxage`), then served stale while the cache fetches
a fresh copy (`stale-while-revalidate`) or while the site cannot answer (`stale-if-error`). So a
publish reaches every reader within PROXY_CACHE_SECONDS plus one render, and a burst of readers
of one page is answered by the proxy. Browsers still ask every time (`max-age=0`): 304 while unchanged.

A response that sets a cookie (even the language one) is never marked for shared caches; the
shipped nginx sets the language cookie itself, outside its cache.
"""

from django.conf import settings
from django.utils.cache import patch_cache_control

STALE_IF_ERROR = 60 * 60 * 24  # a day of outage during which a proxy may still show the last page


class SharedCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        seconds = settings.PROXY_CACHE_SECONDS
        if seconds and response.status_code == 200 and response.get("X-Page-Cache") and not response.cookies:
            del response["Cache-Control"]
            patch_cache_control(response, max_age=0, s_maxage=seconds, stale_while_revalidate=seconds, stale_if_error=STALE_IF_ERROR)
        return response
