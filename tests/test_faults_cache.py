"""Fault injection, the cache: Redis stopped under load, and restarted empty (no persistence) or
from an older snapshot (Redis's default persistence) after an edit. Readers keep getting pages,
and after the restart never an older page than the edit."""

import time

import pytest

from .fault_stack import CACHED, HOTLINE, report
from .load import Load, fetch, summary

pytestmark = [pytest.mark.server, pytest.mark.xdist_group("faults")]

NEW_PHONE = b"tel:+77017000002"
SET_PHONE = (
    "from offices.models import Office\n"
    "hotline = Office.objects.get(slug='unhcr-hotline')\n"
    "print(hotline.phones)\n"
    "hotline.phones = {phones!r}\n"
    "hotline.save()\n"
)


def set_hotline(stack, phones):
    """Change the hotline's numbers in another process, as staff would; returns the old ones."""
    return stack.site.python(SET_PHONE.format(phones=phones))


def pages_with(stack, text):
    return [path for path in CACHED if text in fetch(stack.site.url + path, timeout=5)[1]]


def log_lines(stack):
    with open(f"{stack.site.workdir}/gunicorn.log", errors="replace") as log:
        return sum(1 for _ in log)


def test_with_redis_down_pages_still_come_and_after_a_restart_show_the_latest_edit(fault_stack):
    stack = fault_stack
    stack.prime()
    before = log_lines(stack)
    stack.redis.kill()
    try:
        with Load([stack.site.url + path for path in CACHED], threads=2, max_requests=2000, max_seconds=3) as load:
            time.sleep(3)
        old_phones = set_hotline(stack, "+77017000002")  # the invalidation cannot reach Redis
    finally:
        stack.redis.start()  # empty: no persistence
    try:
        figures = summary(load.results, ok=lambda status, body: status == 200 and HOTLINE in body)
        stale = [path for path in CACHED if path not in pages_with(stack, NEW_PHONE)]
        report("redis down, restarted empty", **figures, log_lines=log_lines(stack) - before, stale_pages_after_restart=len(stale))
        assert figures["requests"] >= 10 and figures["failures"] == 0, figures
        assert not stale, stale
    finally:
        set_hotline(stack, old_phones)


def test_after_a_restart_from_an_older_snapshot_no_page_is_older_than_the_edit(fault_stack):
    stack = fault_stack
    stack.redis.kill()
    stack.redis.persistent = True  # Redis's own default: it reloads its last snapshot when it starts
    stack.redis.start()
    old_phones = None
    try:
        stack.prime()
        stack.redis.snapshot()  # the snapshot Redis took a few minutes ago
        old_phones = set_hotline(stack, "+77017000002")
        assert pages_with(stack, NEW_PHONE) == CACHED  # seen at once, before the restart
        stack.redis.kill()  # a crash: what changed since the snapshot is lost, the old pages come back
        stack.redis.start()
        stale = [path for path in CACHED if path not in pages_with(stack, NEW_PHONE)]
        report("redis restarted from an older snapshot", pages=len(CACHED), stale_pages=len(stale))
        assert not stale, stale
    finally:
        if old_phones is not None:
            set_hotline(stack, old_phones)
        stack.redis.kill()
        stack.redis.persistent = False
        stack.redis.start()
