"""Remember the language a person last read in, so `/` brings them back to it; choose the language
of addresses without one; compress safely."""

from django.conf import settings
from django.middleware import locale
from django.middleware.gzip import GZipMiddleware
from django.utils import translation
from django.utils.translation import get_language_from_path

from config.language_negotiation import preferred_language


class RememberLanguageMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        language = get_language_from_path(request.path_info)
        if (
            language
            and response.status_code == 200
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
        if settings.CSRF_COOKIE_NAME in response.cookies:
            return response
        return super().process_response(request, response)
