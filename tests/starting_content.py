"""The starting content, migrated and loaded once per test run into an SQLite file that every SQLite database
of the run copies: the test database of each xdist worker and each live site on SQLite. Migrating takes
about 14 s of one core and loading the content 5 s; a run did both once per worker and once more per
worker for its sites.

The same content for PostgreSQL is made once too, as a pg_dump that each PostgreSQL database of the run
restores (a second): the test database of each worker on PostgreSQL and each site the tests serve from a
PostgreSQL server of their own.

The process that runs pytest (the controller of the xdist workers, or the only process) names the folder
and removes it at the end (tests/conftest.py), unless the command that started it named one: `make test`
names one for its two runs, and the PostgreSQL run restores the dump the SQLite run made for its servers.
The first process that needs the content makes it, the others wait for it (a file lock), and each copies it.
"""

import fcntl
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# Set by the controller, inherited by the xdist workers. `make test` sets it for both of its runs, so that the
# PostgreSQL run restores the dump the SQLite run made (its servers need one too) instead of making it again.
FOLDER_VARIABLE = "HELP_SITE_TEST_CONTENT"
SECRET_KEY = "starting-content-only-" + "x" * 40


def name_the_folder():
    """In the process that runs pytest: a new folder for the run's content, named for its workers, unless
    the command that started pytest named one. True if it made one (and must remove it at the end)."""
    if os.environ.get(FOLDER_VARIABLE):
        return False
    os.environ[FOLDER_VARIABLE] = tempfile.mkdtemp(prefix="help-site-content-")
    return True


def remove_the_folder():
    shutil.rmtree(os.environ.pop(FOLDER_VARIABLE), ignore_errors=True)


@contextmanager
def _locked(folder):
    with open(Path(folder, "lock"), "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


def _migrate_and_load(database_url, environment):
    env = {**environment, "DATABASE_URL": database_url, "SECRET_KEY": SECRET_KEY}
    for command in (["migrate", "--noinput", "-v0"], ["load_content"]):
        subprocess.run([sys.executable, "manage.py", *command], cwd=ROOT, env=env, check=True, stdout=subprocess.DEVNULL)


def database(environment):
    """The path of the SQLite file with the migrated starting content, made now if no process made it yet.
    `environment`: the environment of the commands that make it (the tests' own, without their allowances)."""
    folder = os.environ[FOLDER_VARIABLE]
    made = Path(folder, "content.sqlite3")
    with _locked(folder):
        if not made.exists():
            making = Path(folder, "making.sqlite3")
            _migrate_and_load(f"sqlite:///{making}", environment)
            with sqlite3.connect(making) as connection:  # one file to copy: the write-ahead log folded in
                connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            Path(f"{making}-wal").unlink(missing_ok=True)
            Path(f"{making}-shm").unlink(missing_ok=True)
            making.rename(made)
    return made


def copy_to(path, environment):
    """A copy of the starting content at `path` (an SQLite file that does not exist yet)."""
    shutil.copyfile(database(environment), path)
    return path


def copy_for_this_process(environment):
    """A copy for the test database of this process (an xdist worker, or the only process), in the run's
    folder: removed with it."""
    worker = os.environ.get("PYTEST_XDIST_WORKER", "main")
    return copy_to(Path(os.environ[FOLDER_VARIABLE], f"test-{worker}.sqlite3"), environment)


def postgres_dump(environment):
    """The path of a pg_dump (custom format) of the migrated starting content, made now, on a PostgreSQL
    server of its own, if no process made it yet."""
    from .postgres_server import postgres_server

    folder = os.environ[FOLDER_VARIABLE]
    made = Path(folder, "content.pgdump")
    with _locked(folder):
        if not made.exists():
            making = Path(folder, "making.pgdump")
            with postgres_server() as server:
                _migrate_and_load(server.url, environment)
                server.tool("pg_dump", "--format=custom", f"--file={making}", "postgres")
            making.rename(made)
    return made


def restore_to_postgres(database_url, environment):
    """The starting content restored into the (empty) PostgreSQL database at `database_url`."""
    from .postgres_server import client_program

    subprocess.run([client_program("pg_restore"), "--no-owner", "--exit-on-error", f"--dbname={database_url}",
                    str(postgres_dump(environment))], check=True, capture_output=True)


def _maintenance_connection(db_settings):
    import psycopg

    return psycopg.connect(_conninfo(db_settings, "postgres"), autocommit=True)


def _conninfo(db_settings, database):
    from psycopg.conninfo import make_conninfo

    given = {"host": db_settings["HOST"], "port": db_settings["PORT"], "user": db_settings["USER"],
             "password": db_settings["PASSWORD"], "dbname": database}
    return make_conninfo(**{name: str(value) for name, value in given.items() if value})


def make_postgres_test_database(db_settings, name, environment):
    """On PostgreSQL: the test database `name` made anew with the starting content (instead of migrating
    it and loading the content into it: about 20 s of one core for each xdist worker)."""
    drop_postgres_test_database(db_settings, name)  # one a run with --reuse-db kept
    with _maintenance_connection(db_settings) as connection:
        connection.execute(f'CREATE DATABASE "{name}"')
    restore_to_postgres(_conninfo(db_settings, name), environment)


def drop_postgres_test_database(db_settings, name):
    with _maintenance_connection(db_settings) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}"')
