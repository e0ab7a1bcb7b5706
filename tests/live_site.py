"""A real running site for browser tests: gunicorn on loopback, on its own SQLite file with the content."""

import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class LiveSite:
    """Starts `gunicorn config.wsgi` with the given environment; stop() ends it."""

    def __init__(self, extra_env=None, database_url=None):
        self.workdir = tempfile.mkdtemp(prefix="help-site-live-")
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.env = {
            **os.environ,
            "DATABASE_URL": database_url or f"sqlite:///{self.workdir}/db.sqlite3",
            "SECRET_KEY": "browser-tests-only-" + "x" * 40,
            "ALLOWED_HOSTS": "127.0.0.1,localhost",
            "PAGE_CACHE_STATUS_HEADER": "true",  # tests read X-Page-Cache; readers are never told
            **(extra_env or {}),
        }
        self.process = None

    def manage(self, *args):
        subprocess.run([sys.executable, "manage.py", *args], cwd=ROOT, env=self.env, check=True,
                       stdout=subprocess.DEVNULL)

    def python(self, code):
        """Run Python in Django with the site's settings: the same database and cache, another process."""
        result = subprocess.run([sys.executable, "manage.py", "shell", "-v", "0", "-c", code], cwd=ROOT, env=self.env,
                                capture_output=True, text=True, check=True, timeout=60)
        return result.stdout.strip()

    def start(self, prepare=True):
        if prepare:
            self.manage("migrate", "--noinput", "-v0")
            self.manage("load_content")
        gunicorn = str(Path(sys.executable).parent / "gunicorn")
        self.process = subprocess.Popen(
            [gunicorn, "-c", "config/gunicorn.py", "--bind", f"127.0.0.1:{self.port}", "--log-level", "warning"],
            cwd=ROOT, env=self.env, stdout=subprocess.DEVNULL, stderr=open(f"{self.workdir}/gunicorn.log", "w"),
        )
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
            self.process.wait(timeout=10)
