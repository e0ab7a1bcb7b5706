"""Benchmark the site as it is served in production, and check the speed budgets of DESIGN.md.

1. Starts gunicorn with production settings (config/gunicorn.py, DEBUG off, a random SECRET_KEY)
   on a temporary SQLite database with the content, and warms it.
2. Loads home, a guidance page, a city page and a static file of similar size from a second
   process on loopback (wrk when installed, else a small Python load generator), and prints
   requests/s, p50/p99 latency and each page's throughput as a share of the static file's.
3. Renders a guidance page with the page cache off, in this machine's Python on one core, many
   times, and prints the median.

Targets: a cached page ≥ 50% of the static file's throughput; an uncached guidance page ≤ 15 ms.
Usage: make bench, or .venv/bin/python benchmarks/run.py [--seconds 10] [--connections 16]
Loopback only; every load is bounded in time and count. CACHE_URL etc. pass through from the
environment, so `CACHE_URL=redis://127.0.0.1:6379/0 make bench` measures with Redis.
"""

import argparse
import gzip
import json
import multiprocessing
import os
import re
import secrets
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from http.client import HTTPConnection
from pathlib import Path

import nginx as nginx_bench  # benchmarks/nginx.py: the path through the shipped nginx

ROOT = Path(__file__).resolve().parent.parent
PAGES = {
    "home": "/en/",
    "guidance page": "/en/guidance/asylum-seekers/",
    "city page": "/ru/cities/almaty/",
}
THROUGHPUT_TARGET = 0.5
RENDER_TARGET_MS = 15
MAX_REQUESTS_PER_RUN = 2_000_000  # the Python load generator's hard stop, besides the time


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def production_env(workdir):
    return {
        **os.environ,
        "DATABASE_URL": f"sqlite:///{workdir}/db.sqlite3",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "DEBUG": "false",
        "HTTPS": "false",  # plain HTTP on loopback; everything else as in production
        "ALLOWED_HOSTS": "127.0.0.1",
        "LOG_LEVEL": "ERROR",
    }


def manage(env, *args):
    subprocess.run([sys.executable, "manage.py", *args], cwd=ROOT, env=env, check=True, stdout=subprocess.DEVNULL)


def fetch(url):
    request = urllib.request.Request(url, headers={"Accept-Encoding": "gzip"})
    with urllib.request.urlopen(request, timeout=10) as response:
        return response.headers, response.read()


def static_file_like(base_url, size):
    """The collected static file whose compressed size is closest to `size`, and its URL."""
    manifest = json.loads((ROOT / "staticfiles" / "staticfiles.json").read_text())["paths"]
    candidates = []
    for hashed in manifest.values():
        compressed = ROOT / "staticfiles" / (hashed + ".gz")
        if compressed.exists():
            candidates.append((abs(compressed.stat().st_size - size), hashed))
    _difference, hashed = min(candidates)
    return f"{base_url}/static/{hashed}"


# --- load generators -------------------------------------------------------------------------------


def load_with_wrk(url, seconds, connections):
    output = subprocess.run(
        ["wrk", "-t", "1", "-c", str(connections), "-d", f"{seconds}s", "--latency", "-H", "Accept-Encoding: gzip", url],
        capture_output=True, text=True, check=True, timeout=seconds + 30,
    ).stdout
    if "Non-2xx" in output or "Socket errors" in output:
        raise SystemExit(f"errors while loading {url}:\n{output}")

    def latency(percentile):
        value, unit = re.search(rf"^\s+{percentile}%\s+([\d.]+)(us|ms|s)\s*$", output, re.M).groups()
        return float(value) * {"us": 0.001, "ms": 1, "s": 1000}[unit]

    return float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1)), latency(50), latency(99)


def _python_worker(url, seconds, queue):
    from urllib.parse import urlsplit

    parts = urlsplit(url)
    connection = HTTPConnection(parts.hostname, parts.port, timeout=10)
    latencies, deadline = [], time.monotonic() + seconds
    while time.monotonic() < deadline and len(latencies) < MAX_REQUESTS_PER_RUN:
        started = time.perf_counter()
        connection.request("GET", parts.path, headers={"Accept-Encoding": "gzip"})
        response = connection.getresponse()
        response.read()
        if response.status != 200:
            raise SystemExit(f"{url} answered {response.status}")
        latencies.append(time.perf_counter() - started)
        if response.getheader("Connection", "").lower() == "close":
            connection.close()
    queue.put(latencies)


