"""The server of `make run` (gunicorn with config/gunicorn.py, no proxy in front) keeps answering
readers while 64 clients hold connections open, sending their headers a byte at a time."""

import pytest

from .load import SlowClients, fetch

pytestmark = pytest.mark.server

CITY = "/ru/cities/almaty/"


def test_a_reader_gets_the_city_page_with_64_slow_clients(live_site):
    """Answered, not starved: a reader kept waiting behind the slow clients would get no answer (fetch
    gives up after its timeout). How fast, on an idle machine, is for `make bench`."""
    assert fetch(live_site.url + CITY)[0] == 200
    with SlowClients(live_site.url, count=64) as slow:
        slow.trickled()  # every slow client is connected and has sent more than its first byte
        for path in (CITY, "/kk/cities/almaty/", "/healthz"):  # a cached page, an uncached one, the check
            status, body, _seconds, _headers = fetch(live_site.url + path)
            assert status == 200, (path, status)
        assert "tel:+77017447238" in fetch(live_site.url + CITY)[1].decode()
