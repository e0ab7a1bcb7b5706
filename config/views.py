"""Site-wide views outside the language prefix: `/`, `/healthz`, `/robots.txt`, `/sw.js`."""

from functools import lru_cache
from pathlib import Path

from django.contrib.staticfiles import finders
from django.db import connection, transaction
from django.http import HttpResponse, HttpResponseRedirect, JsonResponse
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.cache import patch_cache_control
from django.utils.translation import override
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe
from django.views.decorators.vary import vary_on_headers

from config import database
from config.language_negotiation import preferred_language

HEALTHZ_SECONDS = 0.5


# None of these needs a transaction (ATOMIC_REQUESTS would open one, and so reach the database).
@transaction.non_atomic_requests
@require_safe
@vary_on_headers("Accept-Language", "Cookie")
def language_redirect(request):
    """`/` sends a person to the language they chose before, or the best one their browser asks for."""
    with override(preferred_language(request)):
        return HttpResponseRedirect(reverse("site:home"))


@transaction.non_atomic_requests
@never_cache
@require_safe
def healthz(request):
    """For load balancers: 200 when this instance can reach its database, else 503 within a second
    (a hung database is given HEALTHZ_SECONDS, in the gevent worker; config/database)."""
    try:
        with database.deadline(HEALTHZ_SECONDS, "the health check", on_timeout=connection.close):
            database.check_available()
            with connection.cursor() as cursor:
                cursor.execute("SELECT 1")
    except Exception:  # noqa: BLE001 - any database failure means "take me out of rotation"
        response = JsonResponse({"status": "unavailable"}, status=503)
        response._has_been_logged = True  # config.database warns once per outage, not once per probe
        return response
    return JsonResponse({"status": "ok"})


@transaction.non_atomic_requests
@require_safe
def robots_txt(request):
    """Crawlers may read every public page; staff pages stay out. Points to the sitemap."""
    sitemap_url = request.build_absolute_uri(reverse("sitemap"))
    return HttpResponse(render_to_string("robots.txt", {"sitemap_url": sitemap_url}), content_type="text/plain; charset=utf-8")


@lru_cache(maxsize=1)
def _service_worker_source():
    return Path(finders.find("js/sw.js")).read_bytes()


@transaction.non_atomic_requests
@require_safe
def service_worker(request):
    """The offline service worker, served from the root so that it may look after every page."""
    response = HttpResponse(_service_worker_source(), content_type="text/javascript; charset=utf-8")
    patch_cache_control(response, no_cache=True)  # a new release's worker is picked up at once
    return response
