"""When the cache is down or slow: one warning per interval in the log, and a pause before trying again.

Without this, a Redis outage writes a traceback per request (issue 13 counted 103,536 log lines in
30 s) and every request waits for the socket timeout. Instead the first failure is logged as one
warning, the cache is left alone for RETRY_SECONDS (pages render as if it were off), and a
summary of the failures since is logged at most once per WARNING_SECONDS per process.
"""

import logging
import threading
import time

logger = logging.getLogger("config.page_cache")

WARNING_SECONDS = 60  # at most one warning per process in this time
RETRY_SECONDS = 5  # how long the cache is left alone after a failure

_lock = threading.Lock()
_state = {"last_warning": None, "suppressed": 0, "down_until": 0.0}
_failure_listeners = []


def after_each_failure(listener):
    """Call `listener()` after every cache failure: versions.py checks its versions again then, since what
    changed while the cache was away may be missing from it. A registration, so this module imports nothing
    of the page cache (versions.py imports it)."""
    if listener not in _failure_listeners:
        _failure_listeners.append(listener)


def cache_failed(what, error):
    """The cache failed doing `what`: log it (at most once per interval) and leave it alone a while."""
    now = time.monotonic()
    with _lock:
        _state["down_until"] = now + RETRY_SECONDS
        last = _state["last_warning"]
        if last is not None and now - last < WARNING_SECONDS:
            _state["suppressed"] += 1
            return
        suppressed, _state["suppressed"], _state["last_warning"] = _state["suppressed"], 0, now
    logger.warning(
        "Cache unavailable (%s: %s: %s); pages are served without it for %d s. %d more failures since the last warning.",
        what, type(error).__name__, error, RETRY_SECONDS, suppressed,
    )
    for listener in _failure_listeners:
        listener()


def cache_is_resting():
    """True while the cache is left alone after a failure."""
    return time.monotonic() < _state["down_until"]


def reset():
    """Forget past failures (tests)."""
    with _lock:
        _state.update(last_warning=None, suppressed=0, down_until=0.0)
