"""A throwaway Redis server on loopback, for tests of several instances sharing one cache, and for
the fault-injection tests that stop and restart it (with its snapshot, or with nothing)."""

import shutil
import signal
import socket
import subprocess
import time
from contextlib import contextmanager

from . import server_registry
from .postgres_server import free_port


def answers(port):
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=0.5) as sock:
            sock.sendall(b"PING\r\n")
            return sock.recv(16).startswith(b"+PONG")
    except OSError:
        return False


def command(port, *words):
    """Send one command (e.g. "SAVE") and return Redis's first line of answer."""
    with socket.create_connection(("127.0.0.1", port), timeout=10) as sock:
        sock.sendall(f"*{len(words)}\r\n".encode() + b"".join(f"${len(w)}\r\n{w}\r\n".encode() for w in words))
        return sock.recv(4096).split(b"\r\n")[0].decode()


class RedisServer:
    """persistent=False: memory only. persistent=True: Redis's own default, an RDB snapshot that a
    restart loads again (here written on demand with `snapshot()`, as Redis does every few minutes).

    stop() and start() again keep its folder (and snapshot); close() stops it and removes the folder.
    Tests use `redis_server()`, which closes it."""

    def __init__(self, persistent=False):
        binary = shutil.which("redis-server")
        if binary is None:
            raise RuntimeError("Redis is not installed: apt-get install redis-server (make system-packages does it).")
        self.port = free_port()
        self.url = f"redis://127.0.0.1:{self.port}/0"
        self.workdir = server_registry.temporary_folder("help-site-redis-", "a Redis server")
        self.binary, self.persistent, self.process = binary, persistent, None

    def start(self):
        args = [self.binary, "--port", str(self.port), "--bind", "127.0.0.1", "--appendonly", "no", "--dir", self.workdir]
        if not self.persistent:  # nothing saved, and no snapshot of an earlier persistent run loaded
            args += ["--save", "", "--dbfilename", "never-written.rdb"]
        self.process = subprocess.Popen(args, stdout=subprocess.DEVNULL)
        server_registry.started(self.process.pid, f"redis-server on port {self.port}")
        deadline = time.monotonic() + 10
        while not answers(self.port):
            if time.monotonic() > deadline or self.process.poll() is not None:
                self.stop()
                raise RuntimeError("redis-server did not start")
            time.sleep(0.05)
        return self

    def snapshot(self):
        """Write the snapshot a persistent Redis would have written by now (none without persistence)."""
        if self.persistent:
            assert command(self.port, "SAVE") == "+OK"

    def connections_received(self):
        """How many connections this Redis has accepted since it started (INFO stats)."""
        with socket.create_connection(("127.0.0.1", self.port), timeout=10) as sock:
            sock.sendall(b"INFO stats\r\n")
            answer = b""
            while b"total_connections_received:" not in answer or not answer.endswith(b"\r\n"):
                answer += sock.recv(65536)
        line = answer.split(b"total_connections_received:")[1].split(b"\r\n")[0]
        return int(line)

    def kill(self):
        """Stop at once, as a crash or an OOM kill would: nothing newer than the last snapshot is kept."""
        self.process.send_signal(signal.SIGKILL)
        self.process.wait(timeout=10)

    def stop(self):
        if self.process and self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=10)

    def restart(self):
        """Crash and come back: a persistent Redis loads its last snapshot, the other starts empty."""
        self.kill()
        return self.start()

    def close(self):
        self.stop()
        shutil.rmtree(self.workdir, ignore_errors=True)


@contextmanager
def redis_server(persistent=False):
    """A Redis server for as long as the block runs; stopped and its folder removed after."""
    server = RedisServer(persistent)
    try:
        yield server.start()
    finally:
        server.close()


@contextmanager
def running_redis():
    """Redis, in memory only, for as long as the block runs; yields its CACHE_URL."""
    with redis_server() as server:
        yield server.url
