"""The UNHCR hotline, shown on every page."""

from django.conf import settings
from django.core.cache import cache
from django.utils.functional import SimpleLazyObject

from config.page_cache import HOTLINE, CacheResting, cache_failed, current_versions

from .models import Office

HOTLINE_CACHE_KEY = "offices:hotlines:%s"


def current_hotlines():
    # Keyed by the hotline's version in the page cache: any change to an office gives a new key,
    # in every process that shares the cache.
    try:
        key = HOTLINE_CACHE_KEY % current_versions([HOTLINE])[HOTLINE]
        hotlines = cache.get(key)
    except CacheResting:  # the cache failed a moment ago: read the database
        return list(Office.objects.hotlines())
    except Exception as error:  # noqa: BLE001 - without the cache, read the database
        cache_failed("reading the hotline", error)
        return list(Office.objects.hotlines())
    if hotlines is None:
        hotlines = list(Office.objects.hotlines())
        try:
            cache.set(key, hotlines, settings.CACHE_SECONDS or None)
        except Exception as error:  # noqa: BLE001
            cache_failed("storing the hotline", error)
    return hotlines


def hotline(request):
    # Read when a template shows it: a page whose view has the hotline already (the city page) skips the query.
    return {"hotline": SimpleLazyObject(lambda: next(iter(current_hotlines()), None))}
