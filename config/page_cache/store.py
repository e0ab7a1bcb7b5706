"""The cache backends the settings use: Django's own, with the two things the page cache needs.

- `BoundedLocMemCache`: local memory bounded by bytes as well as entries (`MAX_BYTES`), evicting
  the least recently read entry one at a time. Django's LocMemCache counts entries only and, when
  full, drops a third of them at once: one crawl of a large site would empty it.
- `RedisCache`: one pool of connections per process, and the page cache told which Redis server
  run each new connection reached (its `run_id`), because a Redis that restarted (from its
  snapshot, or empty) may hold versions older than the database's (versions.py). Redis bounds
  itself: see docs/operations.md for `maxmemory` and `allkeys-lru`.
"""

import threading
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


def _server_run(connection):
    """The `run_id` of the Redis server run this connection reached; None if it will not say.

    A restart, with or without its snapshot, and a failover to a replica both give a new run_id.
    """
    import redis

    try:
        connection.send_command("INFO", "server", check_health=False)
        info = connection.read_response()
    except redis.ResponseError:  # INFO renamed away, or a proxy that does not pass it on
        return None
    text = info.decode() if isinstance(info, bytes) else str(info)
    for line in text.splitlines():
        if line.startswith("run_id:"):
            return line.partition(":")[2].strip()
    return None


def _announcing(connection_class):
    """A redis-py connection class that tells the page cache which server run it connected to."""

    class Announcing(connection_class):
        def on_connect_check_health(self, *args, **kwargs):
            super().on_connect_check_health(*args, **kwargs)
            from .versions import connected_to

            connected_to(_server_run(self))

    Announcing.__name__ = f"Announcing{connection_class.__name__}"
    return Announcing


_clients = {}  # one Redis client, and so one pool of connections, per location and options
_clients_lock = threading.Lock()
# Settings name one or two caches; tests switch between many servers. Should an option's repr not
# be stable (an object shown by its address), the oldest clients go rather than one per request stay.
MAX_CLIENTS = 8


class RedisCache(DjangoRedisCache):
    """Django's Redis cache, sharing its connections between the requests of a process.

    Django keeps a cache object per thread, and the gevent worker serves each client connection in
    a greenlet of its own, which counts as a thread: with Django's own class each client connection
    opened (and announced) a new connection to Redis. redis-py's pool is safe to share; sharing it keeps
    the connections open from one request to the next.
    """

    def __init__(self, server, params):
        import redis
        from redis.backoff import NoBackoff
        from redis.retry import Retry

        self._location_key = (repr(server), repr(sorted(params.get("OPTIONS", {}).items())))
        scheme = urlsplit(server if isinstance(server, str) else server[0]).scheme
        base = {"unix": redis.UnixDomainSocketConnection, "rediss": redis.SSLConnection}.get(scheme, redis.Connection)
        # One retry, at once: enough to reconnect after Redis restarted; a Redis that does not answer
        # costs one socket timeout, then the page cache leaves it alone a while (trouble.py).
        options = {"connection_class": _announcing(base), "retry": Retry(NoBackoff(), 1), **params.get("OPTIONS", {})}
        super().__init__(server, {**params, "OPTIONS": options})

    @property
    def _cache(self):
        client = _clients.get(self._location_key)
        if client is None:
            with _clients_lock:
                client = _clients.get(self._location_key)
                if client is None:
                    while len(_clients) >= MAX_CLIENTS:
                        _clients.pop(next(iter(_clients)))
                    client = _clients[self._location_key] = self._class(self._servers, **self._options)
        return client
