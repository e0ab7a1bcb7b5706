"""Publishing guidance: draft → review → publish, significance rules, reject, restore, schedule, and the log."""

import datetime
import re

import pytest
from django.contrib.admin.models import LogEntry
from django.core.management import call_command
from django.utils import timezone

from guidance import publishing
from guidance.models import PublishedRevisionIsFrozen, Revision
from tests.pages import page_html

from .staff import appended, decide, edited_draft, page, review_url, save_draft, start_draft

pytestmark = pytest.mark.django_db


def history_entries(html):
    listing = html.split('<ol class="history">', 1)[1].split("</ol>", 1)[0]
    listing = re.sub(r'<ul class="sources">.*?</ul>', "", listing, flags=re.DOTALL)  # each entry's documents
    return listing.count("<li>")


def test_editing_a_page_starts_a_draft_copying_the_published_text(staff_client):
    editor = staff_client("editor")
    refugees = page()
    draft = start_draft(editor, refugees)
    assert draft.status == Revision.Status.DRAFT
    assert draft.based_on == refugees.current_revision
    assert draft.body_en == refugees.current_revision.body_en
    assert draft.author == editor.user
    response = editor.get(f"/admin/guidance/guidancepage/{refugees.pk}/edit/")
    assert response.status_code == 302 and response["Location"].endswith(f"/revision/{draft.pk}/change/")


def test_draft_then_publish_shows_new_text_to_readers_at_once(client, staff_client):
    editor, publisher = staff_client("editor"), staff_client("publisher")
    draft = start_draft(editor, page())
    response = save_draft(editor, draft, submit=True, body_ru="Новый текст о правах беженцев.",
                          title_ru="Беженцы: ваши права", summary_ru="Кратко.")
    assert response.status_code == 302
    assert Revision.objects.get(pk=draft.pk).status == Revision.Status.REVIEW
    assert "Новый текст" not in page_html(client, "/ru/guidance/refugees/")

    response = decide(publisher, draft, "publish", significance="major", change_note="Russian text added.")
    assert response.status_code == 302, response.content.decode()[-2000:]
    html = page_html(client, "/ru/guidance/refugees/")
    assert "Новый текст о правах беженцев." in html
    assert "Russian text added." in page_html(client, "/ru/guidance/refugees/history/")
    assert page().current_revision_id == draft.pk


def test_review_page_lists_pending_drafts_and_shows_a_side_by_side_diff(staff_client):
    editor, publisher = staff_client("editor"), staff_client("publisher")
    draft = edited_draft(editor, submit=True, body_ru="Привет, <b>мир</b>")
    queue = page_html(publisher, "/admin/guidance/revision/?status__exact=review")
    assert review_url(draft) in queue or f"/admin/guidance/revision/{draft.pk}/change/" in queue

    html = page_html(publisher, review_url(draft) + "?lang=ru")
    assert '<table class="diff">' in html
    # Side by side, word by word, and staff text is escaped.
    assert '<td lang="ru" dir="ltr"><ins>Привет,</ins> <ins>&lt;b&gt;мир&lt;/b&gt;</ins></td>' in html
    arabic = page_html(publisher, review_url(draft) + "?lang=ar")
    assert '<p class="diff-unchanged">No change.</p>' in arabic
    assert 'name="action" value="publish"' in html and 'name="action" value="reject"' in html


def test_diff_marks_changed_words_in_a_changed_line(staff_client):
    publisher = staff_client("publisher")
    draft = start_draft(publisher, page())
    current = page().current_revision
    first_line = current.body_en.splitlines()[0]
    save_draft(publisher, draft, body_en=current.body_en.replace(first_line, first_line + " Updated", 1))
    html = page_html(publisher, review_url(draft))
    assert "<ins> Updated</ins>" in html
    assert 'class="diff-changed"' in html


@pytest.mark.parametrize("significance", ["typo", "minor"])
def test_typo_and_minor_changes_need_no_note_and_stay_out_of_history(client, staff_client, significance):
    publisher = staff_client("publisher")
    refugees = page()
    before = refugees.last_major_update
    feed_entries_before = page_html(client, "/en/updates/feed/").count("<entry>")
    history_before = history_entries(page_html(client, "/en/guidance/refugees/history/"))
    draft = edited_draft(publisher, **appended("\n\nA clearer sentence."))
    response = decide(publisher, draft, "publish", significance=significance, change_note="")
    assert response.status_code == 302
    refugees = page()
    assert refugees.current_revision_id == draft.pk
    assert refugees.last_major_update == before
    assert "A clearer sentence." in page_html(client, "/en/guidance/refugees/")
    history = page_html(client, "/en/guidance/refugees/history/")
    assert history_entries(history) == history_before
    assert "A clearer sentence" not in page_html(client, "/en/updates/")
    assert page_html(client, "/en/updates/feed/").count("<entry>") == feed_entries_before


