"""Load generators for the benchmark: wrk when it is installed, else a small Python one.

A load is a list of paths fetched in turn (with gzip), optionally each with a unique tracking
parameter (`?fbclid=…&utm_source=…`, as every click on a shared link has), for `seconds` over
`connections` connections. Returns (requests/s, p50 ms, p99 ms). Loopback only; every load is
bounded in time and count.
"""

import multiprocessing
import re
import shutil
import subprocess
import tempfile
import time
from http.client import HTTPConnection
from itertools import count
from urllib.parse import urlsplit

MAX_REQUESTS_PER_RUN = 2_000_000  # the Python load generator's hard stop, besides the time
TOOL = "wrk" if shutil.which("wrk") else "python"

LUA = """
local paths = {%(paths)s}
local n = 0
request = function()
  n = n + 1
  local path = paths[(n %% #paths) + 1]
  if %(unique)s then
    local joiner = string.find(path, "?", 1, true) and "&" or "?"
    path = path .. joiner .. "fbclid=IwAR" .. n .. "&utm_source=facebook&utm_medium=social"
  end
  return wrk.format(nil, path)
end
%(delay)s
"""


def tracked(path, number):
    joiner = "&" if "?" in path else "?"
    return f"{path}{joiner}fbclid=IwAR{number}&utm_source=facebook&utm_medium=social"


def run(base_url, paths, seconds, connections, *, unique=False, pause_ms=0, reconnect=False, timeout=10):
    """`pause_ms`: each connection waits this long after each answer (a crawler's pace), else none.
    `reconnect`: a new connection for each request (`Connection: close`), as from a phone or a proxy
    that keeps none open, which costs the server a connection, and so a greenlet, per request.
    `timeout`: seconds an answer may take before the load counts as failed (longer, to measure a stall)."""
    if TOOL == "wrk":
        return _wrk(base_url, paths, seconds, connections, unique, pause_ms, reconnect, timeout)
    return _python(base_url, paths, seconds, connections, unique, pause_ms, reconnect, timeout)


def start(base_url, paths, seconds, connections, **options):
    """The same load in the background; `.result()` waits for it and returns its figures."""
    pool = multiprocessing.get_context("fork").Pool(1)
    pending = pool.apply_async(run, (base_url, paths, seconds, connections), options)

    class Running:
        def result(self):
            try:
                return pending.get(timeout=seconds + 60)
            finally:
                pool.close()
                pool.join()

    return Running()


def _wrk(base_url, paths, seconds, connections, unique, pause_ms, reconnect, timeout):
    delay = f"delay = function() return {pause_ms} end" if pause_ms else ""
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as script:
        script.write(LUA % {"paths": ", ".join(f'"{path}"' for path in paths), "unique": "true" if unique else "false",
                            "delay": delay})
    output = subprocess.run(
        ["wrk", "-t", "1", "-c", str(connections), "-d", f"{seconds}s", "--timeout", f"{timeout}s", "--latency",
         "-H", "Accept-Encoding: gzip",
         *(["-H", "Connection: close"] if reconnect else []), "-s", script.name, base_url],
        capture_output=True, text=True, check=True, timeout=seconds + timeout + 30,
    ).stdout
    if "Non-2xx" in output or "Socket errors" in output:
        raise SystemExit(f"errors while loading {paths}:\n{output}")

    def latency(percentile):
        value, unit = re.search(rf"^\s+{percentile}%\s+([\d.]+)(us|ms|s)\s*$", output, re.M).groups()
        return float(value) * {"us": 0.001, "ms": 1, "s": 1000}[unit]

    return float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1)), latency(50), latency(99)


def _python_worker(base_url, paths, seconds, unique, pause_ms, reconnect, timeout, first, queue):
    parts = urlsplit(base_url)
    connection = HTTPConnection(parts.hostname, parts.port, timeout=timeout)
    latencies, deadline, numbers = [], time.monotonic() + seconds, count(first, 1000)
    while time.monotonic() < deadline and len(latencies) < MAX_REQUESTS_PER_RUN:
        number = next(numbers)
        path = paths[number % len(paths)]
        started = time.perf_counter()
        headers = {"Accept-Encoding": "gzip", **({"Connection": "close"} if reconnect else {})}
        connection.request("GET", tracked(path, number) if unique else path, headers=headers)
        response = connection.getresponse()
        response.read()
        if response.status != 200:
            raise SystemExit(f"{path} answered {response.status}")
        latencies.append(time.perf_counter() - started)
        if reconnect or response.getheader("Connection", "").lower() == "close":
            connection.close()
        time.sleep(pause_ms / 1000)
    queue.put(latencies)


def _python(base_url, paths, seconds, connections, unique, pause_ms, reconnect, timeout):
    queue = multiprocessing.Queue()
    workers = [multiprocessing.Process(target=_python_worker, args=(base_url, paths, seconds, unique, pause_ms, reconnect, timeout,
                                                                    n, queue))
               for n in range(connections)]
    for worker in workers:
        worker.start()
    latencies = sorted(latency * 1000 for _worker in workers for latency in queue.get())
    for worker in workers:
        worker.join()
    return len(latencies) / seconds, latencies[len(latencies) // 2], latencies[int(len(latencies) * 0.99)]