def load_with_python(url, seconds, connections):
    queue = multiprocessing.Queue()
    workers = [multiprocessing.Process(target=_python_worker, args=(url, seconds, queue)) for _ in range(connections)]
    for worker in workers:
        worker.start()
    latencies = sorted(latency * 1000 for _worker in workers for latency in queue.get())
    for worker in workers:
        worker.join()
    return len(latencies) / seconds, latencies[len(latencies) // 2], latencies[int(len(latencies) * 0.99)]


# --- uncached rendering ---------------------------------------------------------------------------


def render_times(iterations):
    """Run in a child process with the page cache off: the full middleware stack, no network."""
    os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[-1]})  # one core
    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    sys.path.insert(0, str(ROOT))
    django.setup()
    from django.test import Client

    client = Client(HTTP_ACCEPT_ENCODING="gzip", HTTP_HOST="127.0.0.1")
    path = PAGES["guidance page"]
    for _warm_up in range(20):
        assert client.get(path).status_code == 200
    wall, cpu = [], []
    for _iteration in range(iterations):
        started, started_cpu = time.perf_counter(), time.thread_time()
        response = client.get(path)
        cpu.append((time.thread_time() - started_cpu) * 1000)
        wall.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200 and "X-Page-Cache" not in response
    print(json.dumps({"wall": wall, "cpu": cpu}))


def measure_render(env, iterations):
    result = subprocess.run(
        [sys.executable, __file__, "--render", str(iterations)], cwd=ROOT, env={**env, "CACHE_SECONDS": "0"},
        capture_output=True, text=True,
    )
    if result.returncode:
        raise SystemExit(result.stderr)
    return json.loads(result.stdout.strip().splitlines()[-1])


# --- the run -------------------------------------------------------------------------------------


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=int, default=10, help="length of each load run")
    parser.add_argument("--connections", type=int, default=16, help="concurrent connections")
    parser.add_argument("--iterations", type=int, default=300, help="uncached renders to time")
    parser.add_argument("--render", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.render:
        return render_times(args.render)

    if not (ROOT / "staticfiles" / "staticfiles.json").exists():
        raise SystemExit("Collect the static files first: make static (make bench does it).")
    workdir = tempfile.mkdtemp(prefix="help-site-bench-")
    env = production_env(workdir)
    manage(env, "migrate", "--noinput", "-v0")
    manage(env, "load_content")
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    server = subprocess.Popen(
        [str(Path(sys.executable).parent / "gunicorn"), "-c", "config/gunicorn.py", "--bind", f"127.0.0.1:{port}",
         "--log-level", "warning"],
        cwd=ROOT, env=env,
    )
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                fetch(base + "/healthz")
                break
            except OSError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.2)
        sizes = {}
        for name, path in PAGES.items():
            for _warm_up in range(20):
                headers, body = fetch(base + path)
            assert headers["X-Page-Cache"] == "hit", f"{path} is not served from the page cache"
            sizes[name] = (len(body), len(gzip.decompress(body)))
        static_url = static_file_like(base, sizes["guidance page"][0])
        static_path = static_url.removeprefix(base)
        sizes["static file"] = (len(fetch(static_url)[1]), (ROOT / "staticfiles" / static_path.removeprefix("/static/")).stat().st_size)

        tool = "wrk" if shutil.which("wrk") else "python"
        load = load_with_wrk if tool == "wrk" else load_with_python
        print(f"gunicorn -c config/gunicorn.py (production settings, {env.get('CACHE_URL') or 'local memory cache'}); "
              f"load: {tool}, {args.connections} connections, {args.seconds} s each, loopback, gzip\n")
        results = {}
        for name, path in [*PAGES.items(), ("static file", static_path)]:
            results[name] = load(base + path, args.seconds, args.connections)
        static_rate = results["static file"][0]
        print(f"{'':14} {'path':44} {'bytes (gzip/raw)':>17} {'req/s':>8} {'p50 ms':>7} {'p99 ms':>7} {'vs static':>9}")
        for name, path in [*PAGES.items(), ("static file", static_path)]:
            rate, p50, p99 = results[name]
            size = "%d/%d" % sizes[name]
            print(f"{name:14} {path:44} {size:>17} {rate:8.0f} {p50:7.2f} {p99:7.2f} {rate / static_rate:9.0%}")
        if shutil.which("nginx") or Path("/usr/sbin/nginx").exists():
            nginx_bench.report(base, PAGES["city page"], static_path, load, args.seconds, args.connections)
    finally:
        server.terminate()
        server.wait(timeout=10)

    times = measure_render(env, args.iterations)
    print(f"\nuncached guidance page {PAGES['guidance page']}, rendered {args.iterations} times in-process on one core "
          "(page cache off, full middleware, gzip):")
    for kind, label in (("cpu", "CPU time"), ("wall", "wall clock")):
        print(f"  {label:10}  median {statistics.median(times[kind]):5.1f} ms   p90 {statistics.quantiles(times[kind], n=10)[-1]:5.1f} ms")
    # CPU time is what a render costs a core; wall clock adds the waits for a core other programs use.
    median = statistics.median(times["cpu"])
    worst = min(results[name][0] for name in PAGES) / static_rate
    print(f"\nload average while measuring: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    print(f"targets: cached page ≥ {THROUGHPUT_TARGET:.0%} of static: {'met' if worst >= THROUGHPUT_TARGET else 'MISSED'} "
          f"(lowest {worst:.0%}); uncached render ≤ {RENDER_TARGET_MS} ms (CPU median): "
          f"{'met' if median <= RENDER_TARGET_MS else 'MISSED'}")
    shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    main()
