"""A throwaway Redis server on loopback, for tests of several instances sharing one cache."""

import shutil
import socket
import subprocess
import tempfile
import time
from contextlib import contextmanager

from .postgres_server import free_port


def answers(port):
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=0.5) as sock:
            sock.sendall(b"PING\r\n")
            return sock.recv(16).startswith(b"+PONG")
    except OSError:
        return False


@contextmanager
def running_redis():
    """Redis, in memory only, for as long as the block runs; yields its CACHE_URL."""
    binary = shutil.which("redis-server")
    if binary is None:
        raise RuntimeError("Redis is not installed: apt-get install redis-server (make system-packages does it).")
    port = free_port()
    workdir = tempfile.mkdtemp(prefix="help-site-redis-")
    process = subprocess.Popen(
        [binary, "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--dir", workdir],
        stdout=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 10
        while not answers(port):
            if time.monotonic() > deadline or process.poll() is not None:
                raise RuntimeError("redis-server did not start")
            time.sleep(0.05)
        yield f"redis://127.0.0.1:{port}/0"
    finally:
        process.terminate()
        process.wait(timeout=10)
        shutil.rmtree(workdir, ignore_errors=True)


class RedisServer:
    """A Redis on loopback that a test can stop, restart (from its last snapshot, or empty) and query.

    `persistent=True` keeps a snapshot file as Redis does by default (`snapshot()` writes it now);
    a restart then loads it, as a Redis that crashed or was restarted would.
    """

    def __init__(self, *, persistent):
        self.binary = shutil.which("redis-server")
        if self.binary is None:
            raise RuntimeError("Redis is not installed: apt-get install redis-server (make system-packages does it).")
        self.persistent = persistent
        self.port = free_port()
        self.workdir = tempfile.mkdtemp(prefix="help-site-redis-")
        self.process = None
        self.url = f"redis://127.0.0.1:{self.port}/0"

    def start(self):
        persistence = ["--dbfilename", "dump.rdb"] if self.persistent else ["--dbfilename", "never-written.rdb"]
        self.process = subprocess.Popen(
            [self.binary, "--port", str(self.port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no",
             "--dir", self.workdir, *persistence],
            stdout=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + 10
        while not answers(self.port):
            if time.monotonic() > deadline or self.process.poll() is not None:
                raise RuntimeError("redis-server did not start")
            time.sleep(0.05)
        return self

    def command(self, *words):
        """Send one command; returns the first line of the answer."""
        with socket.create_connection(("127.0.0.1", self.port), timeout=5) as sock:
            sock.sendall(("*%d\r\n" % len(words) + "".join(f"${len(w)}\r\n{w}\r\n" for w in words)).encode())
            return sock.recv(256).split(b"\r\n")[0].decode()

    def snapshot(self):
        """Write the snapshot a persistent Redis would have written by now (none without persistence)."""
        if self.persistent:
            assert self.command("SAVE") == "+OK"

    def stop(self):
        """Stop at once, without writing a snapshot (as a crash would)."""
        if self.process and self.process.poll() is None:
            self.process.kill()
            self.process.wait(timeout=10)

    def restart(self):
        self.stop()
        return self.start()

    def remove(self):
        self.stop()
        shutil.rmtree(self.workdir, ignore_errors=True)
