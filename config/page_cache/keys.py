"""The key of a stored page: the release, the address, the query parameters its view reads, the encoding.

A view says which query parameters it reads (`depends_on(..., query=("city", "service"))`; none by
default). Only those are in the key, and only those reach the view: a link shared with
`?fbclid=…`, `?utm_source=…` or any parameter the page does not read gets the same stored page as
the plain address, so a burst of unique tracking parameters is served from the cache and adds no
entry. Parameters are put in a fixed order and an empty value counts as absent.
"""

import hashlib
import re
from functools import lru_cache
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.http import QueryDict
from django.urls import Resolver404, get_resolver
from django.utils.translation import get_language_from_path, override

PAGE_KEY = "page-cache:page:%s"
MAX_QUERY_STRING = 1024  # pages asked for with longer (declared) parameters are served, not stored
_ACCEPTS_GZIP = re.compile(r"\bgzip\b")

# Parameters that ad and mail platforms add to links. No page reads them; the language switcher
# of a page whose view declares nothing leaves them out all the same.
TRACKING_PARAMETERS = re.compile(
    r"^(utm_.*|fbclid|gclid|gclsrc|dclid|gbraid|wbraid|msclkid|yclid|ysclid|mc_eid|mc_cid|igshid|_ga|_gl"
    r"|ttclid|twclid|li_fat_id|s_cid|ref_src)$",
    re.IGNORECASE,
)


def view_of(request):
    """The view that will answer this request, or None (an address that is not a page)."""
    return _view_at(get_resolver(getattr(request, "urlconf", None)), request.path_info)


# Resolving an address costs a third of serving a stored page; the same addresses are asked for
# again and again. Keyed by the resolver too, which Django replaces when the URLconf changes.
@lru_cache(maxsize=4096)
def _view_at(resolver, path):
    language = get_language_from_path(path)
    try:
        # i18n_patterns match only the active language's prefix: resolve in the address's language.
        with override(language or settings.LANGUAGE_CODE):
            return resolver.resolve(path).func
    except Resolver404:
        return None


def declared_query(view):
    """The query parameters the view reads, or None when it did not say (see module docstring)."""
    return getattr(view, "page_cache_query", None)


def canonical_query(request, names):
    """The request's query reduced to the parameters `names`, in a fixed order, empty ones dropped."""
    query = QueryDict(mutable=True)
    for name in sorted(names):
        value = request.GET.get(name, "")
        if value:
            query[name] = value  # the last value, as request.GET.get reads it
    return query


def without_tracking(query):
    """A copy of a QueryDict without the parameters of TRACKING_PARAMETERS."""
    kept = query.copy()
    for name in list(kept):
        if TRACKING_PARAMETERS.match(name):
            del kept[name]
    return kept


def page_key(request, query_string):
    gzip = bool(_ACCEPTS_GZIP.search(request.META.get("HTTP_ACCEPT_ENCODING", "")))
    raw = f"{code_fingerprint()}|{request.scheme}|{request.get_host()}|{request.path}|{query_string}|{gzip}"
    return PAGE_KEY % hashlib.sha1(raw.encode()).hexdigest()


@lru_cache(maxsize=1)
def code_fingerprint():
    """A fingerprint of this release's code, templates, translations and static files.

    Part of every page key, so pages stored by an older release are never served after a deploy.
    """
    base = Path(settings.BASE_DIR)
    roots = [base / "config", *(Path(d) for d in settings.TEMPLATES[0]["DIRS"]), *map(Path, settings.LOCALE_PATHS)]
    roots += [Path(app.path) for app in apps.get_app_configs() if Path(app.path).parent == base]
    digest = hashlib.sha1()
    for root in roots:
        for path in sorted(root.rglob("*")):
            if path.suffix in {".py", ".html", ".txt", ".mo"} and path.is_file():
                digest.update(str(path.relative_to(base)).encode() + path.read_bytes())
    manifest = Path(settings.STATIC_ROOT) / "staticfiles.json"
    if manifest.is_file():
        digest.update(manifest.read_bytes())
    return digest.hexdigest()[:16]
