"""gunicorn settings, the same wherever the site is served: `gunicorn -c config/gunicorn.py`.

The default cache is local memory, private to each process: one process then serves with threads
(a cached page needs little CPU), so a publish is seen by every thread at once. With a cache
shared by all processes (CACHE_URL=redis://…), set WEB_CONCURRENCY to run more, e.g. one per core.
"""

import os

wsgi_app = "config.wsgi:application"
bind = os.environ.get("BIND", f"127.0.0.1:{os.environ.get('PORT', '8000')}")
workers = int(os.environ.get("WEB_CONCURRENCY", "1"))
worker_class = "gthread"
threads = int(os.environ.get("THREADS", "8"))
keepalive = 5
timeout = 30
graceful_timeout = 20
# X-Forwarded-* headers are trusted from these addresses only: the reverse proxy in front.
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1,::1")
