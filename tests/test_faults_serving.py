"""Fault injection, the servers: a gunicorn worker killed under load, 64 slow clients connected
through nginx, and gunicorn gone altogether behind nginx."""

import time

import pytest

from .fault_stack import CACHED, HOTLINE, UNCACHED, report
from .load import Load, SlowClients, fetch, summary

pytestmark = [pytest.mark.server, pytest.mark.xdist_group("faults")]


def is_page(status, body):
    return status == 200 and HOTLINE in body


def test_a_killed_worker_loses_under_a_thousandth_of_the_requests(fault_stack):
    stack = fault_stack
    stack.prime()
    with Load([stack.site.url + path for path in CACHED], threads=2, max_requests=3000, max_seconds=40) as load:
        while len(load.results) < 1000:
            time.sleep(0.05)
        killed = stack.kill_worker()
        while load.results and len(load.results) < 3000 and time.monotonic() - load.results[0][0] < 40:
            time.sleep(0.1)
    figures = summary(load.results, ok=is_page)
    report("worker killed", pid=killed, **figures, failure_rate_pct=round(100 * figures["failures"] / figures["requests"], 3))
    assert figures["requests"] >= 2000
    assert figures["failures"] / figures["requests"] < 0.001, figures
    stack.wait_until_healthy()


@pytest.mark.parametrize("front", ["gunicorn", "nginx"])
def test_with_64_slow_clients_a_reader_gets_the_city_page_within_a_second(fault_stack, front):
    stack = fault_stack
    stack.prime()
    url = stack.site.url if front == "gunicorn" else stack.nginx.url
    with SlowClients(url, count=64):
        time.sleep(1)
        answers = [fetch(url + path, timeout=5) for path in ("/ru/cities/almaty/", "/en/cities/almaty/", "/healthz") * 3]
    slowest = max(answer[2] for answer in answers)
    report(f"64 slow clients, {front} in front", requests=len(answers),
           failures=sum(answer[0] != 200 for answer in answers), slowest_s=round(slowest, 3))
    assert all(answer[0] == 200 for answer in answers) and slowest < 1.0


def test_with_gunicorn_gone_nginx_still_serves_what_it_kept_and_the_hotline(fault_stack):
    stack = fault_stack
    stack.prime()
    stack.site.stop()
    try:
        kept = [fetch(stack.nginx.url + path, timeout=5) for path in CACHED]
        gone = fetch(stack.nginx.url + "/ar" + UNCACHED[3:], timeout=5)
    finally:
        stack.site.start(prepare=False)
        stack.wait_until_healthy()
    report("gunicorn stopped behind nginx", kept_pages=len(kept), kept_failures=sum(not is_page(k[0], k[1]) for k in kept))
    assert all(is_page(answer[0], answer[1]) for answer in kept)
    assert gone[0] == 503 and HOTLINE in gone[1] and "لا يمكن عرض هذه الصفحة الآن" in gone[1].decode()
