"""Load and hostile clients for the server tests: bounded in count and in time, loopback only."""

import http.client
import socket
import threading
import time
from dataclasses import dataclass, field
from urllib.parse import urlsplit


def fetch(url, timeout=5.0, headers=None):
    """One GET on a connection of its own, as a new reader would: (status, body, seconds, headers).
    A request that fails to get a whole answer (none, or one cut off mid-body) has status 0."""
    parts = urlsplit(url)
    started = time.monotonic()
    connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=timeout)
    try:
        connection.request("GET", parts.path + (f"?{parts.query}" if parts.query else ""), headers=headers or {})
        response = connection.getresponse()
        body = response.read()
        return response.status, body, time.monotonic() - started, dict(response.getheaders())
    except (OSError, http.client.HTTPException):  # IncompleteRead, when a worker is killed mid-answer, is not an OSError
        return 0, b"", time.monotonic() - started, {}
    finally:
        connection.close()


class SlowClients:
    """`count` connections that send a request's headers one byte at a time, never finishing."""

    def __init__(self, url, count=64, interval=0.2):
        parts = urlsplit(url)
        self.address, self.count, self.interval = (parts.hostname, parts.port), count, interval
        self.sockets, self._stop = [], threading.Event()
        self._sent = threading.Event()  # set once every socket has been sent a byte after the first
        self._thread = threading.Thread(target=self._trickle, daemon=True)

    def __enter__(self):
        for _ in range(self.count):
            sock = socket.create_connection(self.address, timeout=5)
            sock.sendall(b"G")
            self.sockets.append(sock)
        self._thread.start()
        return self

    def _trickle(self):
        header = b"ET /en/ HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: " + b"a" * 10_000
        position = 0
        while not self._stop.wait(self.interval):
            byte = header[position % len(header):][:1]
            position += 1
            for sock in self.sockets:
                try:
                    sock.send(byte)
                except OSError:
                    pass  # the server may drop a client it finds too slow: that is allowed
            self._sent.set()

    def trickled(self, timeout=30):
        """Wait until every connection has sent at least two bytes: all are open and trickling."""
        assert self._sent.wait(timeout), "the slow clients did not start trickling"

    def __exit__(self, *exc):
        self._stop.set()
        self._thread.join(timeout=5)
        for sock in self.sockets:
            sock.close()


@dataclass
class Load:
    """`threads` readers fetching `urls` in turn, until `stop()`, `max_requests` or `max_seconds`."""

    urls: list
    threads: int = 4
    max_requests: int = 20_000
    max_seconds: float = 60.0
    timeout: float = 5.0
    results: list = field(default_factory=list)  # (started, url, status, seconds, body)

    def __post_init__(self):
        self._stop = threading.Event()
        self._lock = threading.Lock()
        self._workers = [threading.Thread(target=self._run, args=(i,), daemon=True) for i in range(self.threads)]

    def __enter__(self):
        self._deadline = time.monotonic() + self.max_seconds
        for worker in self._workers:
            worker.start()
        return self

    def _run(self, offset):
        n = offset
        while not self._stop.is_set() and time.monotonic() < self._deadline:
            with self._lock:
                if len(self.results) >= self.max_requests:
                    return
            url = self.urls[n % len(self.urls)]
            n += 1
            started = time.monotonic()
            status, body, seconds, _headers = fetch(url, self.timeout)
            with self._lock:
                self.results.append((started, url, status, seconds, body))

    def __exit__(self, *exc):
        self._stop.set()
        for worker in self._workers:
            worker.join(timeout=self.timeout + 5)

    def between(self, start, end):
        return [r for r in self.results if start <= r[0] < end]


def summary(results, ok=lambda status, body: status == 200):
    """Requests, failures and the 99th percentile time (s) of these results."""
    times = sorted(r[3] for r in results)
    failures = [r for r in results if not ok(r[2], r[4])]
    p99 = times[min(len(times) - 1, int(len(times) * 0.99))] if times else 0.0
    return {"requests": len(results), "failures": len(failures), "p99": round(p99, 3)}