def test_major_change_needs_a_change_note_and_moves_last_updated(client, staff_client):
    publisher = staff_client("publisher")
    refugees = page()
    draft = edited_draft(publisher, **appended("\n\nNew deadline: 10 days."))
    response = decide(publisher, draft, "publish", significance="major", change_note="")
    assert response.status_code == 200
    assert "A major change needs a change note" in response.content.decode()
    assert page().current_revision_id == refugees.current_revision_id

    decide(publisher, draft, "publish", significance="major", change_note="The deadline is now 10 days.")
    refugees = page()
    assert refugees.current_revision_id == draft.pk
    assert refugees.last_major_update == Revision.objects.get(pk=draft.pk).published_at
    today = timezone.localdate().isoformat()
    assert f'This page was last updated on <time datetime="{today}">' in page_html(client, "/en/guidance/refugees/")
    assert "The deadline is now 10 days." in page_html(client, "/en/guidance/refugees/history/")
    assert "The deadline is now 10 days." in page_html(client, "/en/updates/")
    assert "The deadline is now 10 days." in page_html(client, "/en/updates/feed/")


def test_publishing_an_unchanged_draft_is_refused(staff_client):
    publisher = staff_client("publisher")
    draft = start_draft(publisher, page())
    response = decide(publisher, draft, "publish", significance="typo")
    assert "Nothing to publish" in response.content.decode()


def test_reject_keeps_the_draft_with_the_comment_and_readers_see_nothing(client, staff_client):
    editor, publisher = staff_client("editor"), staff_client("publisher")
    draft = edited_draft(editor, submit=True, body_en="Wrong facts.")
    response = decide(publisher, draft, "reject", comment="")
    assert "Say why the draft is rejected" in response.content.decode()

    response = decide(publisher, draft, "reject", comment="The deadline is wrong; check the law.")
    assert response.status_code == 302
    rejected = Revision.objects.get(pk=draft.pk)
    assert rejected.status == Revision.Status.REJECTED
    assert rejected.body_en == "Wrong facts."
    assert "Wrong facts." not in page_html(client, "/en/guidance/refugees/")
    assert "The deadline is wrong; check the law." in page_html(editor, review_url(draft))
    # The next edit starts afresh from the published text.
    assert start_draft(editor, page()).pk != draft.pk


def test_restore_creates_a_new_revision_copying_the_old_one(client, staff_client):
    publisher = staff_client("publisher")
    asylum = page("asylum-seekers")
    old = asylum.revisions.published().order_by("published_at").first()
    newest = asylum.current_revision
    count = Revision.objects.count()
    response = publisher.post(
        f"/admin/guidance/revision/{old.pk}/restore/",
        {"significance": "major", "change_note": "Back to the 2018 text.", "seen_version": old.version,
         "seen_current": newest.pk},
    )
    assert response.status_code == 302
    asylum = page("asylum-seekers")
    restored = asylum.current_revision
    assert Revision.objects.count() == count + 1
    assert restored.pk not in (old.pk, newest.pk)
    assert restored.restores == old and restored.based_on == newest
    assert restored.body_en == old.body_en
    assert Revision.objects.get(pk=newest.pk).body_en == newest.body_en  # kept, unchanged
    assert "within 24 hours" in page_html(client, "/en/guidance/asylum-seekers/")
    assert "Back to the 2018 text." in page_html(client, "/en/guidance/asylum-seekers/history/")


def test_restoring_the_current_revision_or_a_draft_is_refused(staff_client):
    publisher = staff_client("publisher")
    current = page().current_revision
    response = publisher.get(f"/admin/guidance/revision/{current.pk}/restore/", follow=True)
    assert "Only an earlier published revision can be restored." in response.content.decode()
    with pytest.raises(publishing.PublishingRefused):
        publishing.restore(start_draft(publisher, page()), by=publisher.user, change_note="x")


