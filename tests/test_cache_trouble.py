"""With Redis down, slow or restarted, readers get correct pages, and the log gets one warning, not
one traceback per request."""

import logging
import socket
import threading

import pytest
from django.test import Client
from pytest_django.asserts import assertContains

from config.page_cache import trouble, versions
from config.page_cache.models import ContentVersion
from guidance.models import GuidancePage
from tests.factories import published_revision

from .redis_server import redis_server

pytestmark = [pytest.mark.django_db, pytest.mark.same_on_every_database]
PAGE = "/en/guidance/refugees/"


def use_redis(settings, url, **options):
    settings.CACHES = {"default": {"BACKEND": "config.page_cache.store.RedisCache", "LOCATION": url,
                                   "OPTIONS": {"socket_timeout": 0.3, "socket_connect_timeout": 0.3, **options}}}


@pytest.fixture(params=[True, False], ids=["with persistence", "without persistence"])
def redis(request, settings):
    with redis_server(persistent=request.param) as server:
        use_redis(settings, server.url)
        yield server


def read(path=PAGE):
    """A page as a new reader gets it (test clients keep no cookies between readers)."""
    response = Client().get(path)
    assert response.status_code == 200
    return response


def test_a_publish_is_not_undone_by_a_redis_restart(redis):
    assert read()["X-Page-Cache"] == "miss"
    assert read()["X-Page-Cache"] == "hit"
    redis.snapshot()  # Redis's last snapshot holds the old page and its versions
    published_revision("refugees", title_en="Refugees", body_en="## New\n\nThe rule after the restart.")
    assertContains(read(), "The rule after the restart.")
    redis.restart()
    trouble.reset()  # the restart may have been noticed as a failure: try the cache again at once
    for _reader in range(3):
        assertContains(read(), "The rule after the restart.")
    assert read()["X-Page-Cache"] == "hit"


def test_readers_share_the_connections_to_redis_and_stored_pages_need_no_database_check(redis, settings):
    """The gevent worker serves each request in a greenlet, which Django treats as a thread of its
    own: each used to open a connection to Redis, and each new connection sent the next stored
    page to the database to check the cache's versions (one second, with the database hung)."""
    # Time enough for a loaded machine to answer: a timeout would drop the connection and open another.
    use_redis(settings, redis.url, socket_timeout=10, socket_connect_timeout=10)
    read(), read()  # stored, and this process has checked the versions of this Redis run
    before = redis.connections_received()
    answers = []
    readers = [threading.Thread(target=lambda: answers.append(read())) for _reader in range(20)]
    for reader in readers:
        reader.start()
        reader.join()
    assert [answer["X-Page-Cache"] for answer in answers] == ["hit"] * 20
    assert redis.connections_received() - before <= 1  # the pool's connection, reused by every reader
    assert not versions._sync["needed"]  # nothing sends the next stored page to the database


def test_the_shared_redis_clients_stay_few_whatever_the_settings_name():
    from config.page_cache import store

    caches = [store.RedisCache(f"redis://127.0.0.1:{port}/0", {}) for port in range(7000, 7000 + 3 * store.MAX_CLIENTS)]
    clients = [each._cache for each in caches]  # no connection is opened until a command is sent
    assert len({id(client) for client in clients}) == 3 * store.MAX_CLIENTS  # one per location
    assert len(store._clients) <= store.MAX_CLIENTS  # the process keeps only the newest
    again = store.RedisCache("redis://127.0.0.1:7000/0", {})
    assert again._cache is store.RedisCache("redis://127.0.0.1:7000/0", {})._cache  # one per location


def test_a_publish_while_redis_is_down_is_seen_when_it_is_back(redis):
    read()
    redis.snapshot()
    redis.stop()
    published_revision("refugees", title_en="Refugees", body_en="## New\n\nPublished while the cache was down.")
    assertContains(read(), "Published while the cache was down.")
    redis.start()
    trouble.reset()
    assertContains(read(), "Published while the cache was down.")
    assertContains(read(), "Published while the cache was down.")


def test_the_database_keeps_the_versions_a_restarted_cache_may_lose():
    page = GuidancePage.objects.get(slug="refugees")
    before = dict(ContentVersion.objects.values_list("tag", "version"))
    published_revision(page)
    after = dict(ContentVersion.objects.values_list("tag", "version"))
    for tag in ("guidance", f"guidance-page:{page.pk}"):
        assert after[tag] > before.get(tag, 0)
    assert after.get("figures") == before.get("figures")  # what did not change keeps its version


def test_redis_down_gives_pages_and_one_warning(settings, caplog):
    use_redis(settings, "redis://127.0.0.1:1/0")
    with caplog.at_level(logging.INFO):
        for path in [PAGE, "/ru/cities/almaty/", "/ar/about/"] * 8:
            assertContains(read(path), "tel:+77017447238")
    warnings = [record for record in caplog.records if record.levelno >= logging.WARNING]
    assert len(warnings) == 1, [record.getMessage() for record in warnings]
    assert "Cache unavailable" in warnings[0].getMessage()
    assert warnings[0].exc_info is None  # no traceback


def connections_waiting(listener):
    """How many connections the kernel accepted on `listener` since the last call (nobody answers them)."""
    listener.setblocking(False)
    count = 0
    while True:
        try:
            listener.accept()[0].close()
        except BlockingIOError:
            return count
        count += 1


def test_a_silent_redis_costs_one_timeout_not_one_per_request(settings, monkeypatch):
    # However slowly a loaded machine renders the ten pages, they fall within the pause after the failure.
    monkeypatch.setattr(trouble, "RETRY_SECONDS", 3600)
    with socket.socket() as silent:  # accepts connections and never answers
        silent.bind(("127.0.0.1", 0))
        silent.listen(64)
        use_redis(settings, "redis://127.0.0.1:%d/0" % silent.getsockname()[1])
        assertContains(read("/en/cities/"), "tel:+77017447238")  # waits for the timeout once
        assert connections_waiting(silent) >= 1  # it did try Redis
        for _reader in range(10):
            assertContains(read("/en/cities/"), "tel:+77017447238")
        assert connections_waiting(silent) == 0  # ten renders, and not one of them waited for Redis
