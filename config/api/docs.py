"""The API's own documentation page: plain HTML made from the OpenAPI description, no script, nothing from another site.

django-ninja's Swagger and Redoc pages load a megabyte of JavaScript (from a CDN unless ninja is an
installed app); the site promises no third-party request and readers' pages under 10 KB of script.
"""

from functools import wraps

from django.conf import settings
from django.shortcuts import render
from django.utils.translation import override
from ninja.openapi.docs import DocsBase

from config.page_cache import depends_on

from .caching import readable_anywhere
from .languages import LANGUAGE_CODES


class PlainDocs(DocsBase):
    def render_page(self, request, api, **kwargs):
        schema = api.get_openapi_schema()
        operations = [
            {"method": method.upper(), "path": path, "summary": operation.get("summary", ""),
             "parameters": [p["name"] for p in operation.get("parameters", []) if p.get("in") == "query"]}
            for path, methods in schema["paths"].items()
            for method, operation in methods.items()
        ]
        return render(
            request,
            "api/docs.html",
            {"api": schema["info"], "operations": operations, "openapi_url": self.get_openapi_url(api, kwargs)},
        )


def in_asked_language(view):
    """The description and its page: in ?lang= (English by default), stored once per language, never by header."""

    @depends_on(query=("lang",))
    @wraps(view)
    def wrapped(request, *args, **kwargs):
        asked = request.GET.get("lang", "")
        with override(asked if asked in LANGUAGE_CODES else settings.LANGUAGE_CODE):
            return readable_anywhere(request, view(request, *args, **kwargs))

    return wrapped
