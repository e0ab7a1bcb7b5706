"""The cache backends the settings use: Django's own, with the two things the page cache needs.

- `BoundedLocMemCache`: local memory bounded by bytes as well as entries (`MAX_BYTES`), evicting
  the least recently read entry one at a time. Django's LocMemCache counts entries only and, when
  full, drops a third of them at once: one crawl of a large site would empty it.
- `RedisCache`: tells the page cache whenever it opens a new connection to Redis, because a Redis
  that restarted (from its snapshot, or empty) may hold versions older than the database's
  (versions.py). Redis bounds itself: see the README for `maxmemory` and `allkeys-lru`.
"""

from urllib.parse import urlsplit

from django.core.cache.backends import locmem
from django.core.cache.backends.redis import RedisCache as DjangoRedisCache

DEFAULT_MAX_BYTES = 64 * 1024 * 1024

_sizes = {}  # bytes held, per cache name (as Django keeps the entries themselves per name)


class BoundedLocMemCache(locmem.LocMemCache):
    def __init__(self, name, params):
        super().__init__(name, params)
        options = params.get("OPTIONS", {})
        self._max_bytes = int(params.get("max_bytes", options.get("MAX_BYTES", DEFAULT_MAX_BYTES)))
        self._sizes = _sizes.setdefault(name, {"total": 0, "each": {}})

    def _set(self, key, value, timeout=locmem.DEFAULT_TIMEOUT):
        size = len(key) + len(value)
        self._forget(key)
        while self._cache and (len(self._cache) >= self._max_entries or self._sizes["total"] + size > self._max_bytes):
            self._evict_one()
        super()._set(key, value, timeout)
        self._sizes["each"][key] = size
        self._sizes["total"] += size

    def _evict_one(self):
        key, _value = self._cache.popitem()  # the least recently read: reads move an entry to the front
        del self._expire_info[key]
        self._forget(key)

    def _cull(self):
        self._evict_one()

    def _forget(self, key):
        self._sizes["total"] -= self._sizes["each"].pop(key, 0)

    def _delete(self, key):
        self._forget(key)
        return super()._delete(key)

    def clear(self):
        with self._lock:
            self._cache.clear()
            self._expire_info.clear()
            self._sizes["each"].clear()
            self._sizes["total"] = 0

    @property
    def bytes_held(self):
        return self._sizes["total"]


def _announcing(connection_class):
    """A redis-py connection class that tells the page cache each time it connects."""

    class Announcing(connection_class):
        def on_connect_check_health(self, *args, **kwargs):
            super().on_connect_check_health(*args, **kwargs)
            from .versions import resync_later

            resync_later(periodic=True)

    Announcing.__name__ = f"Announcing{connection_class.__name__}"
    return Announcing


class RedisCache(DjangoRedisCache):
    def __init__(self, server, params):
        import redis
        from redis.backoff import NoBackoff
        from redis.retry import Retry

        scheme = urlsplit(server if isinstance(server, str) else server[0]).scheme
        base = {"unix": redis.UnixDomainSocketConnection, "rediss": redis.SSLConnection}.get(scheme, redis.Connection)
        # One retry, at once: enough to reconnect after Redis restarted; a Redis that does not answer
        # costs one socket timeout, then the page cache leaves it alone a while (trouble.py).
        options = {"connection_class": _announcing(base), "retry": Retry(NoBackoff(), 1), **params.get("OPTIONS", {})}
        super().__init__(server, {**params, "OPTIONS": options})
