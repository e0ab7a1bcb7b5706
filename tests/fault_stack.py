"""The real stack for the fault-injection tests: PostgreSQL, Redis, two gunicorn processes with
the production configuration, and the shipped nginx in front, all on loopback; and the figures
the tests measure (printed, and written to test-artifacts/fault-figures.txt for the README)."""

import json
import os
import signal
import time
from contextlib import contextmanager
from pathlib import Path

from config import database

from .live_site import ROOT, running_site
from .load import fetch
from .nginx_server import running_nginx
from .postgres_server import postgres_server
from .redis_server import redis_server

HOTLINE = b"tel:+77017447238"
# Pages readers open most, primed into the page cache before each fault.
CACHED = ["/ru/cities/almaty/", "/en/cities/almaty/", "/ru/guidance/refugees/", "/kk/", "/ar/cities/astana/", "/uz/offices/"]
UNCACHED = "/uk/partners/"  # never primed: it needs the database
FIGURES_FILE = ROOT / "test-artifacts" / "fault-figures.txt"


class Stack:
    def __init__(self, postgres, redis, site, nginx):
        self.postgres, self.redis, self.site, self.nginx = postgres, redis, site, nginx

    def prime(self, paths=CACHED):
        """Every path stored in the page cache (a hit from gunicorn itself), and in nginx's cache."""
        for path in paths:
            for _ in range(10):
                status, body, _seconds, headers = fetch(self.site.url + path)
                if status == 200 and headers.get("X-Page-Cache") == "hit":
                    break
                time.sleep(0.1)
            else:
                raise AssertionError(f"{path} is not served from the page cache")
            fetch(self.nginx.url + path)

    def workers(self):
        """The gunicorn worker processes (children of the master)."""
        pids = []
        for stat in Path("/proc").glob("[0-9]*/stat"):
            try:
                fields = stat.read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == self.site.process.pid:
                pids.append(int(stat.parent.name))
        return pids

    def kill_worker(self):
        pid = self.workers()[0]
        os.kill(pid, signal.SIGKILL)
        return pid

    def wait_until_healthy(self, seconds=30):
        deadline = time.monotonic() + seconds
        while fetch(self.site.url + "/healthz", timeout=2)[0] != 200:
            assert time.monotonic() < deadline, "the site did not recover"
            time.sleep(0.2)
        while len(self.workers()) < 2:
            assert time.monotonic() < deadline, "gunicorn did not replace its worker"
            time.sleep(0.2)
        time.sleep(database.RETRY_SECONDS + 0.2)  # the other worker may have failed a moment before


@contextmanager
def running_stack():
    with postgres_server() as postgres, redis_server(persistent=False) as redis:
        env = {"CACHE_URL": redis.url + "?socket_timeout=0.5&socket_connect_timeout=0.5", "WEB_CONCURRENCY": "2"}
        with running_site(env, postgres.url) as site, running_nginx([f"127.0.0.1:{site.port}"]) as nginx:
            yield Stack(postgres, redis, site, nginx)


def report(fault, **figures):
    """Print one fault's figures and add them to test-artifacts/fault-figures.txt."""
    line = f"{fault}: " + ", ".join(f"{name} {value}" for name, value in figures.items())
    print("\n" + line)
    FIGURES_FILE.parent.mkdir(exist_ok=True)
    with FIGURES_FILE.open("a") as figures_file:
        figures_file.write(json.dumps({"fault": fault, **figures}, ensure_ascii=False) + "\n")
