"""Password hashing that does not stall readers: the hash runs in gevent's thread pool, off the event loop.

gunicorn's gevent worker (config/serving.py) serves every connection of a process on one event loop.
A log-in hashes its password for about a quarter of a second of CPU; run on the loop, three clients
looping on the log-in form kept readers waiting for seconds (issue 27). hashlib's PBKDF2 releases the
GIL while it works, so in a thread of gevent's pool it runs beside the loop, which goes on serving
stored pages. The algorithm, its name and the stored hashes are Django's own (pbkdf2_sha256): nothing
changes for existing accounts, and outside a greenlet (tests, management commands) it is a plain call.
"""

import base64

import gevent
from django.contrib.auth.hashers import PBKDF2PasswordHasher
from django.utils.crypto import pbkdf2


def off_the_event_loop(function, *args):
    """function(*args), in gevent's thread pool when called from a greenlet (a request under the gevent
    worker), so the loop serves other connections meanwhile; a plain call anywhere else."""
    if isinstance(gevent.getcurrent(), gevent.Greenlet):
        return gevent.get_hub().threadpool.apply(function, args)
    return function(*args)


class ThreadedPBKDF2PasswordHasher(PBKDF2PasswordHasher):
    """Django's PBKDF2-SHA256 hasher, hashing off the event loop."""

    def encode(self, password, salt, iterations=None):
        self._check_encode_args(password, salt)
        iterations = iterations or self.iterations
        hashed = off_the_event_loop(pbkdf2, password, salt, iterations, 0, self.digest)
        return "%s$%d$%s$%s" % (self.algorithm, iterations, salt, base64.b64encode(hashed).decode("ascii").strip())
