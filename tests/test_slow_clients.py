"""The server of `make run` (gunicorn with config/gunicorn.py, no proxy in front) keeps answering
readers while 64 clients hold connections open, sending their headers a byte at a time."""

import time

import pytest

from .load import SlowClients, fetch

pytestmark = pytest.mark.server

CITY = "/ru/cities/almaty/"


def test_a_reader_gets_the_city_page_within_a_second_with_64_slow_clients(live_site):
    assert fetch(live_site.url + CITY)[0] == 200
    with SlowClients(live_site.url, count=64):
        time.sleep(1)  # every slow client is connected and trickling
        for path in (CITY, "/kk/cities/almaty/", "/healthz"):  # a cached page, an uncached one, the check
            status, body, seconds, _headers = fetch(live_site.url + path)
            assert status == 200 and seconds < 1.0, (path, status, seconds)
        assert "tel:+77017447238" in fetch(live_site.url + CITY)[1].decode()
