"""Cache-Control for the shared caches in front of the site: the shipped nginx (config/nginx/) or a CDN.

A page the page cache found to be the same for every reader (served from it, or fit to be stored:
`request.page_cache_shareable`) and that sets no cookie is offered to shared caches:

    Cache-Control: public, max-age=0, s-maxage=3, stale-while-revalidate=2, stale-if-error=86400

Browsers still ask every time (`max-age=0`, 304 while unchanged). A shared cache may answer from
its copy for PROXY_CACHE_SECONDS (`s-maxage`), then for STALE_WHILE_REVALIDATE more while it fetches
a fresh copy, so a reader gets a page at most s-maxage + stale-while-revalidate (5 s) older than
the last publish; while the site cannot answer at all it may serve its copy for a day
(`stale-if-error`). Private pages (search, the staff admin, anything with a session) and any
response that sets a cookie (the language cookie on a first visit included) keep their own
Cache-Control, which a shared cache must not serve from its copy without asking.
"""

from django.conf import settings
from django.utils.cache import patch_cache_control

STALE_WHILE_REVALIDATE = 2  # seconds after s-maxage during which a proxy may serve its copy while it refreshes
STALE_IF_ERROR = 60 * 60 * 24  # a day of outage during which a proxy may still show the last page


class SharedCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        seconds = settings.PROXY_CACHE_SECONDS
        if (
            seconds
            and response.status_code in (200, 304)
            and getattr(request, "page_cache_shareable", False)
            and not response.cookies
        ):
            del response["Cache-Control"]
            patch_cache_control(
                response, public=True, max_age=0, s_maxage=seconds,
                stale_while_revalidate=STALE_WHILE_REVALIDATE, stale_if_error=STALE_IF_ERROR,
            )
        return response
