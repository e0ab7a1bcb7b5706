"""An editor proposes a change of a published notice (a new end date): readers see the notice as it was until a
publisher approves it from their admin home; the approval is in the notice's field history; a rejection changes nothing."""

import datetime
from http import HTTPStatus

import pytest
from django.utils import timezone, translation

from config.history.models import FieldChange
from config.periods import period_text
from config.site.models import NoticeChange

from .factories import committed, notice
from .pages import page_html
from .staff_profiles import member

pytestmark = pytest.mark.django_db

ADD_URL = "/admin/site/noticechange/add/"
LIST_URL = "/admin/site/noticechange/"


def midnight(days):
    today = timezone.localdate() + datetime.timedelta(days=days)
    return timezone.make_aware(datetime.datetime.combine(today, datetime.time.min))


def in_english(starts, ends):
    with translation.override("en"):
        return period_text(starts, ends)


@pytest.fixture
def closure():
    return notice("Almaty office closed for repairs", site_wide=True, starts_at=midnight(-1), ends_at=midnight(5))


def propose(editor, closure, **fields):
    new_end = timezone.localtime(midnight(12))
    data = {"notice": closure.pk, "title": "", "text": "", "reason": "The landlord extended the repairs.",
            "ends_at_0": f"{new_end:%Y-%m-%d}", "ends_at_1": f"{new_end:%H:%M:%S}", **fields}
    with committed():
        return editor.post(ADD_URL, data)


def test_a_proposed_end_is_invisible_until_a_publisher_approves_it_from_the_admin_home(client, closure):
    editor, publisher = member("editor"), member("publisher")
    notice_page = page_html(editor, f"/admin/site/notice/{closure.pk}/change/")
    assert f'href="{ADD_URL}?notice={closure.pk}"' in notice_page and "Propose a change" in notice_page
    old_period, new_period = in_english(midnight(-1), midnight(5)), in_english(midnight(-1), midnight(12))
    assert old_period in page_html(client, "/en/notices/")

    response = propose(editor, closure)
    assert response.status_code == HTTPStatus.FOUND, response.content.decode()[:3000]
    proposal = NoticeChange.objects.get(notice=closure)
    assert proposal.status == NoticeChange.Status.WAITING and proposal.proposed_by == editor.user
    readers = page_html(client, "/en/notices/")
    assert old_period in readers and new_period not in readers
    closure.refresh_from_db()
    assert closure.ends_at == midnight(5)

    home = page_html(publisher, "/admin/")
    assert f'href="{LIST_URL}?status__exact=waiting"' in home and "Proposed changes of notices waiting for my review" in home
    assert '<td class="count">1</td>' in home.split("Proposed changes of notices waiting for my review", 1)[1][:60]
    assert 'value="approve"' not in page_html(editor, LIST_URL)  # an editor cannot approve their own proposal
    editor.post(LIST_URL, {"action": "approve", "_selected_action": [proposal.pk]})
    assert NoticeChange.objects.get(pk=proposal.pk).status == NoticeChange.Status.WAITING

    with committed():
        response = publisher.post(LIST_URL, {"action": "approve", "_selected_action": [proposal.pk]})
    assert response.status_code == HTTPStatus.FOUND
    proposal.refresh_from_db()
    assert proposal.status == NoticeChange.Status.APPROVED and proposal.decided_by == publisher.user
    readers = page_html(client, "/en/notices/")
    assert new_period in readers and old_period not in readers
    change = FieldChange.objects.of(closure).filter(field="ends_at").newest_first().first()
    assert change.changed_by == publisher.user
    assert [datetime.datetime.fromisoformat(value) for value in (change.old_value, change.new_value)] == [midnight(5), midnight(12)]


def test_a_rejected_proposal_changes_nothing(client, closure):
    editor, publisher = member("editor"), member("publisher")
    propose(editor, closure, title="Almaty office closed until further notice")
    proposal = NoticeChange.objects.get(notice=closure)
    publisher.post(LIST_URL, {"action": "reject", "_selected_action": [proposal.pk]})
    assert NoticeChange.objects.get(pk=proposal.pk).status == NoticeChange.Status.REJECTED
    assert "until further notice" not in page_html(client, "/en/notices/")
    publisher.post(LIST_URL, {"action": "approve", "_selected_action": [proposal.pk]})  # decided: approving it now does nothing
    closure.refresh_from_db()
    assert closure.title_en == "Almaty office closed for repairs" and closure.ends_at == midnight(5)


def test_an_empty_proposal_or_an_end_before_the_start_is_refused_in_words(closure):
    editor = member("editor")
    empty = propose(editor, closure, ends_at_0="", ends_at_1="")
    assert empty.status_code == HTTPStatus.OK
    assert "Propose at least one change: a new title, a new text or a new end." in empty.content.decode()
    backwards = propose(editor, closure, ends_at_0="2020-01-01", ends_at_1="00:00:00")
    assert "The end must come after the start." in backwards.content.decode()
    assert not NoticeChange.objects.exists()
