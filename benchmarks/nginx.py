"""The nginx path of `make bench`: the shipped config/nginx/help-site.conf in front of the
benchmark's gunicorn (tests/nginx_server.py runs it), a cached page against a static file through
the same nginx, and how long nginx serves its copy without asking the site (the publish bound)."""

import sys
import threading
import time
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks import load  # noqa: E402 - after the path is set
from tests.nginx_server import running_nginx  # noqa: E402

TARGET = 0.5  # a cached page at ≥ 50 % of a static file's throughput through the same nginx
BOUND_SECONDS = 5


def longest_unchecked(url, seconds):
    """The longest time nginx served its copy without asking the site again, during `seconds`: the
    time between two responses it marked STALE, EXPIRED or MISS (each starts a fetch from the site,
    which sees a publish at once). A publish is visible to every reader within that time plus one
    render; the reads are 50 ms apart, so the figure is good to about 0.1 s."""
    checks, deadline = [], time.monotonic() + seconds
    while time.monotonic() < deadline:
        with urllib.request.urlopen(urllib.request.Request(url, headers={"Accept-Encoding": "gzip"}), timeout=10) as response:
            if response.headers.get("X-Proxy-Cache") in ("STALE", "EXPIRED", "MISS", "UPDATING"):
                checks.append(time.monotonic())
        time.sleep(0.05)
    return max((b - a for a, b in zip(checks, checks[1:], strict=False)), default=float("nan"))


def measure(base, page_path, static_path, seconds, connections):
    """The lines `make bench` prints for the path through nginx, each ratio within this run."""
    with running_nginx([base.removeprefix("http://")]) as nginx:
        for _warm_up in range(5):
            urllib.request.urlopen(urllib.request.Request(nginx.url + page_path, headers={"Accept-Encoding": "gzip"})).read()
        ages = []
        reader = threading.Thread(target=lambda: ages.append(longest_unchecked(nginx.url + page_path, seconds)))
        reader.start()  # the page's age is read while nginx is under load
        results = {"cached page": load.run(nginx.url, [page_path], seconds, connections)}
        reader.join()
        results["static file"] = load.run(nginx.url, [static_path], seconds, connections)
    static_rate = results["static file"][0]
    ratio = results["cached page"][0] / static_rate
    lines = [f"behind nginx (config/nginx/help-site.conf), {connections} connections, {seconds} s each:"]
    for name, path in (("cached page", page_path), ("static file", static_path)):
        rate, p50, p99 = results[name]
        lines.append(f"  {name:14} {path:44} {rate:8.0f} req/s  p50 {p50:6.2f} ms  p99 {p99:6.2f} ms  {rate / static_rate:5.0%} of static")
    lines.append(f"  longest nginx served {page_path} under that load without asking the site: {ages[0]:.1f} s "
                 f"(bound stated: {BOUND_SECONDS} s)")
    lines.append(f"  targets: cached page ≥ {TARGET:.0%} of static through nginx: {'met' if ratio >= TARGET else 'MISSED'} "
                 f"({ratio:.0%}); publish visible within {BOUND_SECONDS} s: {'met' if ages[0] <= BOUND_SECONDS else 'MISSED'}")
    return lines
