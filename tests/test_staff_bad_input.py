"""Malformed or hostile input in the staff workflow gets a clear error, never a 500."""

import pytest

from guidance.models import Revision

from .staff import page, review_url

pytestmark = pytest.mark.django_db


@pytest.fixture
def publisher(staff_client):
    return staff_client("publisher")


@pytest.mark.parametrize("query", ["?lang=xx", "?lang=<script>", "?lang="])
def test_unknown_language_in_the_review_is_a_404(publisher, draft, query):
    response = publisher.get(review_url(draft) + query)
    assert response.status_code == 404
    assert "We could not find this page" in response.content.decode()


@pytest.mark.parametrize("path", [
    "/admin/guidance/revision/999999/review/",
    "/admin/guidance/revision/999999/restore/",
    "/admin/guidance/guidancepage/999999/edit/",
])
def test_unknown_objects_are_404(publisher, path):
    assert publisher.get(path).status_code == 404


def test_malformed_revision_id_is_a_clear_message(publisher):
    response = publisher.get("/admin/guidance/revision/abc/review/", follow=True)
    assert response.status_code == 200
    assert "doesn’t exist" in response.content.decode()


@pytest.mark.parametrize("fields", [
    {"seen_version": "abc"},
    {"seen_version": ""},
    {"seen_current": "not a number"},
    {"action": "delete-everything"},
])
def test_tampered_review_form_is_refused_with_a_message(publisher, draft, fields):
    data = {"action": "publish", "significance": "typo", "seen_version": draft.version,
            "seen_current": draft.page.current_revision_id, **fields}
    response = publisher.post(review_url(draft), data)
    assert response.status_code == 200
    assert "The form is incomplete or out of date. Reload the page and try again." in response.content.decode()
    assert Revision.objects.get(pk=draft.pk).status == Revision.Status.REVIEW


def test_tampered_restore_form_is_refused_with_a_message(publisher):
    old = page("asylum-seekers").revisions.published().order_by("published_at").first()
    response = publisher.post(f"/admin/guidance/revision/{old.pk}/restore/",
                              {"significance": "major", "change_note": "x", "seen_version": "1", "seen_current": "x"})
    assert response.status_code == 200
    assert "The form is incomplete or out of date." in response.content.decode()


def test_overlong_change_note_is_a_form_error(publisher, draft):
    data = {"action": "publish", "significance": "major", "change_note": "x" * 501,
            "seen_version": draft.version, "seen_current": draft.page.current_revision_id}
    response = publisher.post(review_url(draft), data)
    assert response.status_code == 200
    assert "Ensure this value has at most 500 characters" in response.content.decode()


def test_deciding_on_a_revision_that_is_no_longer_a_draft(publisher, draft):
    current = page().current_revision
    response = publisher.post(review_url(current), {"action": "reject", "comment": "x"}, follow=True)
    assert "This revision is no longer a draft; nothing was changed." in response.content.decode()
