"""Staff see, per page and language, how useful readers found the current and the previous revision, and why not."""

import re

import pytest

from guidance.models import FeedbackVote, GuidancePage, Revision
from tests.factories import published_revision
from tests.pages import page_html

pytestmark = pytest.mark.django_db

READOUT = "/admin/guidance/feedbackvote/"


def answers(revision, language, useful=0, hard=0, outdated=0, not_in_language=0, no_reason=0):
    votes = [FeedbackVote(revision=revision, language=language, useful=True) for _ in range(useful)]
    for reason, count in (("hard", hard), ("outdated", outdated), ("language", not_in_language), ("", no_reason)):
        votes += [FeedbackVote(revision=revision, language=language, useful=False, reason=reason) for _ in range(count)]
    FeedbackVote.objects.bulk_create(votes)


def table_rows(html, caption_start):
    """{row heading: [cells]} of the table whose caption starts with caption_start, per page section."""
    table = re.search(r"<caption>\s*" + re.escape(caption_start) + r".*?</table>", html, re.S).group(0)
    rows = {}
    for heading, cells in re.findall(r'<tr>\s*<th scope="row">([^<]*)</th>(.*?)</tr>', table, re.S):
        rows[heading.strip()] = re.findall(r"<td>([^<]*)</td>", cells)
    return rows


def page_section(html, slug):
    start = html.index(f"({slug})")
    end = html.find("<h2>", start)
    return html[start : end if end > 0 else None]


def test_counts_per_language_for_current_and_previous_revision(admin_client):
    page = GuidancePage.objects.get(slug="refugees")
    previous = page.current_revision
    answers(previous, "en", useful=3, outdated=2)
    answers(previous, "ru", useful=1, hard=1, not_in_language=1, no_reason=1)
    current = published_revision(page, title_en="Refugees")
    answers(current, "ru", useful=4)

    response = admin_client.get(READOUT)
    assert response.status_code == 200
    html = page_section(response.content.decode(), "refugees")
    # Columns: useful, not useful, % useful, hard, out of date, not in my language, other, no reason.
    assert table_rows(html, "Current revision")["Russian (ru)"] == ["4", "0", "100", "0", "0", "0", "0", "0"]
    before = table_rows(html, "Previous revision")
    assert before["English (en)"] == ["3", "2", "60", "0", "2", "0", "0", "0"]
    assert before["Russian (ru)"] == ["1", "3", "25", "1", "0", "1", "0", "1"]
    assert before["All languages"] == ["4", "5", "44", "1", "2", "1", "0", "1"]


def test_older_revisions_are_left_out(admin_client):
    page = GuidancePage.objects.get(slug="asylum-seekers")  # has two published revisions already
    oldest = Revision.objects.published().filter(page=page).order_by("published_at").first()
    answers(oldest, "en", useful=7)
    published_revision(page, title_en="Asylum")
    html = page_section(page_html(admin_client, READOUT), "asylum-seekers")
    assert ">7<" not in html
    assert html.count("<caption>") == 2


def test_pages_without_answers_say_so(admin_client):
    html = page_html(admin_client, READOUT)
    assert "No answers yet." in html


def test_votes_cannot_be_added_changed_or_deleted_by_hand(admin_client):
    vote = FeedbackVote.objects.create(
        revision=GuidancePage.objects.get(slug="refugees").current_revision, language="en", useful=True
    )
    assert admin_client.get(READOUT + "add/").status_code == 403
    assert admin_client.post(f"{READOUT}{vote.pk}/delete/", {"post": "yes"}).status_code == 403
    assert FeedbackVote.objects.filter(pk=vote.pk).exists()


def test_readout_is_for_staff_only(client):
    response = client.get(READOUT)
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]
