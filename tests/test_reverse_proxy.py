"""The shipped nginx (config/nginx/help-site.conf) in front of gunicorn: it buffers clients, keeps
anonymous pages a few seconds, never keeps staff, search or private answers, limits search and
feedback per client, serves /static/ itself, passes who asked and how, logs no address or query,
and answers what it refuses with the site's short pages."""

import http.server
import json
import re
import socket
import threading
import time
import urllib.parse
import urllib.request
from pathlib import Path

import pytest

from .live_site import ROOT, running_site
from .load import SlowClients, fetch
from .nginx_server import running_nginx

pytestmark = [pytest.mark.server, pytest.mark.xdist_group("reverse-proxy")]

CITY = "/ru/cities/almaty/"
GZIP = {"Accept-Encoding": "gzip"}


@pytest.fixture(scope="module")
def proxied():
    with running_site() as site, running_nginx([f"127.0.0.1:{site.port}"]) as nginx:
        yield site, nginx


@pytest.fixture
def unlimited(proxied):
    """The shipped nginx started afresh in front of the same gunicorn: its request limits count from
    nothing, whatever earlier tests asked for (they live in nginx's memory, per client address)."""
    site, _nginx = proxied
    with running_nginx([f"127.0.0.1:{site.port}"]) as nginx:
        yield site, nginx


def test_a_page_is_answered_by_nginx_after_the_first_reader(proxied):
    _site, nginx = proxied
    statuses = [fetch(nginx.url + "/uk/cities/astana/", headers=GZIP)[3].get("X-Proxy-Cache") for _ in range(3)]
    assert statuses[0] in ("MISS", "EXPIRED") and statuses[1:] == ["HIT", "HIT"]
    status, body, _seconds, headers = fetch(nginx.url + "/uk/cities/astana/")
    assert status == 200 and "tel:+77017447238" in body.decode()
    assert "s-maxage=3" in headers["Cache-Control"]


def test_a_shared_link_with_click_ids_is_answered_from_the_one_kept_copy(proxied):
    _site, nginx = proxied
    fetch(nginx.url + "/kk/cities/astana/", headers=GZIP)
    for number in range(3):
        tracked = f"/kk/cities/astana/?fbclid=IwAR{number}&utm_source=facebook&utm_medium=social"
        status, _body, _seconds, headers = fetch(nginx.url + tracked, headers=GZIP)
        assert status == 200 and headers["X-Proxy-Cache"] == "HIT", (tracked, headers.get("X-Proxy-Cache"))
    status, body, _seconds, headers = fetch(nginx.url + "/kk/partners/?city=astana&fbclid=x1")
    assert status == 200 and headers["X-Proxy-Cache"] in ("MISS", "EXPIRED")  # a real filter: its own copy
    assert "tel:+77017447238" in body.decode()


def test_the_language_is_remembered_by_nginx_and_never_kept_in_its_cache(proxied):
    _site, nginx = proxied
    fetch(nginx.url + CITY, headers=GZIP)
    new_reader = fetch(nginx.url + CITY, headers=GZIP)[3]
    assert new_reader["X-Proxy-Cache"] == "HIT"
    assert new_reader["Set-Cookie"].startswith("django_language=ru; Path=/; Max-Age=31536000; SameSite=Lax; HttpOnly")
    returning = fetch(nginx.url + CITY, headers={**GZIP, "Cookie": "django_language=ru"})[3]
    assert returning["X-Proxy-Cache"] == "HIT" and "Set-Cookie" not in returning
    switching = fetch(nginx.url + CITY, headers={**GZIP, "Cookie": "django_language=kk"})[3]
    assert switching["Set-Cookie"].startswith("django_language=ru;")


