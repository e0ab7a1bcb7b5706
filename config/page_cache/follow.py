"""Changes made by other processes, for a page cache private to this one (local memory).

Every process that writes content records the new versions in the database (versions.bump): the
admin's process (config/gunicorn_heavy.py, beside the readers' config/gunicorn.py), a second reader
process (WEB_CONCURRENCY=2), a scheduled command. With a shared cache (Redis) the other processes see
the change in the cache at once; with local memory they see it only here: each gunicorn worker reads
the database's versions every SYNC_SECONDS, in a thread (a greenlet under the gevent worker) of its
own, and gives a new version to each tag the database changed (versions.resync). So a publish made in
any process is seen by readers of every other within SYNC_SECONDS, plus the render of the page.

Readers never wait for this: a stored page is still served without the database; the check (one
small query a second per process, on a connection closed after it) runs beside them, and while the database is down it fails once in the log and tries again
RETRY_SECONDS later (tests/test_page_cache_follow.py; the two-process set-up:
tests/test_heavy_requests.py).
"""

import logging
import threading
import time

from django.conf import settings
from django.db import connections

from . import versions

SYNC_SECONDS = 1  # how long a change made in another process may take to reach this one's stored pages
LOG_SECONDS = 60  # an unexpected failure of the check is logged at most this often
SHARED_BACKENDS = ("RedisCache",)  # caches every process shares: nothing to follow

logger = logging.getLogger("config.page_cache")
_started = threading.Event()


def cache_is_private():
    """True when each process has a cache of its own (local memory, the default)."""
    return not settings.CACHES["default"]["BACKEND"].endswith(SHARED_BACKENDS)


def check_once():
    """One check of the database's versions; False when the database could not be read."""
    try:
        return versions.resync(following=True)
    finally:
        connections.close_all()  # this thread's connection only: one per check, none held between


def _follow():
    logged = None
    while True:
        time.sleep(SYNC_SECONDS)
        if versions.database_is_resting():
            continue  # the database failed a moment ago: leave it alone a while
        try:
            check_once()
        except Exception:  # noqa: BLE001 - the check must outlive any one failure, or pages stay stale
            if logged is None or time.monotonic() - logged > LOG_SECONDS:
                logged = time.monotonic()
                logger.exception("Could not check the page cache's versions against the database.")


def follow_other_processes():
    """Start following, once per process, when the cache is private to it (gunicorn's post_worker_init)."""
    if not cache_is_private() or not settings.CACHE_SECONDS or _started.is_set():
        return
    _started.set()
    threading.Thread(target=_follow, name="page-cache-follow", daemon=True).start()
