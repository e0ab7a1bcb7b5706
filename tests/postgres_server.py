"""Run a command against a throwaway PostgreSQL server: initdb in a temp dir, start, run, stop.

Usage: python tests/postgres_server.py COMMAND [ARGS…]; the command gets DATABASE_URL.
Tests use `running_postgres()` for a server of their own.
"""

import glob
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from contextlib import contextmanager


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def as_postgres(args):
    """PostgreSQL refuses to run as root; drop to the postgres user when we are root."""
    return ["runuser", "-u", "postgres", "--", *args] if os.geteuid() == 0 else args


@contextmanager
def running_postgres():
    """A PostgreSQL server on loopback for as long as the block runs; yields its DATABASE_URL."""
    binaries = sorted(glob.glob("/usr/lib/postgresql/*/bin"))
    if not binaries:
        sys.exit("PostgreSQL is not installed: apt-get install postgresql (make system-packages does it).")
    bin_dir = binaries[-1]
    data_dir = tempfile.mkdtemp(prefix="help-site-pg-")
    if os.geteuid() == 0:
        shutil.chown(data_dir, "postgres", "postgres")
    port = free_port()
    log = os.path.join(data_dir, "server.log")
    subprocess.run(
        as_postgres([f"{bin_dir}/initdb", "-D", data_dir, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8"]),
        check=True, stdout=subprocess.DEVNULL,
    )
    options = f"-p {port} -k {data_dir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
    subprocess.run(as_postgres([f"{bin_dir}/pg_ctl", "-D", data_dir, "-o", options, "-l", log, "-w", "start"]), check=True, stdout=subprocess.DEVNULL)
    try:
        yield f"postgres://postgres@127.0.0.1:{port}/postgres"
    finally:
        subprocess.run(as_postgres([f"{bin_dir}/pg_ctl", "-D", data_dir, "-m", "fast", "-w", "stop"]), stdout=subprocess.DEVNULL)
        shutil.rmtree(data_dir, ignore_errors=True)
        time.sleep(0.1)


def main(command):
    with running_postgres() as database_url:
        return subprocess.call(command, env=dict(os.environ, DATABASE_URL=database_url))


if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    sys.exit(main(sys.argv[1:]))
