"""What this test process started outside itself: server processes and temporary folders.

The server helpers (live_site.py, redis_server.py, postgres_server.py, nginx_server.py) record each one
here; at the end of the session `nothing_left_behind` (tests/conftest.py) fails the run if any is still
running or still on disk. Each pytest-xdist worker is a process of its own and checks what it started.
"""

import os
import shutil
import signal
import tempfile
from pathlib import Path

_processes = {}  # pid -> (what it is, its start time in clock ticks: a pid can be used again)
_folders = {}  # path -> what it is for


def temporary_folder(prefix, what):
    """A new folder in the temporary directory, to be removed by the helper that asked for it."""
    path = tempfile.mkdtemp(prefix=prefix)
    _folders[path] = what
    return path


def started(pid, what):
    """Record a server process, to be stopped by the helper that started it."""
    _processes[pid] = (what, _start_time(pid))


def _start_time(pid):
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return None
    if fields[0] in ("Z", "X"):  # ended, waiting for its parent to read its exit status
        return None
    return fields[19]


def _running(pid, start_time):
    return start_time is not None and _start_time(pid) == start_time


def left_behind():
    """What is still running or still on disk, one line each (empty when all is stopped and removed)."""
    lines = [f"{what}: process {pid} is still running"
             for pid, (what, start_time) in _processes.items() if _running(pid, start_time)]
    lines += [f"{what}: folder {path} is still there" for path, what in _folders.items() if os.path.exists(path)]
    return lines


def clean_up():
    """End and remove what is left behind, so that one careless test does not burden the next run."""
    for pid, (_what, start_time) in _processes.items():
        if _running(pid, start_time):
            try:
                os.kill(pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
    for path in _folders:
        shutil.rmtree(path, ignore_errors=True)
    _processes.clear()
    _folders.clear()
