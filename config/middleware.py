"""Site-wide response plumbing: the language cookie, the language of addresses without one, safe
compression, privacy headers, and the methods each page serves."""

from django.conf import settings
from django.http import HttpResponseNotAllowed
from django.middleware import locale
from django.middleware.gzip import GZipMiddleware
from django.utils import translation
from django.utils.cache import patch_cache_control, set_response_etag
from django.utils.translation import get_language_from_path
from django.views.decorators.http import require_http_methods

from config.language_negotiation import preferred_language

# No page needs a camera, a microphone, the reader's location or any advertising interest API.
PERMISSIONS_POLICY = ", ".join(
    f"{feature}=()"
    for feature in (
        "accelerometer", "attribution-reporting", "browsing-topics", "camera", "display-capture",
        "geolocation", "gyroscope", "interest-cohort", "join-ad-interest-group", "magnetometer",
        "microphone", "midi", "payment", "run-ad-auction", "usb",
    )
)
PAGE_METHODS = frozenset({"GET", "HEAD"})  # what a public page serves unless its view says more (`serves`)
OTHER_METHODS = frozenset({"GET", "HEAD", "POST"})  # the admin's forms; no URL serves PUT, OPTIONS, TRACE…


class RememberLanguageMiddleware:
    """Remember the language a person last read in, so `/` brings them back to it."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        language = get_language_from_path(request.path_info)
        if (
            language
            and response.status_code == 200
            and "Clear-Site-Data" not in response  # "forget this site" must not leave a new cookie
            # A private page (the personal plan) leaves nothing on the phone, not even a cookie.
            and "no-store" not in response.get("Cache-Control", "")
            and request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME) != language
        ):
            response.set_cookie(
                settings.LANGUAGE_COOKIE_NAME,
                language,
                max_age=settings.LANGUAGE_COOKIE_AGE,
                path=settings.LANGUAGE_COOKIE_PATH,
                samesite=settings.LANGUAGE_COOKIE_SAMESITE,
                secure=settings.LANGUAGE_COOKIE_SECURE,
                httponly=True,
            )
        return response


class LocaleMiddleware(locale.LocaleMiddleware):
    """Django's, with our Accept-Language negotiation where the address names no language: the admin,
    and the redirect of an address without its language (`/guidance/refugees/` -> `/prs/guidance/...`)."""

    def process_request(self, request):
        super().process_request(request)
        if not get_language_from_path(request.path_info):
            translation.activate(preferred_language(request))
            request.LANGUAGE_CODE = translation.get_language()


class GZipWithoutSecretsMiddleware(GZipMiddleware):
    """Compress responses, except those that carry a CSRF token (BREACH: a compressed secret
    next to text an attacker controls leaks through the response size)."""

    def process_response(self, request, response):
        if settings.CSRF_COOKIE_NAME in response.cookies or response.has_header("Accept-Ranges"):
            return response  # ranges count the bytes of the file itself, and audio does not shrink
        # The ETag of what the page says, not of its compressed bytes: Django pads each gzip answer
        # with random bytes (BREACH), so an ETag taken after compression (ConditionalGetMiddleware)
        # changed every time and never answered 304. Compression makes this one weak.
        cache_control = response.get("Cache-Control", "")
        if (not response.streaming and response.status_code == 200 and not response.has_header("ETag")
                and "no-store" not in cache_control and "gzip" in request.META.get("HTTP_ACCEPT_ENCODING", "")):
            set_response_etag(response)
        return super().process_response(request, response)


class PrivacyHeadersMiddleware:
    """Permissions-Policy and Cross-Origin-Resource-Policy on every response (static files too), and
    `Cache-Control: private` on any response that sets a cookie, so that no shared cache and no
    offline copy (static/js/sw.js, which cannot see Set-Cookie) keeps it.

    The language cookie is the one exception: it is set on public pages that are the same for every
    reader, and says no more than the page itself (its language).
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
        # Open data is meant to be read from other sites (Access-Control-Allow-Origin: *); the rest is ours.
        shared = response.get("Access-Control-Allow-Origin") == "*"
        response.headers.setdefault("Cross-Origin-Resource-Policy", "cross-origin" if shared else "same-origin")
        if set(response.cookies) - {settings.LANGUAGE_COOKIE_NAME}:
            patch_cache_control(response, private=True)
        return response


def serves(*methods):
    """View decorator: the page serves these methods besides GET and HEAD (e.g. POST for its form)."""
    allowed = sorted(PAGE_METHODS | set(methods))

    def decorator(view):
        view = require_http_methods(allowed)(view)
        view.serves_methods = frozenset(allowed)
        return view

    return decorator


class PageMethodsMiddleware:
    """405 for a method a page does not serve: a public page serves GET and HEAD unless its view says
    more with `@serves("POST")`; no address serves PUT, DELETE, OPTIONS, TRACE or the like."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if get_language_from_path(request.path_info):
            allowed = getattr(view_func, "serves_methods", PAGE_METHODS)
        else:
            allowed = getattr(view_func, "serves_methods", OTHER_METHODS)
        if request.method not in allowed:
            return HttpResponseNotAllowed(sorted(allowed))
        return None
