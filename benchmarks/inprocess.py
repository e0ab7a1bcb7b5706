"""Measurements run inside one Python process on one core, against the benchmark's database.

`python benchmarks/inprocess.py grow SCALE`: add SCALE - 1 copies of the content (scale_data.py).
`python benchmarks/inprocess.py pages N PATH…`: render each page N times with the page cache off
(full middleware stack, gzip): median and p90 of CPU and wall time, raw HTML size, SQL queries.
`python benchmarks/inprocess.py saves N`: save a city and a kind of help N times each, as the admin
does (in a transaction, with everything that follows the commit: cache versions, search index).
Each prints one JSON line; benchmarks/run.py starts them with the server's environment.
"""

import json
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def setup():
    os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[-1]})  # one core
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()


def timed(action, iterations):
    cpu, wall = [], []
    for _iteration in range(iterations):
        started, started_cpu = time.perf_counter(), time.thread_time()
        action()
        cpu.append((time.thread_time() - started_cpu) * 1000)
        wall.append((time.perf_counter() - started) * 1000)
    return {"cpu": statistics.median(cpu), "cpu_p90": statistics.quantiles(cpu, n=10)[-1] if len(cpu) > 1 else cpu[0],
            "wall": statistics.median(wall)}


def pages(iterations, paths):
    from django.db import connection
    from django.test import Client

    client = Client(HTTP_ACCEPT_ENCODING="gzip", HTTP_HOST="127.0.0.1")
    plain = Client(HTTP_HOST="127.0.0.1")
    results = {}
    for path in paths:
        for _warm_up in range(3):
            assert client.get(path).status_code == 200, path
        queries = []

        def count(execute, sql, *args, queries=queries):
            queries.append(sql)
            return execute(sql, *args)

        with connection.execute_wrapper(count):
            raw = plain.get(path)
        assert raw.status_code == 200 and "X-Page-Cache" not in raw, path

        def render(path=path):
            assert client.get(path).status_code == 200

        results[path] = {**timed(render, iterations), "bytes": len(raw.content), "queries": len(queries)}
    return results


def saves(iterations):
    from django.db import transaction

    from offices.models import City
    from partners.models import Service

    city = City.objects.get(slug="almaty")
    service = Service.objects.get(slug="legal-counselling")

    def save(row):
        with transaction.atomic():  # the admin's transaction: what follows the commit is counted too
            row.save()

    return {"city": timed(lambda: save(city), iterations), "kind of help": timed(lambda: save(service), iterations)}


def main():
    setup()
    what, *args = sys.argv[1:]
    if what == "grow":
        from benchmarks.scale_data import grow

        result = grow(int(args[0]))
    elif what == "pages":
        result = pages(int(args[0]), args[1:])
    else:
        result = saves(int(args[0]))
    print(json.dumps(result))


if __name__ == "__main__":
    main()
