"""Error pages that help a person on, in their language.

The pages for a failing database (503), a server error (500) and a request that cannot be served
(400, 413, 414, 431, 429) are rendered without the database: no context processors, the hotline
from settings. The same pages are written to static files for nginx (`render_error_pages`) and
written by gunicorn itself for requests Django never sees (config/serving.py).
"""

import sys

import phonenumbers
from django.conf import settings
from django.contrib import admin
from django.http import HttpResponse
from django.shortcuts import render
from django.template import loader
from django.urls import reverse
from django.utils.translation import get_language_bidi, get_language_from_path, gettext, override
from django.utils.translation import gettext_lazy as _
from django.views import defaults

from config import database

TRY_AGAIN_SECONDS = 30  # Retry-After on a 503: a database outage is usually a restart
_GO_BACK = _("Please go back and try again, or start from the home page.")
_TOO_LONG = (_("This address is too long"), _GO_BACK)
REQUEST_ERRORS = {
    400: (_("This request could not be read"), _GO_BACK),
    413: (_("What was sent is too large"), _GO_BACK),
    414: _TOO_LONG,
    431: _TOO_LONG,
    429: (_("Too many requests in a short time"), _("Please wait a few seconds and try again.")),
}


def hotline():
    """The UNHCR hotline for pages that cannot read the directory (settings.HOTLINE_PHONE)."""
    number = phonenumbers.parse(settings.HOTLINE_PHONE)
    return {
        "tel": phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164),
        "display": phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.INTERNATIONAL),
    }


def page_language(request):
    return get_language_from_path(request.path_info) or settings.LANGUAGE_CODE


def home_url(language):
    with override(language):
        return reverse("site:home")


def not_found(request, exception=None):
    return render(request, "404.html", {"last_updated": None}, status=404)


def permission_denied(request, exception=None):
    """The admin answers a refusal with a page of its own, in the admin's language; elsewhere Django's."""
    if request.path_info.startswith("/admin/"):
        context = {**admin.site.each_context(request), "title": gettext("You may not open this page")}
        return render(request, "admin/403.html", context, status=403)
    return defaults.permission_denied(request, exception)


def server_error(request):
    if database.is_database_failure(sys.exc_info()[1]):
        return unavailable(request)  # e.g. a session saved as the database went away
    # No context processors: the database may be what failed.
    return HttpResponse(loader.get_template("500.html").render({"hotline": hotline()}), status=500)


def bad_request(request, exception=None):
    return HttpResponse(request_error_page(400, page_language(request)), status=400)


def unavailable_page(language):
    """The 503 page: try again, and the hotline meanwhile."""
    with override(language):
        return loader.get_template("503.html").render({"hotline": hotline(), "home_url": home_url(language)})


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
                             "home": gettext("Home"), "home_url": home_url(code) if language else "/"})
    return loader.get_template("request_error.html").render({"sections": sections, "status": status})


def protocol_error_page(status):
    """The page for a request refused before any URL was read (gunicorn, nginx): every language."""
    if status >= 500:
        return unavailable_page(settings.LANGUAGE_CODE)
    return request_error_page(status if status in REQUEST_ERRORS else 400)


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
