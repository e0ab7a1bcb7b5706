"""Two staff members working on the same page at once are told, never silently overwritten."""

import pytest

from guidance import publishing
from guidance.models import Revision

from .staff import decide, edited_draft, form_data, page, review_url, save_draft, start_draft

pytestmark = pytest.mark.django_db


def test_second_save_of_the_same_draft_is_refused_with_a_link_to_the_first(staff_client):
    amina, boris = staff_client("editor"), staff_client("editor")
    draft = start_draft(amina, page())
    assert start_draft(boris, page()).pk == draft.pk  # both open the same draft
    opened = Revision.objects.get(pk=draft.pk)  # both forms carry this version

    assert save_draft(amina, opened, body_en="Amina's text").status_code == 302
    response = save_draft(boris, opened, body_en="Boris's text")

    assert response.status_code == 200
    html = response.content.decode()
    assert "Editor saved a change to this draft at" in html
    assert "Nothing was saved over their change." in html
    assert f'<a href="{review_url(draft)}" target="_blank" rel="noopener">See their change.</a>' in html
    assert "Boris&#x27;s text" in html  # his text is still in the form, not lost
    assert Revision.objects.get(pk=draft.pk).body_en == "Amina's text"


def test_saving_again_from_the_latest_version_works(staff_client):
    editor = staff_client("editor")
    draft = edited_draft(editor, body_en="First")
    assert save_draft(editor, draft, body_en="Second").status_code == 302
    assert Revision.objects.get(pk=draft.pk).body_en == "Second"


def test_saving_a_draft_that_was_published_meanwhile_is_refused(staff_client):
    editor, publisher = staff_client("editor"), staff_client("publisher")
    draft = edited_draft(editor, body_en="Ready text", submit=True)
    decide(publisher, draft, "publish", significance="typo")
    response = save_draft(editor, draft, body_en="Late edit")
    assert response.status_code == 403  # a published revision cannot be edited at all
    assert Revision.objects.get(pk=draft.pk).body_en == "Ready text"


def test_publishing_a_draft_changed_after_the_review_was_opened_is_refused(staff_client):
    editor, publisher = staff_client("editor"), staff_client("publisher")
    draft = seen = edited_draft(editor, body_en="Reviewed text", submit=True)
    save_draft(editor, seen, body_en="Unreviewed text")

    response = publisher.post(review_url(draft), {
        "action": "publish", "significance": "typo", "seen_version": seen.version,
        "seen_current": seen.page.current_revision_id,
    }, follow=True)
    html = response.content.decode()
    assert "saved a change to this draft at" in html
    assert "Unreviewed" in html  # the review shows the latest text again
    assert Revision.objects.get(pk=draft.pk).status == Revision.Status.REVIEW
    assert page().current_revision_id != draft.pk


def test_publishing_after_someone_else_published_the_page_is_refused(staff_client):
    editor, publisher = staff_client("editor"), staff_client("publisher")
    asylum = page("asylum-seekers")
    draft = seen = edited_draft(editor, "asylum-seekers", body_en="Draft text", submit=True)
    old = asylum.revisions.published().order_by("published_at").first()
    restored = publishing.restore(old, by=publisher.user, change_note="Restored.")

    response = publisher.post(review_url(draft), {
        "action": "publish", "significance": "typo", "seen_version": seen.version,
        "seen_current": asylum.current_revision_id,
    }, follow=True)
    html = response.content.decode()
    assert "published another change of this page at" in html
    assert f'<a href="{review_url(restored)}" target="_blank" rel="noopener">See their change.</a>' in html
    assert page("asylum-seekers").current_revision_id == restored.pk


def test_tampered_version_field_is_a_clear_form_error_not_a_500(staff_client):
    editor = staff_client("editor")
    draft = start_draft(editor, page())
    data = form_data(draft, seen_version="abc", _save="1")
    response = editor.post(f"/admin/guidance/revision/{draft.pk}/change/", data)
    assert response.status_code == 200
    assert "Enter a whole number." in response.content.decode()
