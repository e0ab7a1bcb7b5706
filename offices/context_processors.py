"""The UNHCR hotline, shown on every page."""

from django.core.cache import cache

from .models import Office

HOTLINE_CACHE_KEY = "offices:hotlines:v1"


def current_hotlines():
    hotlines = cache.get(HOTLINE_CACHE_KEY)
    if hotlines is None:
        hotlines = list(Office.objects.hotlines())
        cache.set(HOTLINE_CACHE_KEY, hotlines, None)
    return hotlines


def forget_hotlines(**kwargs):
    cache.delete(HOTLINE_CACHE_KEY)


def hotline(request):
    hotlines = current_hotlines()
    return {"hotline": hotlines[0] if hotlines else None}