def test_published_text_never_changes_in_place_and_nothing_is_deleted(staff_client):
    superuser = staff_client(superuser=True)
    current = page().current_revision
    response = superuser.post(f"/admin/guidance/revision/{current.pk}/change/", {"body_en": "Overwritten"})
    assert response.status_code == 403
    assert superuser.post(f"/admin/guidance/revision/{current.pk}/delete/", {"post": "yes"}).status_code == 403
    assert "delete_selected" not in page_html(superuser, "/admin/guidance/revision/")
    current.body_en = "Overwritten"
    with pytest.raises(PublishedRevisionIsFrozen):
        current.save()
    with pytest.raises(PublishedRevisionIsFrozen):
        current.delete()
    assert Revision.objects.get(pk=current.pk).body_en != "Overwritten"


def test_rejected_revision_is_frozen_too(staff_client):
    publisher = staff_client("publisher")
    draft = start_draft(publisher, page())
    publishing.reject(draft, by=publisher.user, comment="No.")
    draft.body_en = "Changed later"
    with pytest.raises(PublishedRevisionIsFrozen):
        draft.save()
    assert save_draft(publisher, Revision.objects.get(pk=draft.pk), body_en="x").status_code == 403


def test_scheduled_publish_waits_for_its_time_then_the_command_publishes_it(client, staff_client):
    publisher = staff_client("publisher")
    refugees = page()
    draft = edited_draft(publisher, **appended("\n\nFrom next week."))
    later = timezone.localtime() + datetime.timedelta(days=2)
    response = decide(publisher, draft, "publish", significance="major", change_note="New rule.",
                      publish_at=later.strftime("%Y-%m-%dT%H:%M"))
    assert response.status_code == 302
    draft.refresh_from_db()
    assert draft.status == Revision.Status.SCHEDULED
    assert page().current_revision_id == refugees.current_revision_id

    publishing.publish_due()  # not due yet
    assert page().current_revision_id == refugees.current_revision_id
    Revision.objects.filter(pk=draft.pk).update(publish_at=timezone.now() - datetime.timedelta(minutes=1))
    call_command("publish_scheduled", stdout=open("/dev/null", "w"))
    assert page().current_revision_id == draft.pk
    assert "From next week." in page_html(client, "/en/guidance/refugees/")
    assert LogEntry.objects.filter(object_id=str(draft.pk), user=publisher.user,
                                   change_message__startswith="Published").exists()


def test_scheduled_revision_is_held_back_if_the_page_changed_after_approval(staff_client):
    publisher = staff_client("publisher")
    asylum = page("asylum-seekers")
    draft = start_draft(publisher, asylum)
    draft.body_en += "\n\nScheduled text."
    draft.change_note_en = "Scheduled."
    publishing.schedule(draft, at=timezone.now() + datetime.timedelta(hours=1), by=publisher.user)
    old = asylum.revisions.published().order_by("published_at").first()
    publishing.restore(old, by=publisher.user, change_note="Urgent restore.")
    Revision.objects.filter(pk=draft.pk).update(publish_at=timezone.now() - datetime.timedelta(minutes=1))
    published, held = publishing.publish_due()
    assert published == [] and [r.pk for r in held] == [draft.pk]
    draft.refresh_from_db()
    assert draft.status == Revision.Status.REVIEW
    assert "page was changed after this draft was approved" in draft.review_comment


def test_scheduling_in_the_past_or_with_a_malformed_date_is_refused(staff_client):
    publisher = staff_client("publisher")
    draft = edited_draft(publisher, **appended(" x"))
    response = decide(publisher, draft, "publish", significance="typo", publish_at="2001-01-01T10:00")
    assert "must be in the future" in response.content.decode()
    response = decide(publisher, draft, "publish", significance="typo", publish_at="next tuesday")
    assert response.status_code == 200 and "Enter a valid date/time." in response.content.decode()
    response = decide(publisher, draft, "publish", significance="enormous")
    assert response.status_code == 200 and "Select a valid choice." in response.content.decode()
    assert Revision.objects.get(pk=draft.pk).status == Revision.Status.DRAFT


def test_cancelling_a_schedule_brings_the_draft_back_to_review(staff_client):
    publisher = staff_client("publisher")
    refugees = page()
    draft = edited_draft(publisher, **appended(" x"))
    later = (timezone.localtime() + datetime.timedelta(days=1)).strftime("%Y-%m-%dT%H:%M")
    decide(publisher, draft, "publish", significance="typo", publish_at=later)
    assert "will be published on" in page_html(publisher, f"/admin/guidance/guidancepage/{refugees.pk}/edit/")
    assert decide(publisher, draft, "unschedule").status_code == 302
    assert Revision.objects.get(pk=draft.pk).status == Revision.Status.REVIEW