def test_forgetting_the_site_expires_the_cookies_nginx_does_not_pass_on(proxied):
    """nginx sends the site only the language cookie of a reader's page: the answer to "Forget this site"
    still expires the "answered" cookie the phone has, and nginx adds no language cookie of its own to it."""
    _site, nginx = proxied
    request = urllib.request.Request(nginx.url + "/ru/forget/", data=b"", method="POST", headers={
        "Cookie": "django_language=ru; answered=1:refugees", "Sec-Fetch-Site": "same-origin"})
    with urllib.request.urlopen(request, timeout=10) as answer:
        assert answer.status == 200 and "Готово" in answer.read().decode()
        cookies = answer.headers.get_all("Set-Cookie")
    expired = {cookie.split("=")[0] for cookie in cookies if "Max-Age=0" in cookie and "Path=/" in cookie}
    assert {"answered", "django_language", "sessionid", "csrftoken", "messages"} <= expired, cookies
    assert not [cookie for cookie in cookies if "Max-Age=31536000" in cookie], cookies
    request = urllib.request.Request(nginx.url + "/ru/forget/", data=b"", method="POST", headers={
        "Cookie": "answered=1:refugees", "Sec-Fetch-Site": "same-origin"})  # the language cookie already gone
    with urllib.request.urlopen(request, timeout=10) as answer:
        cookies = answer.headers.get_all("Set-Cookie")
    assert not [cookie for cookie in cookies if "Max-Age=31536000" in cookie], cookies  # nginx gives none back


def test_staff_search_and_feedback_always_reach_the_site(proxied):
    _site, nginx = proxied
    fetch(nginx.url + CITY)
    staff = fetch(nginx.url + CITY, headers={"Cookie": "sessionid=not-a-real-session"})[3]
    assert staff["X-Proxy-Cache"] == "BYPASS"
    for _ in range(2):
        search = fetch(nginx.url + "/en/search/?q=asylum")[3]
        assert "X-Proxy-Cache" not in search
    assert "X-Proxy-Cache" not in fetch(nginx.url + "/admin/login/")[3]


def test_search_is_limited_per_client_with_a_short_page_in_its_language(unlimited):
    _site, nginx = unlimited
    answers = [fetch(nginx.url + "/ar/search/?q=" + urllib.parse.quote("لجوء")) for _ in range(20)]
    statuses = [answer[0] for answer in answers]
    assert statuses.count(200) >= 10 and 429 in statuses, statuses
    limited = next(answer for answer in answers if answer[0] == 429)
    page = limited[1].decode()
    assert "طلبات كثيرة جدًا في وقت قصير" in page and 'dir="rtl"' in page and len(limited[1]) < 2000
    assert limited[3]["Content-Type"] == "text/html; charset=utf-8"


def test_feedback_is_limited_per_client(unlimited):
    _site, nginx = unlimited
    statuses = []
    for _ in range(10):
        status = fetch(nginx.url + "/en/guidance/refugees/feedback/")[0]
        statuses.append(status)
    assert statuses[0] == 200 and 429 in statuses, statuses


def test_a_long_pasted_search_is_answered_and_a_longer_address_gets_a_short_page(unlimited):
    _site, nginx = unlimited
    query = "как подать заявление на статус беженца " * 26  # 1,014 characters, 5.6 KB encoded
    status, body, _seconds, _headers = fetch(nginx.url + "/ru/search/?q=" + urllib.parse.quote(query))
    assert status == 200 and query[:60] in body.decode()
    status, body, _seconds, _headers = fetch(nginx.url + "/ru/search/?q=" + urllib.parse.quote(query * 2))
    assert status == 414 and "Слишком длинный адрес" in body.decode() and "This address is too long" in body.decode()


def read_response(sock):
    """Head and body of one response, read up to its Content-Length: after a 413 nginx keeps the
    connection open a few seconds for the body it refused (its lingering close), so reading until
    the connection closes would race that."""
    answer = b""
    while b"\r\n\r\n" not in answer and (chunk := sock.recv(65536)):
        answer += chunk
    head, _, body = answer.partition(b"\r\n\r\n")
    length = int(re.search(rb"(?im)^content-length:\s*(\d+)", head).group(1))
    while len(body) < length and (chunk := sock.recv(65536)):
        body += chunk
    return head, body


