"""Fail fast when the database is down or hung, so readers get an answer instead of a wait.

- A database that refuses connections fails at once; one that hangs (a stopped server, a lost
  network) would keep a request waiting for as long as it lasts. The serving worker (gevent,
  config/gunicorn.py) therefore gives each connection attempt `DATABASE_CONNECT_TIMEOUT` seconds
  and each query `DATABASE_STATEMENT_TIMEOUT` plus one second (the server cancels a slow query at
  `statement_timeout` itself; a server that does not even do that is hung).
- After a failure the database counts as unavailable for `RETRY_SECONDS`: requests that need it
  get the 503 page at once (config/errors.py), without each waiting for its own timeout, and the
  log gets one warning per outage instead of a traceback per request.

Pages served from the page cache never reach the database, so none of this touches them.
"""

import logging
import sys
import time
from contextlib import contextmanager

from django.conf import settings
from django.db import InterfaceError, OperationalError

logger = logging.getLogger(__name__)

RETRY_SECONDS = 1.0  # how long after a failure requests do not try the database again
_unavailable_until = 0.0  # time.monotonic() before which the database counts as unavailable


def is_database_failure(exc):
    """True for the errors that mean "the database cannot be reached or does not answer"."""
    return isinstance(exc, (OperationalError, InterfaceError))


def available():
    return time.monotonic() >= _unavailable_until


def mark_unavailable(reason):
    global _unavailable_until
    if available():  # once per outage (and again after each retry that fails), not per request
        logger.warning("Database unavailable (%s): answering 503 for %.0f s before trying again", reason, RETRY_SECONDS)
    _unavailable_until = time.monotonic() + RETRY_SECONDS


def check_available():
    if not available():
        raise OperationalError("the database failed a moment ago; not trying again yet")


def connect_timeout():
    return settings.DATABASE_CONNECT_TIMEOUT


def query_timeout():
    return settings.DATABASE_STATEMENT_TIMEOUT / 1000 + 1


def _cooperative():
    """True in the gevent worker, where a wait on the database can be interrupted."""
    monkey = sys.modules.get("gevent.monkey")
    return monkey is not None and monkey.is_module_patched("socket")


@contextmanager
def deadline(seconds, what, on_timeout=None):
    """Raise OperationalError (and mark the database unavailable) if the block waits longer than
    `seconds` on the database; `on_timeout()` first drops what the wait left half done. Only the
    gevent worker can interrupt a wait; elsewhere the block runs as is, bounded by the driver's
    own timeouts (connect_timeout, statement_timeout)."""
    if not _cooperative():
        yield
        return
    import gevent

    timeout = gevent.Timeout(seconds)
    timeout.start()
    try:
        yield
    except gevent.Timeout as exc:
        if exc is not timeout:
            raise
        mark_unavailable(f"no answer to {what} within {seconds:g} s")
        if on_timeout is not None:
            on_timeout()
        raise OperationalError(f"the database did not answer ({what}) within {seconds:g} s") from None
    finally:
        timeout.close()
