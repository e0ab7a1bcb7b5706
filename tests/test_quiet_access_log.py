"""The access log of a real gunicorn records what was served, never who asked or what they searched for."""

import logging
import socket
import urllib.parse
import urllib.request
from pathlib import Path

import pytest
from gunicorn.config import Config

from config.serving import Logger

from .live_site import running_site

pytestmark = [pytest.mark.server, pytest.mark.xdist_group("server")]


def test_access_log_holds_no_client_address_and_no_search_word(tmp_path):
    log = tmp_path / "access.log"
    with running_site({"ACCESS_LOG": str(log)}) as site:
        query = urllib.parse.urlencode({"q": "депортация уйгур", "utm_source": "secret-campaign"})
        with urllib.request.urlopen(f"{site.url}/ru/search/?{query}", timeout=10) as response:
            assert response.status == 200
        with urllib.request.urlopen(f"{site.url}/en/", timeout=10) as response:
            assert response.status == 200
        site.stop()  # gunicorn writes the last lines as it stops
    text = Path(log).read_text()
    assert "/ru/search/" in text and "GET /en/ HTTP/1.1\" 200" in text  # the log does log
    for secret in ("127.0.0.1", "депортация", "%D0%B4", "q=", "secret-campaign", "utm_source"):
        assert secret not in text, f"{secret!r} is in the access log:\n{text}"


def test_a_request_gunicorn_refuses_is_logged_without_what_it_asked_for():
    with running_site() as site:
        with socket.create_connection(("127.0.0.1", site.port), timeout=10) as sock:
            # Some clients send a search unencoded; gunicorn refuses the line and logs a warning.
            sock.sendall("GET /ru/search/?q=депортация HTTP/1.1\r\nHost: x\r\n\r\n".encode())
            answer = sock.recv(65536)
        assert answer.startswith(b"HTTP/1.1 400")
        site.stop()  # the warning is written as the worker gets back to its loop, at the latest as it stops
        log = Path(site.workdir, "gunicorn.log").read_text(encoding="utf-8", errors="replace")
    assert "Invalid request" in log  # the log does say what happened
    for secret in ("депортация", "Ð´", "q=", "127.0.0.1"):
        assert secret not in log, f"{secret!r} is in gunicorn's log:\n{log}"


def test_an_error_that_escapes_django_is_logged_with_the_path_alone():
    logger = Logger(Config())
    lines = []
    handler = logging.Handler()
    handler.emit = lambda record: lines.append(record.getMessage())
    logger.error_log.addHandler(handler)
    try:
        raise RuntimeError("a worker gave up")
    except RuntimeError:
        logger.exception("Error handling request %s %s", "GET", "/ru/search/?q=депортация")
    assert lines == ["Error handling request GET /ru/search/"]
