"""How many anonymous POSTs one client may send in a clock hour, counted without keeping who sent them.

Readers' answers and reports ("Was this page useful?", "Is this information wrong?") need no account
and set no cookie, so a client that throws its cookies away must still not flood them. Each kind of
POST is counted per client address and clock hour in the cache, under a keyed hash of the address
whose key changes every day: the count cannot be traced back to an address afterwards, and the same
address is another key tomorrow.
"""

import logging

from django.core.cache import cache
from django.utils import timezone
from django.utils.crypto import salted_hmac

from config.client_address import client_address

logger = logging.getLogger(__name__)


def allowed(request, scope, per_hour):
    """Count one POST of this kind (`scope`) from this client; False once it sent `per_hour` this clock hour."""
    now = timezone.now()
    day_key = f"config.flood_limit.{scope}:{now.date().isoformat()}"  # a new HMAC key every day
    client = salted_hmac(day_key, client_address(request), algorithm="sha256").hexdigest()
    key = f"{scope}-rate:{client}:{now.hour}"
    try:
        cache.add(key, 0, timeout=60 * 60)
        return cache.incr(key) <= per_hour
    except ValueError:  # expired between add and incr: a new hour has begun
        cache.set(key, 1, timeout=60 * 60)
        return True
    except Exception:  # noqa: BLE001 - without its cache the site still takes answers, unlimited
        logger.exception("Flood limit unavailable")
        return True
