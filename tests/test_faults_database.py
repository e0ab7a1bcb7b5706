"""Fault injection, the database: stopped, then hung (every PostgreSQL process frozen with SIGSTOP),
under a bounded load. Cached pages keep coming with no failure; everything else answers the 503
page with the hotline, and /healthz says 503, without waiting for the database; then the site recovers.
How long each took is reported (test-artifacts/fault-figures.txt), not asserted: a loaded machine is slow."""

import time
from contextlib import contextmanager

import pytest

from .fault_stack import CACHED, HOTLINE, UNCACHED, report
from .load import Load, fetch, summary

pytestmark = [pytest.mark.server, pytest.mark.xdist_group("faults")]


@contextmanager
def database(stack, fault):
    stack.prime()
    if fault == "down":
        stack.postgres.stop()
    else:
        stack.postgres.hang()
    try:
        yield
    finally:
        if fault == "down":
            stack.postgres.start()
        else:
            stack.postgres.resume()
        stack.wait_until_healthy()


def is_page(status, body):
    return status == 200 and HOTLINE in body


@pytest.mark.parametrize("fault", ["down", "hung"])
def test_with_the_database_down_or_hung_readers_still_get_pages_or_the_hotline(fault_stack, fault):
    stack = fault_stack
    with database(stack, fault):
        started = time.monotonic()
        first = fetch(stack.site.url + UNCACHED, timeout=10)  # the first request to find it gone
        assert first[0] == 503 and HOTLINE in first[1] and "Зараз цю сторінку не вдається показати" in first[1].decode()
        with Load([stack.site.url + path for path in CACHED], threads=4, max_requests=1500, max_seconds=120) as cached:
            checks, uncached = [], []
            while len(cached.results) < 100 or len(checks) < 10:  # some of the outage, under the load
                checks.append(fetch(stack.site.url + "/healthz", timeout=5))
                uncached.append(fetch(stack.site.url + UNCACHED, timeout=10))
                assert time.monotonic() - started < 120, "the load did not get through"
        through_nginx = [fetch(stack.nginx.url + path, timeout=10) for path in CACHED]
        elapsed = time.monotonic() - started

    figures = summary(cached.results, ok=is_page)
    health = max(check[2] for check in checks)
    to_503 = max([first[2]] + [answer[2] for answer in uncached])
    report(f"database {fault}", cached_requests=figures["requests"], cached_failures=figures["failures"],
           cached_p99_s=figures["p99"], healthz_max_s=round(health, 3), time_to_503_max_s=round(to_503, 3),
           seconds=round(elapsed, 1))
    # A stored page never waits for the database, not even for the cache's check of its versions: none
    # failed, and a request that waited for a hung database would have (the load gives up after 5 s).
    assert figures["requests"] >= 100 and figures["failures"] == 0, figures
    assert all(check[0] == 503 for check in checks), [(c[0], c[2]) for c in checks]
    assert all(answer[0] == 503 and HOTLINE in answer[1] for answer in uncached)
    assert all(is_page(answer[0], answer[1]) for answer in through_nginx)


def test_after_the_outage_uncached_pages_are_rendered_again(fault_stack):
    status, body, _seconds, _headers = fetch(fault_stack.site.url + UNCACHED, timeout=10)
    assert status == 200 and HOTLINE in body
