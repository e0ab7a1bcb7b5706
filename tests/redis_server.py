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
