"""Offices and branches not checked for 180 days are listed first and marked; one click marks them checked."""

import datetime

import pytest
from django.utils import timezone

from offices.models import Office
from partners.models import Branch
from tests.pages import page_html

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()


@pytest.fixture
def offices():
    Office.objects.update(verified_on=TODAY)
    stale = Office.objects.get(slug="unhcr-national-office-astana")
    never = Office.objects.current().exclude(pk=stale.pk).first()  # a former office is never checked
    Office.objects.filter(pk=stale.pk).update(verified_on=TODAY - datetime.timedelta(days=200))
    Office.objects.filter(pk=never.pk).update(verified_on=None)
    return stale, never


def result_rows(html):
    return html.split('<table id="result_list">', 1)[1].split("</table>", 1)[0].split("<tr")[2:]


def test_unchecked_and_stale_offices_come_first_and_are_marked(staff_client, offices):
    stale, never = offices
    html = staff_client("editor").get("/admin/offices/office/").content.decode()
    rows = result_rows(html)
    assert never.name in rows[0] and "Never checked" in rows[0]
    assert stale.name in rows[1] and "over 180 days ago, check it" in rows[1]
    assert 'class="needs-check"' not in rows[2]


def test_filter_lists_only_entries_that_need_checking(staff_client, offices):
    html = staff_client("editor").get("/admin/offices/office/?checked=stale").content.decode()
    assert len(result_rows(html)) == 2


def test_one_click_verified_today(staff_client, offices):
    stale, _never = offices
    editor = staff_client("editor")
    html = page_html(editor, "/admin/offices/office/")
    button = f'<button type="submit" class="button" name="verified" value="{stale.pk}" formaction="/admin/offices/office/verified/">'
    assert button in html
    response = editor.post("/admin/offices/office/verified/", {"verified": stale.pk}, HTTP_REFERER="/admin/offices/office/?checked=stale")
    assert response.status_code == 302 and response["Location"] == "/admin/offices/office/?checked=stale"
    assert Office.objects.get(pk=stale.pk).verified_on == TODAY
    assert "1 entry marked as checked today." in page_html(editor, response["Location"])


def test_verified_today_refuses_bad_input_clearly(staff_client, offices):
    editor = staff_client("editor")
    for value in ("abc", "999999", ""):
        response = editor.post("/admin/offices/office/verified/", {"verified": value}, follow=True)
        assert response.status_code == 200
        assert "That entry does not exist (any more)." in response.content.decode()
    response = editor.post("/admin/offices/office/verified/", {"verified": "1"}, HTTP_REFERER="https://evil.example/")
    assert response["Location"] == "/admin/offices/office/"


def test_verified_today_needs_the_right_to_change(staff_client, offices):
    stale, _never = offices
    assert staff_client("translator").post("/admin/offices/office/verified/", {"verified": stale.pk}).status_code == 403
    assert Office.objects.get(pk=stale.pk).verified_on != TODAY


def test_bulk_action_marks_branches_verified(staff_client):
    Branch.objects.update(verified_on=None)
    editor = staff_client("editor")
    ids = list(Branch.objects.values_list("pk", flat=True))
    response = editor.post("/admin/partners/branch/", {"action": "mark_verified_today", "_selected_action": ids})
    assert response.status_code == 302
    assert set(Branch.objects.values_list("verified_on", flat=True)) == {TODAY}


def test_readers_see_when_the_information_was_checked(client, offices):
    stale, _never = offices
    html = page_html(client, f"/en/offices/{stale.slug}/")
    checked = (TODAY - datetime.timedelta(days=200)).isoformat()
    assert f'Information checked on <time datetime="{checked}">' in html


def test_readers_see_a_new_check_date_at_once_though_the_page_was_cached(client, staff_client, offices):
    stale, _never = offices
    checked_before = (TODAY - datetime.timedelta(days=200)).isoformat()
    for path in (f"/en/offices/{stale.slug}/", "/en/cities/astana/"):
        assert f'Information checked on <time datetime="{checked_before}">' in page_html(client, path)
        assert client.get(path)["X-Page-Cache"] == "hit"
    editor = staff_client("editor")
    editor.post("/admin/offices/office/verified/", {"verified": stale.pk})
    for path in (f"/en/offices/{stale.slug}/", "/en/cities/astana/"):
        html = page_html(client, path)
        assert f'Information checked on <time datetime="{TODAY.isoformat()}">' in html
        assert checked_before not in html


def test_bulk_verified_branches_show_the_new_date_on_the_cached_partner_page(client, staff_client):
    branch = Branch.objects.select_related("partner").first()
    Branch.objects.filter(pk=branch.pk).update(verified_on=TODAY - datetime.timedelta(days=300))
    path = branch.partner.get_absolute_url()
    client.get(path)
    assert client.get(path)["X-Page-Cache"] == "hit"
    editor = staff_client("editor")
    editor.post("/admin/partners/branch/", {"action": "mark_verified_today", "_selected_action": [branch.pk]})
    assert f'Information checked on <time datetime="{TODAY.isoformat()}">' in page_html(client, path)
