"""Public pages are served from the cache, and a change is never hidden by it."""

import gzip
import time

import pytest
from django.http import HttpResponse
from django.test import Client, RequestFactory
from pytest_django.asserts import assertNotContains

from config import page_cache
from guidance.models import GuidancePage, Significance
from guidance.publishing import publish
from offices.models import City, FormerCityName, Office
from partners.models import Partner, Service
from tests.factories import draft_revision

from .staff import decide, edited_draft

pytestmark = pytest.mark.django_db


def get(client, path, **headers):
    return client.get(path, headers=headers)


def new_revision(slug, text, significance=Significance.MAJOR):
    return draft_revision(
        slug, title_en=f"{slug} title {text}", summary_en=f"Summary {text}", body_en=f"## New\n\n{text}",
        change_note_en=f"Note {text}", significance=significance,
    )


def test_second_reader_gets_the_stored_page(client):
    first = get(client, "/en/guidance/refugees/")
    second = get(client, "/en/guidance/refugees/")
    assert first["X-Page-Cache"] == "miss"
    assert second["X-Page-Cache"] == "hit"
    assert second.content == first.content
    assert second["Content-Security-Policy"] == first["Content-Security-Policy"]
    assert first["Cache-Control"] == "no-cache"  # browsers always ask again: 304 while unchanged
    # The second sets no language cookie: a proxy in front may keep it a few seconds (test_shared_cache_headers.py).
    assert second["Cache-Control"] == "public, max-age=0, s-maxage=3, stale-while-revalidate=2, stale-if-error=86400"


def test_stored_page_needs_no_database(client, django_assert_num_queries):
    get(client, "/en/cities/almaty/")
    with django_assert_num_queries(0):
        assert get(client, "/en/cities/almaty/")["X-Page-Cache"] == "hit"


def test_publishing_shows_the_new_text_at_once_everywhere_it_appears(client):
    for path in ["/en/", "/en/guidance/asylum-seekers/", "/en/guidance/refugees/", "/en/guidance/refugees/history/",
                 "/en/updates/", "/en/cities/almaty/"]:
        get(client, path)
    publish(new_revision("refugees", "Brand-new rule"))
    assert "Brand-new rule" in get(client, "/en/guidance/refugees/").content.decode()
    assert "Summary Brand-new rule" in get(client, "/en/guidance/asylum-seekers/").content.decode()
    assert "Summary Brand-new rule" in get(client, "/en/").content.decode()
    assert "Note Brand-new rule" in get(client, "/en/guidance/refugees/history/").content.decode()
    assert "refugees title Brand-new rule" in get(client, "/en/updates/").content.decode()


def test_publishing_in_one_language_refreshes_every_language(client):
    get(client, "/ru/guidance/stateless/")
    revision = new_revision("stateless", "x")
    revision.body_ru = "## Новое\n\nНовый русский текст"
    revision.save()
    publish(revision)
    assert "Новый русский текст" in get(client, "/ru/guidance/stateless/").content.decode()


def test_a_draft_does_not_change_what_readers_see(client):
    get(client, "/en/guidance/refugees/")
    new_revision("refugees", "Unpublished")
    assertNotContains(get(client, "/en/guidance/refugees/"), "Unpublished")


def test_drafts_reviews_and_rejections_leave_stored_pages_in_place(client, staff_client):
    paths = ["/en/", "/en/guidance/refugees/", "/en/guidance/refugees/history/", "/en/updates/", "/en/cities/almaty/"]
    for path in paths:
        get(client, path)
    editor, publisher = staff_client("editor"), staff_client("publisher")
    draft = edited_draft(editor, submit=True, body_en="Wrong facts.")
    assert decide(publisher, draft, "reject", comment="Check the law.").status_code == 302
    for path in paths:
        response = get(client, path)
        assert response["X-Page-Cache"] == "hit", path
        assert "Wrong facts." not in response.content.decode()


def test_invalidation_touches_only_what_changed(client):
    get(client, "/en/cities/")
    get(client, "/en/guidance/stateless/history/")
    publish(new_revision("refugees", "elsewhere"))
    assert get(client, "/en/cities/")["X-Page-Cache"] == "hit"  # no guidance on the city list
    assert get(client, "/en/guidance/stateless/history/")["X-Page-Cache"] == "hit"  # another page's history


