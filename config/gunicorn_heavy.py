"""gunicorn settings for the heavy requests, in a process of their own: `gunicorn -c config/gunicorn_heavy.py`.

A log-in hashes a password for about a quarter of a second of CPU; an admin page, a sitemap file
or the open data of a large directory take tens of milliseconds. On the readers' event loop
(config/gunicorn.py) each would hold up every reader meanwhile: three clients posting log-ins in
a loop stalled readers for 11–14 s (issue 27). The shipped nginx (config/nginx/help-site.conf)
sends `/admin/`, `/sitemap*.xml`, `/api/` and `/<language>/open-data/` here instead, to
127.0.0.1:8001 (HEAVY_BIND). This process:

- runs gunicorn's gthread worker (config/serving.py): a request per thread, so a password hash (which
  leaves Python's lock while it runs) does not hold up the next staff member; nginx buffers clients,
  so slow ones never reach it;
- runs at a lower CPU priority (HEAVY_NICE, default 10): when both are busy, readers' requests
  go first, on any number of cores (`make bench ONLY=isolation` on 2 idle cores: with nice 5 the city
  page kept 86 % of its throughput while crawlers fetched sitemaps and open data flat out, with 10, 91 %;
  the admin is slower then, not refused);
- publishes through the database: readers' processes see each change within a second
  (config/page_cache/follow.py), or at once with a shared cache (CACHE_URL=redis://…).

Everything else (timeouts, the access log without addresses) is config/gunicorn.py's.
"""

import os

from config.gunicorn import (  # noqa: F401 - gunicorn reads these names from this module
    access_log_format,
    accesslog,
    forwarded_allow_ips,
    graceful_timeout,
    keepalive,
    limit_request_line,
    logger_class,
    post_worker_init,
    timeout,
    wsgi_app,
)

bind = os.environ.get("HEAVY_BIND", "127.0.0.1:8001")
workers = int(os.environ.get("HEAVY_CONCURRENCY", "1"))
worker_class = "config.serving.ThreadWorker"
threads = int(os.environ.get("HEAVY_THREADS", "4"))
NICE = int(os.environ.get("HEAVY_NICE", "10"))


def post_fork(server, worker):
    """Each worker, not the master: a configuration read again on reload would lower it again."""
    os.nice(NICE)
