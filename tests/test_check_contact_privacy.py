"""What a person checks stays theirs: the contact they typed is in no log, no address, no page title,
no cache, and the answer is marked for no browser, proxy or offline copy to keep. The detectors are
shown to catch a leak once, on purpose, so that a passing test means something."""

import gzip
import logging
import pickle
from contextlib import contextmanager
from http import HTTPStatus

import pytest
from django.core.cache import cache

pytestmark = pytest.mark.django_db

FROM_OUR_PAGE = {"HTTP_SEC_FETCH_SITE": "same-origin"}
# Contacts no page of the site contains, as a person would type them, and the traces they would leave.
SECRETS = {
    "+7 (701) 555-01-99": ["5550199", "555-01-99", "555 01 99", "555 0199", "555%20"],
    "unhcr-help.kz": ["unhcr-help"],
    "resettlement@unhcr-help.kz": ["resettlement@", "resettlement%40", "unhcr-help"],
}


class Everything(logging.Handler):
    def __init__(self):
        super().__init__(level=logging.DEBUG)
        self.lines = []

    def emit(self, record):
        self.lines.append(f"{record.name} {record.getMessage()} {record.args!r} {record.__dict__!r}")


@contextmanager
def every_log_record():
    """Every record of every logger, whatever its level, propagation or own handlers."""
    handler = Everything()
    loggers = [logging.getLogger()] + [logging.getLogger(name) for name in list(logging.Logger.manager.loggerDict)]
    saved = [(logger, logger.level) for logger in loggers]
    for logger in loggers:
        logger.addHandler(handler)
        logger.setLevel(logging.DEBUG)
    try:
        yield handler.lines
    finally:
        for logger, level in saved:
            logger.removeHandler(handler)
            logger.setLevel(level)


def _texts(value):
    """Every string and byte string in a cached value, decompressed and unpickled where they are."""
    if isinstance(value, bytes):
        for load in (gzip.decompress, pickle.loads):
            try:
                yield from _texts(load(value))
            except Exception:  # noqa: BLE001, S110 - not that kind of bytes: read them as they are
                pass
        yield value.decode("utf-8", "replace")
    elif isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _texts(key)
            yield from _texts(item)
    elif isinstance(value, (list, tuple, set)):
        for item in value:
            yield from _texts(item)
    else:
        yield repr(value)


def everything_in_the_cache():
    """The keys and values of every entry of the page cache's store (local memory in the tests)."""
    return "\n".join(text for key, value in list(cache._cache.items()) for text in [key, *_texts(value)])


def leaks(text, contact):
    return [trace for trace in [contact, *SECRETS[contact]] if trace.lower() in text.lower()]


@pytest.mark.parametrize("contact", list(SECRETS))
def test_the_contact_is_in_no_log_address_title_or_cache(client, contact):
    client.get("/en/check/")  # the form, stored for everyone
    with every_log_record() as lines:
        response = client.post("/en/check/", {"contact": contact}, **FROM_OUR_PAGE)
        refused = client.post("/en/check/", {"contact": contact}, HTTP_SEC_FETCH_SITE="cross-site")
        unreadable = client.post("/en/check/", {"contact": contact + " @@ !"}, **FROM_OUR_PAGE)
        after = client.get("/en/check/")
    assert response.status_code == HTTPStatus.OK and "Not on our list" in response.content.decode()
    assert (refused.status_code, unreadable.status_code) == (HTTPStatus.FORBIDDEN, HTTPStatus.BAD_REQUEST)
    assert any("Forbidden" in line for line in lines), "the log does log the refusals"
    assert leaks("\n".join(lines), contact) == []
    for answer in (response, refused, unreadable):
        html = answer.content.decode()
        title = html[html.index("<title>"):html.index("</title>")]
        assert title.startswith("<title>Check a contact ·") and leaks(title, contact) == []
        assert answer.request["PATH_INFO"] == "/en/check/" and not answer.request.get("QUERY_STRING")
        assert "Location" not in answer  # the answer is at the form's address: nothing new in the history
        directives = {d.strip() for d in answer["Cache-Control"].split(",")}
        assert {"private", "no-store"} <= directives
        assert "ETag" not in answer and "X-Page-Cache" not in answer
    assert after["X-Page-Cache"] == "hit" and leaks(after.content.decode(), contact) == []
    assert leaks(everything_in_the_cache(), contact) == []


def test_the_detectors_catch_a_leak_put_there_on_purpose(client):
    """Broken once on purpose: a view that logged the contact, or a cache that stored it, is caught."""
    contact = "+7 (701) 555-01-99"
    with every_log_record() as lines:
        logging.getLogger("django.request").debug("Checked %s", contact.replace(" ", "").replace("-", ""))
    assert leaks("\n".join(lines), contact)
    cache.set("page:/en/check/", {"content": gzip.compress(b"<p>+7 701 555 0199</p>"), "headers": []})
    assert leaks(everything_in_the_cache(), contact)
    cache.clear()
    assert not leaks(everything_in_the_cache(), contact)


def test_the_offline_worker_keeps_only_the_official_list_of_these_pages():
    """static/js/sw.js keeps public GET pages without a query string and never a response marked
    no-store; of /check/ it may keep only the printable list, not the form or an answer."""
    from pathlib import Path

    worker = Path(__file__).resolve().parent.parent.joinpath("static/js/sw.js").read_text()
    assert 'if (request.method !== "GET" || !ours(url)) return;' in worker and "private|no-store" in worker
    public = worker.split("const PUBLIC = ", 1)[1].split(";\n", 1)[0]
    assert "check\\/official" in public and "check)" not in public and "|check|" not in public
