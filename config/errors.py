"""Error pages that help a person on, in their language, with the quick exit.

The pages for a failing database (503), a server error (500) and a request that cannot be served
(400, 403, 404 from the proxy, 405, 413, 414, 431, 429) are rendered without the database
(templates/error_base.html): no context processors, the hotline from settings. The same pages are
written to static files for nginx (`render_error_pages`) and written by gunicorn itself for
requests Django never sees (config/serving.py).
"""

import sys

import phonenumbers
from django.conf import settings
from django.core.exceptions import RequestDataTooBig
from django.http import HttpResponse
from django.shortcuts import render
from django.template import loader
from django.urls import reverse
from django.utils.translation import get_language, get_language_bidi, get_language_from_path, gettext, override, pgettext
from django.utils.translation import gettext_lazy as _

from config import database

TRY_AGAIN_SECONDS = 30  # Retry-After on a 503: a database outage is usually a restart
_GO_BACK = _("Please go back and try again, or start from the home page.")
_TOO_LONG = (_("This address is too long"), _GO_BACK)
REQUEST_ERRORS = {
    400: (_("This request could not be read"), _GO_BACK),
    403: (_("This request was refused"), _GO_BACK),
    404: (_("We could not find this page"), _GO_BACK),  # nginx's own (a missing static file); the site's is 404.html
    405: (_("This page cannot be used this way"), _GO_BACK),
    413: (_("What was sent is too large"), _GO_BACK),
    414: _TOO_LONG,
    431: _TOO_LONG,
    429: (_("Too many requests in a short time"), _("Please wait a few seconds and try again.")),
}
ADMIN_PREFIX = "/admin/"


def hotline():
    """The UNHCR hotline for pages that cannot read the directory (settings.HOTLINE_PHONE)."""
    number = phonenumbers.parse(settings.HOTLINE_PHONE)
    return {
        "tel": phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164),
        "display": phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.INTERNATIONAL),
    }


def page_language(request):
    """The language of the page asked for; else the one the request runs in (the admin's)."""
    return get_language_from_path(request.path_info) or get_language() or settings.LANGUAGE_CODE


def page_context(language):
    """What error_base.html needs, none of it from the database."""
    return {"hotline": hotline(), "home_url": home_url(language), "quick_exit_url": settings.QUICK_EXIT_URL}


def home_url(language):
    with override(language):
        return reverse("site:home")


def not_found(request, exception=None):
    return render(request, "404.html", {"last_updated": None}, status=404)


def permission_denied(request, exception=None):
    """403: in the admin, the admin's own page in the staff member's language, with the way home; elsewhere the
    short page of a request that cannot be served."""
    user = getattr(request, "user", None)
    if request.path_info.startswith(ADMIN_PREFIX) and user is not None and user.is_active and user.is_staff:
        from django.contrib import admin

        context = {**admin.site.each_context(request), "title": gettext("You may not open this page")}
        return render(request, "admin/403.html", context, status=403)
    return request_error(request, 403)


def server_error(request):
    if database.is_database_failure(sys.exc_info()[1]):
        return unavailable(request)  # e.g. a session saved as the database went away
    # No context processors: the database may be what failed.
    language = page_language(request)
    with override(language):
        return HttpResponse(loader.get_template("500.html").render(page_context(language)), status=500)


def request_error(request, status, **headers):
    response = HttpResponse(request_error_page(status, page_language(request)), status=status, headers=headers)
    response["Cache-Control"] = "no-store"
    return response


def bad_request(request, exception=None):
    # Django reads a body over DATA_UPLOAD_MAX_MEMORY_SIZE as a bad request; tell the person what it was.
    return request_error(request, 413 if isinstance(exception, RequestDataTooBig) else 400)


def csrf_failure(request, reason=""):
    """CSRF_FAILURE_VIEW: a form sent from elsewhere, or without its token (the admin's forms)."""
    return request_error(request, 403)


def method_not_allowed(request, allowed):
    return request_error(request, 405, Allow=", ".join(allowed))


def unavailable_page(language):
    """The 503 page: try again, and the hotline meanwhile."""
    with override(language):
        return loader.get_template("503.html").render(page_context(language))


def unavailable(request):
    response = HttpResponse(unavailable_page(page_language(request)), status=503)
    response["Retry-After"] = str(TRY_AGAIN_SECONDS)
    response["Cache-Control"] = "no-store"
    response._has_been_logged = True  # config.database warns once per outage, not once per request
    return response


def request_error_page(status, language=None):
    """A short page for a request that cannot be served: in `language`, or in every language when
    the request was too broken to tell which (gunicorn and nginx answer before any URL is read)."""
    title, advice = REQUEST_ERRORS[status]
    languages = [language] if language else [code for code, _name in settings.LANGUAGES]
    sections = []
    for code in languages:
        with override(code):
            sections.append({"language": code, "bidi": get_language_bidi(), "title": str(title), "advice": str(advice),
                             "home": gettext("Home"), "home_url": home_url(code) if language else "/",
                             "exit": pgettext("quick exit", "Exit this page")})
    with override(languages[0]):
        context = {**page_context(languages[0]), "sections": sections, "status": status}
        if not language:
            context["home_url"] = "/"
        return loader.get_template("request_error.html").render(context)


def protocol_error_page(status):
    """The page for a request refused before any URL was read (gunicorn, nginx): every language."""
    if status >= 500:
        return unavailable_page(settings.LANGUAGE_CODE)
    return request_error_page(status if status in REQUEST_ERRORS else 400)


class ErrorPagesMiddleware:
    """An error answered without a body (a 405 from `require_http_methods` or a class-based view, a
    bare 403) gets the short page in the language of the request, with the quick exit."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if response.status_code in (403, 405) and not response.streaming and not response.content:
            allowed = [method.strip() for method in response.get("Allow", "").split(",") if method.strip()]
            return method_not_allowed(request, allowed) if response.status_code == 405 else permission_denied(request)
        return response


class DatabaseUnavailableMiddleware:
    """A view that cannot reach the database answers the 503 page rather than a 500."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if database.is_database_failure(exception):
            return unavailable(request)
        return None