def test_publish_reject_and_restore_are_in_the_admin_log_with_who(staff_client):
    publisher = staff_client("publisher")
    draft = edited_draft(publisher, **appended(" x"))
    decide(publisher, draft, "publish", significance="typo")
    other = edited_draft(publisher, body_en="y")
    decide(publisher, other, "reject", comment="Too short.")
    asylum = page("asylum-seekers")
    old = asylum.revisions.published().order_by("published_at").first()
    publisher.post(f"/admin/guidance/revision/{old.pk}/restore/", {
        "significance": "major", "change_note": "Restored.", "seen_version": old.version,
        "seen_current": asylum.current_revision_id,
    })
    messages = list(LogEntry.objects.filter(user=publisher.user).values_list("change_message", flat=True))
    assert "Published (Typo: spelling or formatting, the meaning is the same)." in messages
    assert "Rejected: Too short." in messages
    assert any(message.startswith("Restored the text published on") for message in messages)
    log = page_html(publisher, "/admin/guidance/revision/%d/history/" % draft.pk)
    assert "Published (Typo" in log and publisher.user.username in log


def test_scheduled_publish_and_restore_refresh_search_and_translation_status(client, staff_client):
    """The command and the restore button both publish through publish(): readers find and are told at once."""
    publisher = staff_client("publisher")
    before = page().current_revision
    found = '<a href="/en/guidance/refugees/'
    for path in ("/en/search/?q=Xylophonequest", "/ru/guidance/refugees/"):
        client.get(path)
    assert found not in page_html(client, "/en/search/?q=Xylophonequest")

    draft = edited_draft(publisher, **appended("\n\nThe Xylophonequest rule applies from next week."))
    later = timezone.localtime() + datetime.timedelta(days=1)
    decide(publisher, draft, "publish", significance="major", change_note="New rule.",
           publish_at=later.strftime("%Y-%m-%dT%H:%M"))
    Revision.objects.filter(pk=draft.pk).update(publish_at=timezone.now() - datetime.timedelta(minutes=1))
    call_command("publish_scheduled", stdout=open("/dev/null", "w"))
    assert found in page_html(client, "/en/search/?q=Xylophonequest")
    assert page().translation_status["ru"] == "immediate-update"
    assert 'class="outdated-notice"' in page_html(client, "/ru/guidance/refugees/")

    response = publisher.post(
        f"/admin/guidance/revision/{before.pk}/restore/",
        {"significance": "major", "change_note": "Back to the earlier text.", "seen_version": before.version,
         "seen_current": draft.pk},
    )
    assert response.status_code == 302
    assert found not in page_html(client, "/en/search/?q=Xylophonequest")
    # The English is again the text the Russian was translated from: nothing is outdated.
    assert page().translation_status["ru"] == "up-to-date"
    assert 'class="outdated-notice"' not in page_html(client, "/ru/guidance/refugees/")


def test_a_scheduled_revision_that_is_refused_does_not_stop_the_others(staff_client):
    publisher = staff_client("publisher")
    first = start_draft(publisher, page("asylum-seekers"))
    first.body_en += "\n\nFirst scheduled text."
    first.change_note_en = "First."
    publishing.schedule(first, at=timezone.now() + datetime.timedelta(hours=1), by=publisher.user)
    second = start_draft(publisher, page("stateless"))
    second.body_en += "\n\nSecond scheduled text."
    second.change_note_en = "Second."
    publishing.schedule(second, at=timezone.now() + datetime.timedelta(hours=1), by=publisher.user)
    # The first one lost its English summary behind the workflow's back: it cannot go out.
    Revision.objects.filter(pk=first.pk).update(summary_en="", publish_at=timezone.now() - datetime.timedelta(minutes=2))
    Revision.objects.filter(pk=second.pk).update(publish_at=timezone.now() - datetime.timedelta(minutes=1))
    published, held = publishing.publish_due()
    assert [r.pk for r in published] == [second.pk]
    assert [r.pk for r in held] == [first.pk]
    first.refresh_from_db()
    assert first.status == Revision.Status.REVIEW and first.review_comment
    assert page("stateless").current_revision_id == second.pk
