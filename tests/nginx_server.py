"""The shipped reverse proxy (config/nginx/help-site.conf) run for tests: the very file, with its
machine-specific things (project path, the two gunicorn addresses, cache and log paths) and its
port replaced, inside a minimal nginx.conf like Debian's."""

import getpass
import os
import shutil
import socket
import subprocess
import sys
import time
from contextlib import contextmanager
from pathlib import Path

from . import server_registry
from .postgres_server import free_port

ROOT = Path(__file__).resolve().parent.parent
SHIPPED = ROOT / "config" / "nginx" / "help-site.conf"
NGINX = "/usr/sbin/nginx"


# Tests read whether nginx kept a page; readers are never told (the shipped file has no such header).
CACHE_STATUS_HEADER = "        add_header X-Proxy-Cache $upstream_cache_status;\n"
LANGUAGE_COOKIE_HEADER = "        add_header Set-Cookie $help_site_language_cookie;\n"


def site_config(upstreams, port, workdir, cache_status_header=True, heavy_upstreams=None):
    text = SHIPPED.read_text()
    replacements = {
        "server 127.0.0.1:8000;": " ".join(f"server {address};" for address in upstreams),
        "server 127.0.0.1:8001;": " ".join(f"server {address};" for address in heavy_upstreams or upstreams),
        "listen 80;": f"listen 127.0.0.1:{port};",
        "/srv/help-site": str(ROOT),
        "/var/cache/nginx/help-site": f"{workdir}/cache",
        "/var/log/nginx/help-site": f"{workdir}/help-site",
    }
    for old, new in replacements.items():
        assert old in text, f"{old!r} is no longer in {SHIPPED.name}: update tests/nginx_server.py"
        text = text.replace(old, new)
    if cache_status_header:
        assert LANGUAGE_COOKIE_HEADER in text, "update tests/nginx_server.py"
        text = text.replace(LANGUAGE_COOKIE_HEADER, LANGUAGE_COOKIE_HEADER + CACHE_STATUS_HEADER)
    return text


class Nginx:
    def __init__(self, upstreams, cache_status_header=True, heavy_upstreams=None):
        self.workdir = server_registry.temporary_folder("help-site-nginx-", "an nginx server")
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.access_log = Path(self.workdir) / "help-site.access.log"
        site = Path(self.workdir) / "help-site.conf"
        site.write_text(site_config(upstreams, self.port, self.workdir, cache_status_header, heavy_upstreams))
        user = f"user {getpass.getuser()};" if os.geteuid() == 0 else ""
        temp = "".join(f"{kind}_temp_path {self.workdir}/{kind};" for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi"))
        self.config = Path(self.workdir) / "nginx.conf"
        self.config.write_text(
            f"{user} worker_processes 1; daemon off; pid {self.workdir}/nginx.pid; error_log {self.workdir}/error.log warn;\n"
            f"events {{ worker_connections 1024; }}\n"
            f"http {{ include /etc/nginx/mime.types; default_type application/octet-stream; sendfile on;\n"
            f"  access_log off; gzip on; {temp}\n  include {site};\n}}\n"
        )
        self.process = None

    def start(self):
        if not os.path.exists(NGINX):
            raise RuntimeError("nginx is not installed: apt-get install nginx (make system-packages does it).")
        subprocess.run([sys.executable, "manage.py", "render_error_pages"], cwd=ROOT, check=True)
        subprocess.run([NGINX, "-t", "-q", "-p", self.workdir, "-c", str(self.config)], check=True)
        self.process = subprocess.Popen([NGINX, "-p", self.workdir, "-c", str(self.config)],
                                        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        server_registry.started(self.process.pid, f"nginx on port {self.port}")
        deadline = time.monotonic() + 10
        while True:
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=1).close()
                return self
            except OSError:
                if time.monotonic() > deadline or self.process.poll() is not None:
                    raise RuntimeError(f"nginx did not start; see {self.workdir}/error.log") from None
                time.sleep(0.05)

    def stop(self):
        if self.process and self.process.poll() is None:
            self.process.terminate()  # SIGTERM: nginx's fast shutdown
            self.process.wait(timeout=10)
        shutil.rmtree(self.workdir, ignore_errors=True)


@contextmanager
def running_nginx(upstreams, cache_status_header=True, heavy_upstreams=None):
    """The shipped nginx in front of these gunicorn addresses ("127.0.0.1:8001") for the block;
    with `cache_status_header`, it says in X-Proxy-Cache whether it kept the page (tests only).
    `heavy_upstreams`: the heavy requests' gunicorn (config/gunicorn_heavy.py); without it the same
    addresses answer those too."""
    nginx = Nginx(upstreams, cache_status_header, heavy_upstreams)
    try:
        yield nginx.start()
    finally:
        nginx.stop()