def test_an_office_change_shows_on_city_and_office_pages(client):
    get(client, "/en/cities/almaty/")
    get(client, "/en/offices/")
    office = Office.objects.filter(city__slug="almaty").first()
    office.name_en = "Renamed Office For Test"
    office.save()
    assert "Renamed Office For Test" in get(client, "/en/cities/almaty/").content.decode()
    assert "Renamed Office For Test" in get(client, "/en/offices/").content.decode()


def test_a_partners_new_service_shows_at_once(client):
    get(client, "/en/partners/bhr/")
    service = Service.objects.create(slug="test-service", name_en="Help With Test Things")
    Partner.objects.get(slug="bhr").services.add(service)
    assert "Help With Test Things" in get(client, "/en/partners/bhr/").content.decode()


def test_a_deleted_city_disappears_from_the_list(client):
    city = City.objects.create(slug="testgrad", name_en="Testgrad")
    assert "Testgrad" in get(client, "/en/cities/").content.decode()
    city.delete()
    assertNotContains(get(client, "/en/cities/"), "Testgrad")


def test_a_change_to_content_the_cache_does_not_know_refreshes_every_page(client, monkeypatch):
    monkeypatch.delitem(page_cache.MODEL_TAGS, "offices.formercityname")
    get(client, "/en/guidance/refugees/")
    FormerCityName.objects.create(city=City.objects.get(slug="almaty"), name="Alma-Ata", slug="alma-ata")
    assert get(client, "/en/guidance/refugees/")["X-Page-Cache"] == "miss"


def test_a_page_that_rendered_while_content_changed_is_not_stored():
    def view_racing_a_publish(request):
        page_cache.declare(request, "guidance")
        response = HttpResponse("old text")  # read before the publish below committed
        page_cache.bump("guidance")
        return response

    racing = page_cache.PageCacheMiddleware(view_racing_a_publish)
    assert "X-Page-Cache" not in racing(RequestFactory().get("/en/guidance/refugees/"))
    calm = page_cache.PageCacheMiddleware(lambda request: HttpResponse("new text"))
    assert calm(RequestFactory().get("/en/guidance/refugees/"))["X-Page-Cache"] == "miss"
    assert calm(RequestFactory().get("/en/guidance/refugees/")).content == b"new text"


def test_language_cookie_is_set_on_stored_pages_but_never_stored():
    first_reader, second_reader = Client(), Client()
    assert first_reader.get("/uk/cities/").cookies["django_language"].value == "uk"
    hit = second_reader.get("/uk/cities/")
    assert hit["X-Page-Cache"] == "hit"
    assert hit.cookies["django_language"].value == "uk"
    assert second_reader.get("/")["Location"] == "/uk/"
    again = second_reader.get("/uk/cities/")
    assert "django_language" not in again.cookies  # already remembered


@pytest.mark.parametrize("path", ["/en/no-such-page/", "/en/guidance/nothing/", "/en/cities/nur-sultan/", "/", "/healthz"])
def test_errors_and_redirects_are_not_stored(client, path):
    get(client, path)
    assert "X-Page-Cache" not in get(client, path)


def test_logged_in_staff_never_get_or_fill_the_cache(client, django_user_model):
    staff = django_user_model.objects.create_user("staffer", password="a long passphrase 123", is_staff=True)
    client.force_login(staff)
    assert "X-Page-Cache" not in get(client, "/en/guidance/refugees/")
    assert "X-Page-Cache" not in get(client, "/en/guidance/refugees/")
    assert Client().get("/en/guidance/refugees/")["X-Page-Cache"] == "miss"


def test_a_page_with_a_csrf_token_is_neither_stored_nor_compressed(client):
    response = get(client, "/admin/login/", accept_encoding="gzip")
    assert "csrftoken" in response.cookies
    assert "Content-Encoding" not in response
    assert "X-Page-Cache" not in response


def test_hostile_query_strings_are_served_not_stored(client):
    for path in ["/en/partners/?city=" + "x" * 2000, "/en/partners/?city=<script>", "/en/partners/?service=nothing"]:
        assert get(client, path).status_code == 200
        assert "X-Page-Cache" not in get(client, path)


