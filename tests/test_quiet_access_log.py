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


def test_a_newline_sent_in_a_path_cannot_forge_a_line_of_the_access_log(tmp_path):
    log = tmp_path / "access.log"
    forged = "/en/x%0a2026-01-01%20%22GET%20/admin/%20HTTP/1.1%22%20200%200%00%1b%5B2J"
    with running_site({"ACCESS_LOG": str(log)}) as site:
        with socket.create_connection(("127.0.0.1", site.port), timeout=10) as sock:
            sock.sendall(f"GET {forged} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n".encode())
            assert sock.recv(65536).startswith((b"HTTP/1.1 404", b"HTTP/1.1 400"))
    lines = [line for line in Path(log).read_text().splitlines() if "/healthz" not in line]  # the start-up checks
    assert len(lines) == 1, lines
    assert '"GET /en/x\\x0a2026-01-01 \\x22GET /admin/ HTTP/1.1\\x22 200 0\\x00\\x1b[2J HTTP/1.1" 40' in lines[0], lines[0]
