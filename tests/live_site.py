"""A real running site for browser and server tests: gunicorn on loopback, on its own SQLite file (or the
database given) with the starting content and the fixtures asked for (JSON under tests/fixtures/)."""

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path

from . import server_registry, starting_content

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
# Debian's chromium-headless-shell: the same Chromium build (Blink, V8, the same version as Debian's chromium
# package) without the desktop browser around it, as Playwright itself runs headless Chromium. The full
# browser in headless mode took three times the processor time for each new tab (docs/benchmarks.md).
CHROMIUM = "/usr/bin/chromium-headless-shell"
# The desktop browser, for the one test that reads what Chromium keeps on the phone: the headless shell
# keeps no History or form history at all (tests/test_browser_private_history.py).
DESKTOP_CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


SECRET_KEY = "browser-tests-only-" + "x" * 40


# Set in the test process by the browser fixture (tests/conftest.py), for Playwright; never in a server.
ASYNC_UNSAFE_ALLOWED = "DJANGO_ALLOW_ASYNC_UNSAFE"


def server_environment():
    """The test process's environment for a server or command it starts, without the tests' own allowances."""
    return {name: value for name, value in os.environ.items() if name != ASYNC_UNSAFE_ALLOWED}


class LiveSite:
    """Starts gunicorn with the given environment and configuration (the readers' config/gunicorn.py, or
    config/gunicorn_heavy.py); stop() ends it (start() may start it again), close() ends it and removes
    its folder. Tests use `running_site()`, which closes it."""

    def __init__(self, extra_env=None, database_url=None, gunicorn_config="config/gunicorn.py"):
        self.gunicorn_config = gunicorn_config
        self.workdir = server_registry.temporary_folder("help-site-live-", "a live site")
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.env = {
            **server_environment(),
            "DATABASE_URL": database_url or f"sqlite:///{self.workdir}/db.sqlite3",
            "SECRET_KEY": SECRET_KEY,
            "ALLOWED_HOSTS": "127.0.0.1,localhost",
            "MEDIA_ROOT": f"{self.workdir}/media",  # uploads go with the site's folder
            "PAGE_CACHE_STATUS_HEADER": "true",  # tests read X-Page-Cache; readers are never told
            **(extra_env or {}),
        }
        self.own_sqlite = database_url is None
        self.process = None

    def manage(self, *args):
        subprocess.run([sys.executable, "manage.py", *args], cwd=ROOT, env=self.env, check=True,
                       stdout=subprocess.DEVNULL)

    def python(self, code):
        """Run Python in Django with the site's settings: the same database and cache, another process."""
        result = subprocess.run([sys.executable, "manage.py", "shell", "-v", "0", "-c", code], cwd=ROOT, env=self.env,
                                capture_output=True, text=True, check=True, timeout=60)
        return result.stdout.strip()

    def prepare(self, fixtures=()):
        """The database: migrated, with the starting content and the named fixtures of tests/fixtures/."""
        if self.own_sqlite:  # a copy of the one made once for the run (tests/starting_content.py)
            starting_content.copy_to(Path(self.workdir, "db.sqlite3"), server_environment())
        else:  # an empty PostgreSQL database: the run's starting content restored into it
            starting_content.restore_to_postgres(self.env["DATABASE_URL"], server_environment())
        if fixtures:
            self.manage("loaddata", "-v0", *(str(FIXTURES / f"{name}.json") for name in fixtures))

    def start(self, prepare=True, fixtures=()):
        if prepare:
            self.prepare(fixtures)
        gunicorn = str(Path(sys.executable).parent / "gunicorn")
        self.process = subprocess.Popen(
            [gunicorn, "-c", self.gunicorn_config, "--bind", f"127.0.0.1:{self.port}", "--log-level", "warning"],
            cwd=ROOT, env=self.env, stdout=subprocess.DEVNULL, stderr=open(f"{self.workdir}/gunicorn.log", "w"),
        )
        server_registry.started(self.process.pid, f"gunicorn of the live site {self.url}")
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                urllib.request.urlopen(self.url + "/healthz", timeout=1)
                return self
            except OSError:
                time.sleep(0.2)
        self.stop()
        raise RuntimeError(f"gunicorn did not start; see {self.workdir}/gunicorn.log")

    def stop(self):
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=10)

    def close(self):
        """Stop gunicorn and remove the site's folder (its SQLite database and logs)."""
        self.stop()
        shutil.rmtree(self.workdir, ignore_errors=True)


@contextmanager
def running_site(extra_env=None, database_url=None, *, fixtures=(), prepare=True, gunicorn_config="config/gunicorn.py"):
    """A live site for as long as the block runs: migrated, with the content and `fixtures` (names of
    JSON files under tests/fixtures/) unless prepare=False; stopped and its folder removed after."""
    site = LiveSite(extra_env, database_url, gunicorn_config)
    try:
        yield site.start(prepare=prepare, fixtures=fixtures)
    finally:
        site.close()
