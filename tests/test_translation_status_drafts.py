"""The translation status counts open drafts, and the review page says what a publication leaves behind."""

import pytest

from tests.pages import page_html

from .factories import ASYLUM_SEEKERS, DECISION_SENTENCE
from .staff import decide, page, save_draft, start_draft

pytestmark = pytest.mark.django_db

SLUG, OLD = ASYLUM_SEEKERS, DECISION_SENTENCE
DASHBOARD = "/admin/guidance/guidancepage/translations/"


def waiting_draft(client, significance="major", **changes):
    """A draft of the asylum-seekers page with changed English, submitted for review."""
    draft = start_draft(client, page(SLUG))
    body = page(SLUG).current_revision.body_en
    body = body.replace(OLD, OLD[:-1] + ", including the time to appeal.")
    body = body.replace("Tell the whole truth, and tell everything.", "Tell the whole truth.")
    body = body.replace("Apply in writing.", "Apply in writing, in any language.")
    save_draft(client, draft, submit=True, significance=significance, body_en=body, **changes)
    return draft


def test_the_status_view_counts_a_major_change_waiting_for_review(staff_client):
    editor = staff_client("editor")
    draft = waiting_draft(editor)
    html = page_html(staff_client("translator"), DASHBOARD)
    assert "A major English change is waiting for review: 3 segments will need Russian" in html
    assert "A major English change is waiting for review: 3 segments will need Arabic" in html
    assert f'<a href="/admin/guidance/revision/{draft.pk}/translate/ru/">' in html
    assert f'<a href="/admin/guidance/revision/{draft.pk}/review/">Open draft: Waiting for review</a>' in html
    # Nothing is published yet: the published text is still up to date, segment by segment.
    assert '<td class="state-up-to-date">' in html and "68 of 68 segments up to date" in html


def test_a_draft_that_only_translates_will_leave_nothing_behind(staff_client):
    editor = staff_client("editor")
    draft = start_draft(editor, page(SLUG))
    save_draft(editor, draft, title_ru="Лица, ищущие убежище: как получить защиту в Казахстане")
    html = page_html(editor, DASHBOARD)
    assert "will need" not in html
    assert f'<a href="/admin/guidance/revision/{draft.pk}/translate/ru/">Translate the open draft</a>' in html


def test_cells_count_segments_behind_after_a_published_change(staff_client):
    publisher = staff_client("publisher")
    draft = waiting_draft(publisher, significance="minor")
    decide(publisher, draft, "publish", significance="minor")
    html = page_html(publisher, DASHBOARD)
    assert '<td class="state-needs-update">' in html
    assert "65 of 68 segments up to date" in html and "3 segments behind the English" in html


def test_the_review_page_lists_per_language_what_the_publication_leaves_behind(staff_client):
    editor, publisher = staff_client("editor"), staff_client("publisher")
    draft = waiting_draft(editor)
    html = page_html(publisher, f"/admin/guidance/revision/{draft.pk}/review/")
    assert "Translations this publication leaves behind" in html
    section = html.split('id="left-behind-uz"', 1)[1].split("</details>", 1)[0]
    assert "3 segments changed by this draft" in section
    assert "You stay an asylum-seeker until there is a final decision on your application, including the time to appeal." in section
    assert "Tell the whole truth." in section and "Apply in writing, in any language." in section
    assert section.count('class="newly-behind"') == 3
    assert 'id="left-behind-ru"' in html and 'id="left-behind-ug"' in html


def test_a_translation_updated_in_the_same_draft_is_not_left_behind(staff_client):
    editor, publisher = staff_client("editor"), staff_client("publisher")
    russian = page(SLUG).current_revision.body_ru
    sentence = "Вы остаётесь лицом, ищущим убежище, пока по вашему заявлению не принято окончательное решение."
    draft = waiting_draft(editor, body_ru=russian.replace(sentence, sentence[:-1] + ", включая время на обжалование."))
    html = page_html(publisher, f"/admin/guidance/revision/{draft.pk}/review/")
    assert "2 segments changed by this draft" in html.split('id="left-behind-ru"', 1)[1].split("</details>", 1)[0]
    dashboard = page_html(publisher, DASHBOARD)
    assert "2 segments will need Russian" in dashboard and "3 segments will need Kazakh" in dashboard
