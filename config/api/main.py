"""The API object (django-ninja): its routers, JSON in UTF-8, CORS for reading, errors in the reader's language."""

import json

from django.http import Http404
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import override
from ninja import NinjaAPI
from ninja.errors import HttpError, ValidationError
from ninja.renderers import JSONRenderer
from ninja.responses import NinjaJSONEncoder

from . import directory, hsds, pages, plan, schemas
from .caching import cached, readable_anywhere
from .docs import PlainDocs, in_asked_language
from .languages import LANGUAGE_CODES, answer_language

VERSION = "v1"
NOT_FOUND = _("Nothing was found at this address.")
UNREADABLE = _("This request could not be read")
NOT_VALID = _("This value is missing or not valid.")


class Utf8Renderer(JSONRenderer):
    """Cyrillic, Arabic and Chinese as they are, not as \\u escapes: a third of the bytes."""

    json_dumps_params = {"ensure_ascii": False, "separators": (",", ":")}
    encoder_class = NinjaJSONEncoder


class ContentApi(NinjaAPI):
    def create_response(self, request, data, *, status=None, temporal_response=None):
        response = super().create_response(request, data, status=status, temporal_response=temporal_response)
        return readable_anywhere(request, response)


def error(request, status, detail, errors=None):
    with override(answer_language(request)):
        body = {"status": status, "detail": str(detail), "errors": {k: [str(m) for m in v] for k, v in (errors or {}).items()}}
    return api.create_response(request, body, status=status)


api = ContentApi(
    title="Help for refugees in Kazakhstan: content API",
    version=VERSION,
    description=(
        "Read-only: guidance pages, cities and their doors, notices, in nine languages; the personal plan (POST, "
        "never stored); the directory as the Open Referral HSDS 3.0 API profile under /api/v1/hsds/. Errors are JSON "
        "in the address's language, else ?lang=, else Accept-Language."
    ),
    urls_namespace="api",
    renderer=Utf8Renderer(),
    docs=PlainDocs(),
    docs_url="/docs/",
    openapi_url="/openapi.json",
    docs_decorator=in_asked_language,  # the description changes with the code only
)
api.add_router("/", pages.router)
api.add_router("/", directory.router)
api.add_router("/", plan.router)
api.add_router("/hsds", hsds.router)


@api.get("/", response=schemas.Index, summary="What this API offers", tags=["index"])
@cached()
def index(request):
    absolute = request.build_absolute_uri
    return {
        "version": VERSION,
        "languages": list(LANGUAGE_CODES),
        "openapi": absolute(reverse("api:openapi-json")),
        "docs": absolute(reverse("api:openapi-view")),
        "hsds": absolute(reverse("api:hsds_root")),
        "endpoints": {
            "pages": absolute(reverse("api:pages", kwargs={"lang": "en"})),
            "cities": absolute(reverse("api:cities", kwargs={"lang": "en"})),
            "notices": absolute(reverse("api:notices", kwargs={"lang": "en"})),
            "plan": absolute(reverse("api:plan", kwargs={"lang": "en"})),
        },
    }


@api.exception_handler(Http404)
def not_found(request, exc):
    return error(request, 404, NOT_FOUND)


@api.exception_handler(ValidationError)
def not_valid(request, exc):
    fields = {str(item.get("loc", ["body"])[-1]): [NOT_VALID] for item in exc.errors}
    return error(request, 400, UNREADABLE, fields)


@api.exception_handler(plan.InvalidQuestion)
def invalid_question(request, exc):
    return error(request, 400, UNREADABLE, exc.errors)


@api.exception_handler(HttpError)
def http_error(request, exc):
    return error(request, exc.status_code, UNREADABLE if exc.status_code == 400 else NOT_FOUND)


def not_found_anywhere(request, exception=None):
    """The 404 of an /api/ address that matches no operation (config/urls.py's handler404 asks)."""
    return error(request, 404, NOT_FOUND)


def openapi_document():
    return json.loads(json.dumps(api.get_openapi_schema(), cls=NinjaJSONEncoder))


