"""The UNHCR hotline, shown on every page."""

import logging

from django.conf import settings
from django.core.cache import cache
from django.utils.functional import SimpleLazyObject

from config.page_cache import HOTLINE, current_versions

from .models import Office

HOTLINE_CACHE_KEY = "offices:hotlines:%s"
logger = logging.getLogger(__name__)


def current_hotlines():
    # Keyed by the hotline's version in the page cache: any change to an office gives a new key,
    # in every process that shares the cache.
    try:
        key = HOTLINE_CACHE_KEY % current_versions([HOTLINE])[HOTLINE]
        hotlines = cache.get(key)
    except Exception:  # noqa: BLE001 - without the cache, read the database
        logger.exception("Cache unavailable")
        return list(Office.objects.hotlines())
    if hotlines is None:
        hotlines = list(Office.objects.hotlines())
        cache.set(key, hotlines, settings.CACHE_SECONDS or None)
    return hotlines


def hotline(request):
    # Read when a template shows it: a page whose view has the hotline already (the city page) skips the query.
    return {"hotline": SimpleLazyObject(lambda: next(iter(current_hotlines()), None))}
