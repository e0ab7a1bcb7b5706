"""Clients that post the staff log-in form in a loop, each with a made-up account, for `make bench`.

Every attempt makes the server hash a password (Django hashes for unknown accounts too, so a
wrong name takes as long as a wrong password); a new name each time keeps django-axes' per-account
lock from ending the flood early. Run beside a load of a stored page: its p99 shows whether log-ins
stall readers. Aimed at the heavy requests' gunicorn (config/gunicorn_heavy.py, where nginx sends
the admin), readers' pages are not held up; aimed at the one process of `make run`, each hash runs
on the event loop that serves them (issue 27).
"""

import http.client
import re
import secrets
import threading
from urllib.parse import urlencode, urlsplit

CSRF_FIELD = re.compile(rb'name="csrfmiddlewaretoken" value="([^"]+)"')


class LoginFlood:
    def __init__(self, base_url, clients=3):
        parts = urlsplit(base_url)
        self.host, self.port, self.clients = parts.hostname, parts.port, clients
        self.attempts, self._stop = 0, threading.Event()
        self._lock = threading.Lock()
        self._threads = [threading.Thread(target=self._client, daemon=True) for _ in range(clients)]

    def __enter__(self):
        for thread in self._threads:
            thread.start()
        return self

    def _client(self):
        while not self._stop.is_set():
            connection = http.client.HTTPConnection(self.host, self.port, timeout=30)
            try:
                connection.request("GET", "/admin/login/")
                page = connection.getresponse()
                body, cookie = page.read(), page.getheader("Set-Cookie", "").split(";", 1)[0]
                token = CSRF_FIELD.search(body)
                if not token:
                    continue
                form = urlencode({"csrfmiddlewaretoken": token.group(1).decode(), "username": secrets.token_hex(6),
                                  "password": "not-the-password", "next": "/admin/"})
                connection.request("POST", "/admin/login/", form, {
                    "Content-Type": "application/x-www-form-urlencoded", "Cookie": cookie,
                    "Origin": f"http://{self.host}:{self.port}", "Referer": f"http://{self.host}:{self.port}/admin/login/"})
                connection.getresponse().read()
                with self._lock:
                    self.attempts += 1
            except OSError:
                pass  # a refused or reset log-in is still load; keep going
            finally:
                connection.close()

    def __exit__(self, *exc):
        self._stop.set()
        for thread in self._threads:
            thread.join(timeout=35)
