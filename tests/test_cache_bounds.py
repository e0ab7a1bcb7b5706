"""The cache has a bound that strangers' query strings cannot blow up: pages are stored only for the
parameters their views read, with values that exist, and local memory is bounded by bytes too."""

import pytest
from django.core.cache import cache

from config.page_cache.store import BoundedLocMemCache

pytestmark = pytest.mark.django_db


def page_entries():
    return sum(1 for key in cache._cache if "page-cache:page:" in key)


def test_strangers_query_strings_add_no_page(client):
    for path in ["/en/partners/", "/en/cities/almaty/", "/en/offices/"]:
        client.get(path)
    held = page_entries()
    for number in range(100):
        for path in [f"/en/partners/?city=nowhere{number}", f"/en/cities/almaty/?x={number}",
                     f"/en/offices/?utm_source={number}&v={number}"]:
            assert client.get(path).status_code == 200
    assert page_entries() == held


def test_every_real_filter_is_stored_once(client):
    for city in ["almaty", "astana", "shymkent", "taldykorgan"]:
        for _reader in range(3):
            client.get(f"/en/partners/?city={city}&fbclid={_reader}")
    assert page_entries() == 4


def bounded(max_bytes, max_entries=1000):
    store = BoundedLocMemCache("bounds-test", {"OPTIONS": {"MAX_BYTES": max_bytes, "MAX_ENTRIES": max_entries}})
    store.clear()
    return store


def test_local_memory_keeps_within_its_bytes():
    store = bounded(100_000)
    for number in range(100):
        store.set(f"page-{number}", b"x" * 5_000)
    assert store.bytes_held <= 100_000
    assert 15 <= len(store._cache) <= 20
    assert store.get("page-99") is not None and store.get("page-0") is None


def test_local_memory_evicts_the_least_recently_read_first():
    store = bounded(60_000)
    for number in range(10):
        store.set(f"page-{number}", b"x" * 5_000)
    for number in range(10, 40):
        store.set(f"crawl-{number}", b"x" * 5_000)
        store.get("page-0")  # a page people read keeps its place while a crawler reads the rest
    assert store.get("page-0") is not None
    assert store.get("page-1") is None


def test_local_memory_evicts_one_entry_at_a_time_when_full_by_count():
    store = bounded(10_000_000, max_entries=50)
    for number in range(51):
        store.set(f"page-{number}", number)
    assert len(store._cache) == 50  # Django's own local memory cache would have dropped a third
    store.delete("page-50")
    store.set("page-50", 50)
    assert len(store._cache) == 50


def test_the_sizes_follow_deletes_and_overwrites():
    store = bounded(1_000_000)
    store.set("a", b"x" * 1000)
    store.set("a", b"x" * 2000)
    store.set("b", b"x" * 500)
    store.delete("b")
    assert 2000 < store.bytes_held < 2100
    store.clear()
    assert store.bytes_held == 0