@pytest.mark.parametrize(("raw", "status", "text"), [
    (b"NOT HTTP AT ALL\r\n\r\n", 400, "Не удалось прочитать этот запрос"),
    (b"GET /en/ HTTP/1.1\r\nHost: x\r\nX-Big: " + b"a" * 9000 + b"\r\n\r\n", 431, "This address is too long"),
    (b"POST /en/search/ HTTP/1.1\r\nHost: x\r\nContent-Length: 5000000\r\n\r\n", 413, "What was sent is too large"),
])
def test_what_nginx_refuses_gets_the_site_s_short_page(proxied, raw, status, text):
    _site, nginx = proxied
    with socket.create_connection(("127.0.0.1", nginx.port), timeout=10) as sock:
        sock.sendall(raw)
        head, body = read_response(sock)
    assert head.startswith(f"HTTP/1.1 {status}".encode()), head
    assert text in body.decode() and b"nginx" not in body


def test_static_files_are_served_by_nginx_itself(proxied):
    site, nginx = proxied
    made_after_gunicorn_started = Path(ROOT, "staticfiles", "proxy-test.txt")
    made_after_gunicorn_started.write_text("from disk")
    try:
        status, body, _seconds, headers = fetch(nginx.url + "/static/proxy-test.txt")
        assert status == 200 and body == b"from disk" and headers["X-Content-Type-Options"] == "nosniff"
        assert fetch(site.url + "/static/proxy-test.txt")[0] == 404  # whitenoise never heard of it
    finally:
        made_after_gunicorn_started.unlink()


def test_the_log_has_no_client_address_and_no_query(proxied):
    _site, nginx = proxied
    fetch(nginx.url + "/en/search/?q=my-secret-words")
    for _attempt in range(100):  # nginx writes the line as it finishes the request, maybe after the answer
        if "/en/search/" in (log := nginx.access_log.read_text()):
            break
        time.sleep(0.1)
    assert '"GET /en/search/ HTTP/1.1" ' in log
    assert "my-secret-words" not in log and "127.0.0.1" not in log


def test_a_reader_gets_the_city_page_with_64_slow_clients(proxied):
    """Answered, not starved: a reader nginx kept waiting behind the slow clients would get no answer
    (fetch gives up after its timeout). How fast, on an idle machine, is for `make bench`."""
    _site, nginx = proxied
    fetch(nginx.url + CITY)
    with SlowClients(nginx.url, count=64) as slow:
        slow.trickled()  # every slow client is connected and has sent more than its first byte
        for path in (CITY, "/zh-hans/cities/almaty/", "/healthz"):
            status, _body, _seconds, _headers = fetch(nginx.url + path)
            assert status == 200, (path, status)


class Echo(http.server.BaseHTTPRequestHandler):
    """An upstream that answers with the headers it was sent."""

    def do_GET(self):  # noqa: N802 - the name http.server calls
        body = json.dumps({name.lower(): value for name, value in self.headers.items()}).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


def test_nginx_tells_the_site_who_asked_and_how():
    upstream = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Echo)
    threading.Thread(target=upstream.serve_forever, daemon=True).start()
    try:
        with running_nginx([f"127.0.0.1:{upstream.server_address[1]}"]) as nginx:
            sent = json.loads(fetch(nginx.url + "/ru/cities/", headers={"Cookie": "csrftoken=x; django_language=kk"})[1])
            assert sent["x-forwarded-for"] == "127.0.0.1" and sent["x-forwarded-proto"] == "http"
            assert sent["cookie"] == "django_language=ru"  # a reader's page: asked as its language's reader
            staff = json.loads(fetch(nginx.url + "/admin/", headers={"Cookie": "sessionid=s; csrftoken=x"})[1])
            assert staff["cookie"] == "sessionid=s; csrftoken=x"
    finally:
        upstream.shutdown()
