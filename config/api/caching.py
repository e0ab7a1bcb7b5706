"""The page cache for API answers: the same tags, keys, ETag and Last-Modified as the reader pages.

The page cache reads `page_cache_query` from the Django view an address resolves to, before the view
runs; django-ninja makes that view itself, one per path. An operation marked `@cached(...)` is
recorded here by name, and `cacheable(patterns)` copies what it reads onto its path's view.
"""

from functools import wraps

from django.db import transaction
from django.views.decorators.cache import never_cache
from ninja.decorators import decorate_view

from config.page_cache import declare

READING = frozenset({"GET", "HEAD"})
QUERY_BY_NAME = {}  # operation (URL) name -> the query parameters its answer reads


def cached(*tags, query=()):
    """Operation decorator: stored like a page that shows these tags and reads these parameters."""

    def decorator(operation):
        QUERY_BY_NAME[operation.__name__] = tuple(query)

        def declaring(run):
            @wraps(run)
            def wrapped(request, *args, **kwargs):
                declare(request, *tags)
                return run(request, *args, **kwargs)

            return wrapped

        return decorate_view(declaring)(operation)

    return decorator


def private(operation):
    """Operation decorator: what a person sent about themselves; never stored by anyone (no-store)."""
    return decorate_view(never_cache)(operation)


def cacheable(patterns):
    """The URL patterns, each cached operation's view marked with the parameters it reads.

    Every operation only reads (the plan too): no transaction, whose savepoints would spend the query budget.
    """
    for pattern in patterns:
        transaction.non_atomic_requests(pattern.callback)
        query = QUERY_BY_NAME.get(pattern.name)
        if query is not None:
            pattern.callback.page_cache_query = query
    return patterns


def readable_anywhere(request, response):
    """CORS for reading: any website may read what the API gives everyone (GET); no credentials, no POST."""
    if request.method in READING:
        response["Access-Control-Allow-Origin"] = "*"
    return response
