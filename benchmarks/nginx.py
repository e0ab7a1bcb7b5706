"""The nginx path of `make bench`: the shipped config/nginx/help-site.conf in front of the
benchmark's gunicorn (tests/nginx_server.py runs it), a cached page against a static file through
the same nginx, and how long nginx serves its copy without asking the site (the publish bound)."""

import sys
import urllib.request
from datetime import datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks import load  # noqa: E402 - after the path is set
from tests.nginx_server import running_nginx  # noqa: E402

TARGET = 0.5  # a cached page at ≥ 50 % of a static file's throughput through the same nginx
BOUND_SECONDS = 5


FETCHES = ("MISS", "EXPIRED", "STALE")  # each of these answers made nginx ask the site (STALE: in the background)


def longest_unchecked(access_log, path):
    """The longest time nginx served `path` from its copy without asking the site, read from its
    access log (each line ends with $upstream_cache_status; times to the second). A publish is
    visible to every reader within that time plus one render."""
    fetched = []
    with open(access_log, encoding="utf-8") as log:
        for line in log:
            if f" {path} " in line and line.rsplit(None, 1)[-1] in FETCHES:
                fetched.append(datetime.fromisoformat(line.split(None, 1)[0]).timestamp())
    return max((b - a for a, b in zip(fetched, fetched[1:], strict=False)), default=float("nan"))


def measure(base, page_path, static_path, seconds, connections):
    """The lines `make bench` prints for the path through nginx, each ratio within this run."""
    with running_nginx([base.removeprefix("http://")]) as nginx:
        for _warm_up in range(5):
            urllib.request.urlopen(urllib.request.Request(nginx.url + page_path, headers={"Accept-Encoding": "gzip"})).read()
        results = {"cached page": load.run(nginx.url, [page_path], seconds, connections)}
        unchecked = longest_unchecked(nginx.access_log, page_path)
        results["static file"] = load.run(nginx.url, [static_path], seconds, connections)
    static_rate = results["static file"][0]
    ratio = results["cached page"][0] / static_rate
    lines = [f"behind nginx (config/nginx/help-site.conf), {connections} connections, {seconds} s each:"]
    for name, path in (("cached page", page_path), ("static file", static_path)):
        rate, p50, p99 = results[name]
        lines.append(f"  {name:14} {path:44} {rate:8.0f} req/s  p50 {p50:6.2f} ms  p99 {p99:6.2f} ms  {rate / static_rate:5.0%} of static")
    lines.append(f"  longest nginx served {page_path} under that load without asking the site: {unchecked:.0f} s "
                 f"(bound stated: {BOUND_SECONDS} s)")
    lines.append(f"  targets: cached page ≥ {TARGET:.0%} of static through nginx: {'met' if ratio >= TARGET else 'MISSED'} "
                 f"({ratio:.0%}); publish visible within {BOUND_SECONDS} s: {'met' if unchecked <= BOUND_SECONDS else 'MISSED'}")
    return lines
