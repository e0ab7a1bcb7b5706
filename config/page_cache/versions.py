"""Tag versions: in the cache for speed, in the database for truth.

Each tag has a version in the cache. A stored page keeps the versions of its tags; one `get_many`
of the current versions tells whether it is still fresh. A change bumps the versions of its tags.

The cache alone cannot be trusted with them: a Redis restarted from its last snapshot (Redis's
default persistence) comes back with versions older than the last publish, next to the pages
stored under them, and would serve those pages as fresh. So every bump is also written to the
database (`ContentVersion`, in the transaction of the change), and the cache's versions are checked
against the database whenever they may have gone back:

- when this process connects to a Redis server run it has not checked against yet (its first
  connection, then a restart or a failover: see `store.RedisCache`), before the answer read over
  that connection is used;
- after the cache failed (a bump may not have reached it), once it answers again;
- on a page render (which reads the database anyway) at most every RESYNC_SECONDS;
- with a cache private to each process (local memory), every SYNC_SECONDS, outside any request:
  another process (a second reader process, the heavy requests' process of config/gunicorn_heavy.py,
  a scheduled command) writes its changes to the database only, and this is how they reach this
  process's stored pages (follow.py).

A tag the cache holds at or below the database's version gets a new version, so nothing stored
before is served. The database is read only then: a stored page is served without it.
"""

import logging
import threading
import time
from functools import partial

from django.core.cache import cache
from django.db import DatabaseError, transaction

from .trouble import after_each_failure, cache_failed, cache_is_resting

EVERYTHING = "everything"  # every page depends on it; bumped by content no table entry describes
ANY_CONTENT = "content"  # what a view that declares nothing depends on; bumped by any content change
HOTLINE = "hotline"  # every page shows the hotline
GENERATION = "generation"  # bumped by every change: a render that overlaps a change is not stored

TAG_KEY = "page-cache:tag:%s"
RESYNC_SECONDS = 30  # a render checks the cache's versions against the database at most this often
# After a failed check, readers are served from the cache without trying the database again for
# this long: with the database down or hung each try costs its connect timeout, and while it is
# down no publish can make the cache's versions older than the database's.
RETRY_SECONDS = 5

logger = logging.getLogger("config.page_cache")
_lock = threading.Lock()
# Local memory dies with its process and cannot go back; a shared cache (Redis) can, so its
# backend calls connected_to() on every new connection, the first one of a process included.
_sync = {"needed": False, "periodic": False, "checked": time.monotonic(), "retry_at": 0.0, "follow_failed": False}
# The Redis server run (its run_id) this process last connected to, and the one it last checked.
_server = {"seen": None, "checked": None}


def new_version():
    """A version is the time of the change in nanoseconds: unique, and it dates the change."""
    return time.time_ns()


def resync_later():
    """The cache's versions may have gone back (it failed a moment ago): check before trusting them."""
    _sync["needed"] = True


after_each_failure(resync_later)


def connected_to(server_run):
    """A new connection to the shared cache reached this server run (None: it did not say which).

    A connection to a run already checked needs nothing: its versions cannot have gone back
    (connections open and close as the load rises and falls). Any other may hold older ones.
    The cache is shared, so renders also check it now and then (RESYNC_SECONDS).
    """
    _server["seen"] = server_run
    _sync["periodic"] = True
    if server_run is None or server_run != _server["checked"]:
        _sync["needed"] = True


def current_versions(tags, *, rendering=False):
    """The current version of each tag; a tag never seen (or evicted) gets a new one.

    `rendering`: the caller is about to render from the database, so a periodic check costs little.
    """
    if cache_is_resting():
        raise CacheResting
    found = _read(tags)
    due = rendering and _sync["periodic"] and time.monotonic() - _sync["checked"] > RESYNC_SECONDS
    if (_sync["needed"] or due) and not database_is_resting() and resync():
        found = _read(tags)  # read again: what was read may be older than the database says
    return found