def test_each_filter_is_its_own_page(client):
    almaty = get(client, "/en/partners/?city=almaty").content.decode()
    everything = get(client, "/en/partners/").content.decode()
    assert almaty != everything


def test_compressed_and_plain_readers_each_get_what_they_can_read(client):
    compressed = get(client, "/en/guidance/refugees/", accept_encoding="gzip, br")
    compressed_hit = get(client, "/en/guidance/refugees/", accept_encoding="gzip")
    plain = get(client, "/en/guidance/refugees/")
    assert compressed["Content-Encoding"] == compressed_hit["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in compressed_hit["Vary"]
    assert gzip.decompress(compressed_hit.content).decode().startswith("<!doctype html>")
    assert plain.content.decode().startswith("<!doctype html>")
    assert len(compressed_hit.content) < len(plain.content) / 2


def test_unchanged_page_answers_304_to_its_etag(client):
    etag = get(client, "/en/cities/almaty/")["ETag"]
    response = get(client, "/en/cities/almaty/", if_none_match=etag)
    assert response.status_code == 304
    assert response.content == b""


@pytest.mark.parametrize("path", ["/ru/partners/", "/en/partners/?city=almaty"])
def test_a_compressed_page_keeps_one_etag_and_answers_304(client, path):
    # gzip answers are padded with random bytes: their ETag is that of the page, not of the bytes.
    etags = {get(client, path, accept_encoding="gzip")["ETag"] for _again in range(3)}
    assert len(etags) == 1, etags
    response = get(client, path, accept_encoding="gzip", if_none_match=etags.pop())
    assert response.status_code == 304 and response.content == b""


def test_changed_page_answers_200_to_an_old_etag(client):
    etag = get(client, "/en/guidance/refugees/")["ETag"]
    publish(new_revision("refugees", "changed"))
    response = get(client, "/en/guidance/refugees/", if_none_match=etag)
    assert response.status_code == 200
    assert response["ETag"] != etag


def test_last_modified_answers_if_modified_since(client, monkeypatch):
    get(client, "/en/about/")
    real_time = time.time
    monkeypatch.setattr(time, "time", lambda: real_time() + 5)  # a few seconds later
    last_modified = get(client, "/en/about/")["Last-Modified"]
    assert get(client, "/en/about/", if_modified_since=last_modified).status_code == 304
    publish(new_revision("refugees", "unrelated to about"))
    assert get(client, "/en/about/", if_modified_since=last_modified).status_code == 304
    monkeypatch.setattr(time, "time_ns", lambda: int((real_time() + 10) * 1e9))
    figure_change = Office.objects.get(slug="unhcr-hotline")  # the hotline is on every page
    figure_change.save()
    monkeypatch.setattr(time, "time", lambda: real_time() + 15)
    response = get(client, "/en/about/", if_modified_since=last_modified)
    assert response.status_code == 200
    assert response["Last-Modified"] != last_modified


def test_head_is_answered_from_the_cache(client):
    get(client, "/en/offices/")
    response = client.head("/en/offices/")
    assert response.status_code == 200
    assert response["X-Page-Cache"] == "hit"


def test_pages_are_served_when_the_cache_is_down(client, settings):
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache",
                                   "LOCATION": "redis://127.0.0.1:1/0"}}
    response = get(client, "/en/guidance/refugees/")
    assert response.status_code == 200
    assert "tel:+77017447238" in response.content.decode()


def test_cache_can_be_turned_off(client, settings):
    settings.CACHE_SECONDS = 0
    client = Client()
    get(client, "/en/")
    assert "X-Page-Cache" not in get(client, "/en/")


def test_a_feedback_vote_leaves_every_stored_page_in_place(client):
    pages = ["/en/updates/feed/", "/en/guidance/refugees/", "/en/"]  # (searches are never stored)
    for path in pages:
        get(client, path)
    voter = Client()
    response = voter.post(
        "/en/guidance/refugees/feedback/",
        {"answer": "no", "revision": GuidancePage.objects.get(slug="refugees").current_revision_id},
        HTTP_SEC_FETCH_SITE="same-origin",
    )
    assert response.status_code == 302
    voter.post("/en/guidance/refugees/feedback/reason/", {"reason": "hard"}, HTTP_SEC_FETCH_SITE="same-origin")
    for path in pages:
        assert get(client, path)["X-Page-Cache"] == "hit", path
