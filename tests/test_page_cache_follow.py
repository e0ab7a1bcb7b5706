"""A page cache private to each process (local memory) learns from the database what other processes
changed (config/page_cache/follow.py): what they write is the content and its versions in the
database, never this process's cache. The servers themselves: tests/test_heavy_requests.py."""

import logging
from unittest import mock

import pytest
from django.core.cache import cache
from django.db import OperationalError

from config.page_cache import ANY_CONTENT, GENERATION, HOTLINE, TAG_KEY, follow, new_version, versions
from config.page_cache.models import ContentVersion
from offices.models import Office

pytestmark = pytest.mark.django_db

CITY = "/en/cities/almaty/"


def changed_by_another_process(phones):
    """What a save in another process leaves here: the row and the versions in the database, no signal."""
    Office.objects.filter(slug="unhcr-hotline").update(phones=phones)
    for tag in (HOTLINE, ANY_CONTENT, GENERATION):  # what versions.bump records
        ContentVersion.objects.update_or_create(tag=tag, defaults={"version": new_version()})


def test_a_change_made_in_another_process_is_served_after_the_next_check(client):
    client.get(CITY)
    assert client.get(CITY)["X-Page-Cache"] == "hit"
    changed_by_another_process("+77017000002")
    stale = client.get(CITY)
    assert stale["X-Page-Cache"] == "hit" and b"tel:+77017000002" not in stale.content  # nothing told this process yet

    assert versions.resync(following=True)  # the check follow.py runs every SYNC_SECONDS

    fresh = client.get(CITY)
    assert fresh.status_code == 200 and fresh["X-Page-Cache"] == "miss"
    assert b"tel:+77017000002" in fresh.content
    assert client.get(CITY)["X-Page-Cache"] == "hit"  # and stored again, until the next change


def test_a_check_that_finds_nothing_new_keeps_every_stored_page(client):
    client.get(CITY)
    versions.resync(following=True)  # the first check gives this process the database's tags
    client.get(CITY)
    for _check in range(3):
        assert versions.resync(following=True)
        assert client.get(CITY)["X-Page-Cache"] == "hit"


def test_a_change_is_recorded_again_after_its_commit(django_capture_on_commit_callbacks):
    """A process that gave a tag a newer version while the change's transaction was open (it rendered the
    data before the commit) must still find the database's version newer than its own."""
    office = Office.objects.get(slug="unhcr-hotline")
    with django_capture_on_commit_callbacks(execute=False) as after_commit:
        office.phones = "+77017000003"
        office.save()
    inside = ContentVersion.objects.get(tag=HOTLINE).version
    other_process_meanwhile = new_version()
    for callback in after_commit:
        callback()
    recorded = ContentVersion.objects.get(tag=HOTLINE).version
    assert recorded > other_process_meanwhile > inside
    assert cache.get(TAG_KEY % HOTLINE) == recorded


def test_an_outage_is_logged_once_readers_never_wait_for_it_and_a_change_is_not_logged(client, caplog):
    client.get(CITY)
    failing = mock.patch.object(ContentVersion.objects, "values_list", side_effect=OperationalError("unreachable"))
    with caplog.at_level(logging.WARNING, logger="config.page_cache"), failing:
        assert not versions.resync(following=True)
        assert versions.database_is_resting()  # follow.py leaves the database alone a while
        assert not versions.resync(following=True)
        versions._sync["retry_at"] = 0.0  # the pause is over, the database still down
        assert client.get(CITY)["X-Page-Cache"] == "hit"  # readers are served what is stored, not sent to the database
    assert len(caplog.records) == 1 and "Could not check the page cache" in caplog.records[0].getMessage()

    caplog.clear()
    changed_by_another_process("+77017000004")
    with caplog.at_level(logging.WARNING, logger="config.page_cache"):
        assert versions.resync(following=True)
    assert caplog.records == []  # another process's change is expected, not a cache that went back
    assert b"tel:+77017000004" in client.get(CITY).content


def test_only_a_private_cache_is_followed(settings):
    assert follow.cache_is_private()
    settings.CACHES = {"default": {"BACKEND": "config.page_cache.store.RedisCache", "LOCATION": "redis://127.0.0.1:1/0"}}
    assert not follow.cache_is_private()