def database_is_resting():
    """True for RETRY_SECONDS after a check could not read the database."""
    return time.monotonic() < _sync["retry_at"]


class CacheResting(Exception):
    """The cache failed a moment ago: do without it for now (see trouble.py)."""


def _read(tags):
    keys = {tag: TAG_KEY % tag for tag in tags}
    found = cache.get_many(keys.values())
    missing = [key for key in keys.values() if key not in found]
    if missing:
        for key in missing:
            cache.add(key, new_version(), None)  # add: never overwrite a concurrent bump
        found.update(cache.get_many(missing))
    return {tag: found.get(key) for tag, key in keys.items()}


def resync(*, following=False):
    """Give a new version to every tag the cache holds at or below the database's; True when done.

    At or below: the database keeps the version written inside the transaction; the cache gets a
    newer one after the commit (see bump), so a cache that still holds the first has lost the second.
    `following`: the regular check of a private cache (follow.py), where finding a change another
    process made is what is expected, not a cache that went back: not logged.
    """
    from .models import ContentVersion

    with _lock:
        _sync["needed"], _sync["checked"] = False, time.monotonic()
        server_run = _server["seen"]
    try:
        truth = dict(ContentVersion.objects.values_list("tag", "version"))
    except DatabaseError as error:  # no database: keep serving what the cache has, check again later
        _sync["retry_at"] = time.monotonic() + RETRY_SECONDS  # first, so no other request tries meanwhile
        if not following:  # the regular check tries again itself: a stored page must not wait for it
            resync_later()
        if not following or not _sync["follow_failed"]:  # once per outage from the regular check
            logger.warning("Could not check the page cache against the database (%s); will retry.", error)
        _sync["follow_failed"] = following
        return False
    _sync["follow_failed"] = False
    held = cache.get_many([TAG_KEY % tag for tag in truth])
    behind = [tag for tag, version in truth.items() if (held.get(TAG_KEY % tag) or 0) <= version]
    if behind:
        version = new_version()
        cache.set(TAG_KEY % GENERATION, version, None)
        cache.set_many({TAG_KEY % tag: version for tag in behind}, None)
        if not following:
            logger.warning("The page cache held older versions of %d tags (was it restarted?); refreshed them.", len(behind))
    _server["checked"] = server_run
    return True


def bump(*tags):
    """Content of these tags changed: in the database, in the cache now, and again after the commit.

    Now, so that this process sees the change at once, even inside a transaction. After commit,
    so that a reader who rendered from the data before the commit cannot store its page under the
    new version. In the database, so that a cache that loses the change (restarted, unreachable)
    is corrected (see resync), and in the database again after the commit, so that a process with a
    cache of its own (follow.py) that gave a tag a newer version while the transaction was open (a
    render of the data before the commit) still finds the database's newer than its own.
    """
    tags = {*tags, ANY_CONTENT, GENERATION}
    version = new_version()
    _record(tags, version)
    _write_new_versions(tags, version)
    transaction.on_commit(partial(_committed, tags))


def _committed(tags):
    version = new_version()
    _record(tags, version)
    _write_new_versions(tags, version)


def _record(tags, version):
    from .models import ContentVersion

    rows = [ContentVersion(tag=tag, version=version) for tag in tags]
    try:
        with transaction.atomic():  # a savepoint: a failure here must not spoil the change's transaction
            ContentVersion.objects.bulk_create(rows, update_conflicts=True, unique_fields=["tag"], update_fields=["version"])
    except DatabaseError:  # the table is not there yet: a data migration of another app saving rows
        logger.debug("Content versions not recorded for %s", tags, exc_info=True)


def _write_new_versions(tags, version=None):
    version = version or new_version()
    try:
        # The generation first: a render that sees any new tag version also sees a new generation.
        cache.set(TAG_KEY % GENERATION, version, None)
        cache.set_many({TAG_KEY % tag: version for tag in tags}, None)
    except Exception as error:  # noqa: BLE001 - a cache outage must not stop staff from saving
        cache_failed("invalidating pages", error)
