"""The shipped nginx tells readers nothing about other readers, keeps the port a browser asked on,
limits staff log-ins per client, and writes no line a request could forge."""

import http.client
import time

import pytest

from .live_site import running_site
from .load import fetch
from .nginx_server import running_nginx

pytestmark = [pytest.mark.server, pytest.mark.xdist_group("reverse-proxy")]

CACHE_STATES = {"HIT", "MISS", "EXPIRED", "STALE", "UPDATING", "REVALIDATED", "BYPASS"}


@pytest.fixture(scope="module")
def shipped():
    """The shipped file as it is: without the cache-state header tests otherwise read."""
    with running_site() as site, running_nginx([f"127.0.0.1:{site.port}"], cache_status_header=False) as nginx:
        yield nginx


def post(nginx, path, headers):
    connection = http.client.HTTPConnection("127.0.0.1", nginx.port, timeout=10)
    try:
        connection.request("POST", path, body=b"", headers={"Content-Length": "0", **headers})
        response = connection.getresponse()
        return response.status, response.read().decode()
    finally:
        connection.close()


def test_no_header_tells_a_reader_whether_someone_read_the_page_before(shipped):
    answers = [fetch(shipped.url + "/ru/cities/almaty/", headers={"Accept-Encoding": "gzip"})[3] for _ in range(3)]
    for headers in answers:
        assert "X-Proxy-Cache" not in headers
        assert not CACHE_STATES & set(headers.values()), headers


def test_a_form_posted_with_only_its_origin_works_on_a_port_other_than_80(shipped):
    # Browsers without Sec-Fetch-Site send Origin, port included; the site compares it with the Host.
    status, page = post(shipped, "/en/forget/", {"Origin": shipped.url, "Host": f"127.0.0.1:{shipped.port}"})
    assert status == 200 and "Clear-Site-Data" not in page
    refused, _page = post(shipped, "/en/forget/", {"Origin": "http://evil.example", "Host": f"127.0.0.1:{shipped.port}"})
    assert refused == 403


def test_staff_log_ins_are_limited_per_client(shipped):
    statuses = [post(shipped, "/admin/login/", {})[0] for _ in range(15)]
    assert statuses[0] == 403  # no CSRF token: the site's own refusal
    assert 429 in statuses, statuses
    assert "Too many requests in a short time" in fetch(shipped.url + "/admin/login/")[1].decode()


def test_the_access_log_escapes_what_a_request_sent(shipped):
    fetch(shipped.url + '/en/%0a"forged"/')
    time.sleep(0.2)
    log = shipped.access_log.read_text()
    line = next((line for line in log.splitlines() if "forged" in line), log)
    assert '/en/%0a\\"forged\\"/' in line  # a quote cannot close the request field
