"""Moving the site's clock in a test: what readers see at another moment, with no save in between."""

from contextlib import contextmanager
from unittest import mock


@contextmanager
def clock_at(moment):
    """Django's timezone.now() and time.time() (read by the page cache and the cache itself) say `moment`."""
    with (
        mock.patch("django.utils.timezone.now", return_value=moment),
        mock.patch("time.time", return_value=moment.timestamp()),
    ):
        yield
