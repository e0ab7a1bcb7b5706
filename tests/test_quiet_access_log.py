"""The access log of a real gunicorn records what was served, never who asked or what they searched for."""

import urllib.parse
import urllib.request
from pathlib import Path

import pytest

from .live_site import LiveSite

pytestmark = [pytest.mark.server, pytest.mark.xdist_group("server")]


def test_access_log_holds_no_client_address_and_no_search_word(tmp_path):
    log = tmp_path / "access.log"
    site = LiveSite(extra_env={"ACCESS_LOG": str(log)}).start()
    try:
        query = urllib.parse.urlencode({"q": "депортация уйгур", "utm_source": "secret-campaign"})
        with urllib.request.urlopen(f"{site.url}/ru/search/?{query}", timeout=10) as response:
            assert response.status == 200
        with urllib.request.urlopen(f"{site.url}/en/", timeout=10) as response:
            assert response.status == 200
    finally:
        site.stop()
    text = Path(log).read_text()
    assert "/ru/search/" in text and "GET /en/ HTTP/1.1\" 200" in text  # the log does log
    for secret in ("127.0.0.1", "депортация", "%D0%B4", "q=", "secret-campaign", "utm_source"):
        assert secret not in text, f"{secret!r} is in the access log:\n{text}"
