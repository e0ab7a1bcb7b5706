"""gunicorn settings for readers, the same wherever the site is served: `gunicorn -c config/gunicorn.py`.

The worker is gunicorn's gevent worker (config/serving.py): each connection is a greenlet, so
slow or malicious clients (headers trickled a byte at a time) cannot take the workers away from
readers, even with no buffering proxy in front. A greenlet that computes (a password hash, a
sitemap of thousands of addresses) holds up every other: behind nginx, those requests go to a
process of their own, config/gunicorn_heavy.py (docs/operations.md).

The default cache is local memory, private to each process: each worker checks the database's
content versions every second (config/page_cache/follow.py), so a publish made in any other process
(the heavy one, another worker, a scheduled command) reaches its readers within a second plus a
render. With a cache shared by all processes (CACHE_URL=redis://…) they see it at once.
WEB_CONCURRENCY sets the number of processes, e.g. one per core.
"""

import os

wsgi_app = "config.wsgi:application"
bind = os.environ.get("BIND", f"127.0.0.1:{os.environ.get('PORT', '8000')}")
workers = int(os.environ.get("WEB_CONCURRENCY", "1"))
worker_class = "config.serving.Worker"
worker_connections = int(os.environ.get("WORKER_CONNECTIONS", "1000"))  # per process
logger_class = "config.serving.Logger"
# Each request runs in a greenlet of its own, with its own database connection: keep none open
# after the request, or every greenlet that ever ran would hold one (config/settings.py reads it).
os.environ.setdefault("CONN_MAX_AGE", "0")
keepalive = 5
timeout = 30
graceful_timeout = 20
# A pasted search of 1,000 Cyrillic characters is about 6 KB once percent-encoded: let it through
# (the site cuts it to 200 characters); gunicorn's ceiling is 8190.
limit_request_line = 8190
# X-Forwarded-* headers are trusted from these addresses only: the reverse proxy in front.
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1,::1")
# Where the access log goes (`make run` and the service unit of docs/operations.md say `--access-logfile -`).
accesslog = os.environ.get("ACCESS_LOG") or None
# The access log records what was served, not who asked or what they searched for: no client
# address (%(h)s), no query string (%(U)s is the path alone); status, size, time in milliseconds.
access_log_format = '%(t)s "%(m)s %(U)s %(H)s" %(s)s %(B)s %(M)sms'


def post_worker_init(worker):
    """Django is loaded in this worker: follow what other processes publish (a private cache only)."""
    from config.page_cache.follow import follow_other_processes

    follow_other_processes()
