"""How gunicorn serves the site (config/gunicorn.py names these classes).

- `Worker`: gunicorn's gevent worker. A reader on a slow or hostile connection (headers sent a
  byte at a time) costs a greenlet, not a thread or a process, so 64 of them do not keep anyone
  else waiting, with or without a proxy in front. psycopg (3.1.14+) waits cooperatively under
  gevent; SQLite calls are short and block only the worker they run in.
  A request gunicorn refuses before Django sees it (a request line over `limit_request_line`,
  too many or too long headers, a malformed line) gets the site's short page in every language
  (config/errors.py) instead of gunicorn's raw English one.
- `ThreadWorker`: gunicorn's gthread worker, with the same error pages, for the heavy requests'
  process (config/gunicorn_heavy.py: the admin and its log-in, sitemaps, open data) that nginx
  buffers: a password hash there runs in a thread of its own, never on the readers' event loop.
- `Logger`: gunicorn's logger, except that no line names the client's address, and a request
  cannot write a line of its own into the access log (control characters are escaped).
"""

import re
from functools import lru_cache

import gevent
from gunicorn import glogging, util
from gunicorn.workers.ggevent import GeventWorker
from gunicorn.workers.gthread import ThreadWorker as GunicornThreadWorker

_gunicorn_write_error = util.write_error
_CLIENT_ADDRESS = re.compile(r"\bip=\S+")
_QUOTED = re.compile(r"'.*'|\".*\"", re.DOTALL)
_UNSAFE_IN_LOG = re.compile(r'[\x00-\x1f\x7f-\x9f"\\]')
# The secret part of the Telegram webhook's address (config/chat/telegram.py): never written to a log.
_WEBHOOK_SECRET = re.compile(r"(/chat/telegram/)[^/?\s]+")


@lru_cache(maxsize=16)
def error_page(status):
    from config import errors  # Django is set up by the time a request fails

    return errors.protocol_error_page(status).encode()


def write_error(sock, status_int, reason, mesg):
    try:
        body = error_page(status_int)
    except Exception:  # noqa: BLE001 - whatever went wrong, the client still gets an answer
        return _gunicorn_write_error(sock, status_int, reason, mesg)
    head = (
        f"HTTP/1.1 {status_int} {reason}\r\nConnection: close\r\nContent-Type: text/html; charset=utf-8\r\n"
        f"Content-Length: {len(body)}\r\nCache-Control: no-store\r\n\r\n"
    )
    util.write_nonblock(sock, head.encode("latin-1") + body)


class SiteErrorPages:
    def init_process(self):
        # gunicorn writes its error pages through this one function; the worker process is ours.
        util.write_error = write_error
        super().init_process()


class ThreadWorker(SiteErrorPages, GunicornThreadWorker):
    pass


class Worker(SiteErrorPages, GeventWorker):
    def handle_request(self, listener_name, req, sock, addr):
        result = super().handle_request(listener_name, req, sock, addr)
        # Let the other connections have their turn. A keep-alive client whose next request is
        # already waiting would otherwise be served again and again without the greenlet ever
        # yielding: a stored page takes a millisecond, and the other readers waited up to 2 s.
        gevent.sleep(0)
        return result


def _escape(text):
    """Control characters, quotes and backslashes as \\xNN, as nginx writes them; a webhook's secret as `-`."""
    return _UNSAFE_IN_LOG.sub(lambda match: f"\\x{ord(match.group()):02x}", hide_webhook_secret(text))


def hide_webhook_secret(text):
    """/chat/telegram/<secret>/ as /chat/telegram/-/: the address is logged, its secret is not."""
    return _WEBHOOK_SECRET.sub(r"\1-", text)


class Logger(glogging.Logger):
    def atoms(self, resp, req, environ, request_time):
        # The path is logged decoded: a %0a in it would start a line of its own, forged by whoever sent it.
        return {name: _escape(value) if isinstance(value, str) else value
                for name, value in super().atoms(resp, req, environ, request_time).items()}

    def warning(self, msg, *args, **kwargs):
        # "Invalid request from ip=…: Invalid HTTP request line: 'GET /ru/search/?q=…'": the address
        # is personal data, and the quoted request line or header can hold what a person searched
        # for (a client that sends a search unencoded). Keep what kind of error it was, not what was sent.
        super().warning(_QUOTED.sub("'…'", _CLIENT_ADDRESS.sub("ip=-", str(msg))), *args, **kwargs)

    def exception(self, msg, *args, **kwargs):
        # "Error handling request /ru/search/?q=…" (an error that escaped Django): the path alone.
        super().exception(msg, *(arg.split("?", 1)[0] if isinstance(arg, str) else arg for arg in args), **kwargs)
