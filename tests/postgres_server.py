"""Run a command against a throwaway PostgreSQL server: initdb in a temp dir, start, run, stop.

Usage: python tests/postgres_server.py COMMAND [ARGS…]; the command gets DATABASE_URL.
Tests use `running_postgres()` for a server of their own, or `postgres_server()` for one they
can also stop, start, hang and resume (the fault-injection tests) or dump and restore.
"""

import glob
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from contextlib import contextmanager
from pathlib import Path

if __package__:
    from . import server_registry
else:  # run as a script by `make test-postgres`
    import server_registry


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def as_postgres(args):
    """PostgreSQL refuses to run as root; drop to the postgres user when we are root."""
    return ["runuser", "-u", "postgres", "--", *args] if os.geteuid() == 0 else args


def binaries():
    """The folder of the newest installed PostgreSQL's programs."""
    folders = sorted(glob.glob("/usr/lib/postgresql/*/bin"))
    if not folders:
        sys.exit("PostgreSQL is not installed: apt-get install postgresql (make system-packages does it).")
    return folders[-1]


def client_program(name):
    """The path of a PostgreSQL client program (pg_restore, psql…), of the same version as the servers."""
    return f"{binaries()}/{name}"


class PostgresServer:
    def __init__(self):
        self.bin_dir = binaries()
        self.data_dir = server_registry.temporary_folder("help-site-pg-", "a PostgreSQL server")
        if os.geteuid() == 0:
            shutil.chown(self.data_dir, "postgres", "postgres")
        self.port = free_port()
        self.url = f"postgres://postgres@127.0.0.1:{self.port}/postgres"
        subprocess.run(
            as_postgres([f"{self.bin_dir}/initdb", "-D", self.data_dir, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8"]),
            check=True, stdout=subprocess.DEVNULL,
        )

    def url_of(self, database):
        return f"postgres://postgres@127.0.0.1:{self.port}/{database}"

    def tool(self, name, *args, **kwargs):
        """Run a PostgreSQL client program (pg_dump, pg_restore, createdb…) against this server."""
        command = [f"{self.bin_dir}/{name}", "-h", "127.0.0.1", "-p", str(self.port), "-U", "postgres", *args]
        return subprocess.run(command, check=True, capture_output=True, **kwargs)

    def start(self):
        options = (f"-p {self.port} -k {self.data_dir} -c listen_addresses=127.0.0.1 -c fsync=off"
                   " -c synchronous_commit=off -c full_page_writes=off")
        log = os.path.join(self.data_dir, "server.log")
        subprocess.run(as_postgres([f"{self.bin_dir}/pg_ctl", "-D", self.data_dir, "-o", options, "-l", log, "-w", "start"]),
                       check=True, stdout=subprocess.DEVNULL)
        server_registry.started(self.postmaster(), f"PostgreSQL on port {self.port}")

    def stop(self):
        subprocess.run(as_postgres([f"{self.bin_dir}/pg_ctl", "-D", self.data_dir, "-m", "fast", "-w", "stop"]), stdout=subprocess.DEVNULL)

    def postmaster(self):
        """The process id of the running server's first process (the one that starts all the others)."""
        return int(Path(self.data_dir, "postmaster.pid").read_text().split()[0])

    def processes(self):
        """The server's processes: the postmaster and every backend and helper it started."""
        postmaster = self.postmaster()
        children = []
        for stat in glob.glob("/proc/[0-9]*/stat"):
            try:
                fields = Path(stat).read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == postmaster:
                children.append(int(Path(stat).parent.name))
        return [postmaster, *children]

    def hang(self):
        """Freeze the whole server (SIGSTOP): connections are accepted by the kernel, never answered."""
        self._signal(signal.SIGSTOP)

    def resume(self):
        self._signal(signal.SIGCONT)

    def _signal(self, number):
        for pid in self.processes():
            try:
                os.kill(pid, number)
            except ProcessLookupError:  # a backend that ended between the listing and the signal
                pass

    def remove(self):
        shutil.rmtree(self.data_dir, ignore_errors=True)
        time.sleep(0.1)


@contextmanager
def postgres_server():
    """A PostgreSQL server on loopback for as long as the block runs; yields its PostgresServer."""
    server = PostgresServer()
    try:
        server.start()
        yield server
    finally:
        try:
            server.resume()
        except OSError:
            pass  # already stopped
        server.stop()
        server.remove()


@contextmanager
def running_postgres():
    """A PostgreSQL server on loopback for as long as the block runs; yields its DATABASE_URL."""
    with postgres_server() as server:
        yield server.url


def main(command):
    with running_postgres() as database_url:
        return subprocess.call(command, env=dict(os.environ, DATABASE_URL=database_url))


if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    sys.exit(main(sys.argv[1:]))
