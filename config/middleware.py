"""Remember the language a person last read in, so `/` brings them back to it; compress safely."""

from django.conf import settings
from django.middleware.gzip import GZipMiddleware
from django.utils.translation import get_language_from_path


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


class GZipWithoutSecretsMiddleware(GZipMiddleware):
    """Compress responses, except those that carry a CSRF token (BREACH: a compressed secret
    next to text an attacker controls leaks through the response size)."""

    def process_response(self, request, response):
        if settings.CSRF_COOKIE_NAME in response.cookies:
            return response
        return super().process_response(request, response)
