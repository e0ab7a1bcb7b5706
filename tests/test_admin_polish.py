"""The admin offers only what a person may do, opens the right page, proposes slugs, leaves former
entries alone, keeps a refused text, and says whose admin it is."""

import datetime
import re

import pytest
from django.utils import timezone
from pytest_django.asserts import assertContains, assertNotContains

from offices.models import Office
from partners.models import Service

from .admin_forms import open_form, send
from .staff import change_url, decide, edited_draft, page, review_url, save_draft, start_draft

pytestmark = [pytest.mark.django_db, pytest.mark.same_on_every_database]


def test_review_and_publish_is_offered_to_publishers_only(staff_client):
    editor, publisher = staff_client("editor"), staff_client("publisher")
    draft = edited_draft(editor, submit=True, body_en="Text to review.")
    assertNotContains(editor.get(change_url(draft)), "Review and publish")
    assertContains(editor.get(change_url(draft)), f'<a href="{review_url(draft)}">Changes</a>', html=True)
    assertContains(publisher.get(change_url(draft)), f'<a href="{review_url(draft)}">Review and publish</a>', html=True)


def test_the_review_list_opens_the_review_page(staff_client):
    publisher = staff_client("publisher")
    draft = edited_draft(staff_client("editor"), submit=True, body_en="Text to review.")
    response = publisher.get("/admin/guidance/revision/")
    assert response.status_code == 200
    rows = response.content.decode().split('<table id="result_list">', 1)[1]
    assert f'href="{review_url(draft)}' in rows
    assert f'href="{change_url(draft)}' not in rows


@pytest.mark.parametrize("role", ["editor", "translator", "publisher"])
def test_no_name_of_a_person_links_to_the_user_admin(staff_client, role):
    editor = staff_client("editor")
    draft = edited_draft(editor, submit=True, body_en="Text to review.")
    for url in (change_url(draft), review_url(draft)):
        response = staff_client(role).get(url)
        assert response.status_code == 200
        assertNotContains(response, "/admin/auth/user/")
    assertContains(staff_client(role).get(change_url(draft)), editor.user.first_name)


def test_former_offices_are_not_due_for_a_check(staff_client):
    today = timezone.localdate()
    Office.objects.update(next_check_due=today + datetime.timedelta(days=1))
    former = Office.objects.first()
    Office.objects.filter(pk=former.pk).update(is_current=False, next_check_due=today - datetime.timedelta(days=400))
    stale = Office.objects.exclude(pk=former.pk).first()
    Office.objects.filter(pk=stale.pk).update(next_check_due=None)
    response = staff_client("editor").get("/admin/offices/office/?due=due")
    assert response.status_code == 200
    listed = response.content.decode().split('<table id="result_list">', 1)[1]
    assert stale.name in listed and former.name not in listed


def test_see_their_change_opens_in_a_new_tab_and_the_text_is_kept(staff_client):
    amina, boris = staff_client("editor"), staff_client("editor")
    draft = start_draft(amina, page())
    save_draft(amina, draft, body_en="Amina's text")
    response = save_draft(boris, draft, body_en="Boris's long text")
    assert response.status_code == 200
    assertContains(response, 'target="_blank" rel="noopener">See their change.</a>')
    assertContains(response, "Boris&#x27;s long text")


def test_a_refused_decision_keeps_the_publishers_comment(staff_client):
    editor, publisher = staff_client("editor"), staff_client("publisher")
    seen = edited_draft(editor, submit=True, body_en="Reviewed text")
    save_draft(editor, seen, body_en="Changed again")
    response = publisher.post(review_url(seen), {
        "action": "reject", "comment": "Please shorten the second section.",
        "seen_version": seen.version, "seen_current": seen.page.current_revision_id,
    })
    assert response.status_code == 200
    assertContains(response, 'target="_blank" rel="noopener">See their change.</a>')
    assertContains(response, "Please shorten the second section.")
    again = decide(publisher, seen, "reject", comment="Please shorten the second section.")
    assert again.status_code == 302  # sent again knowingly, based on what the page shows now


@pytest.mark.parametrize("url", ["/admin/offices/office/add/", "/admin/offices/city/add/", "/admin/partners/partner/add/"])
def test_new_entries_propose_a_slug_from_the_name(staff_client, url):
    html = staff_client("editor").get(url).content.decode()
    constants = re.search(r'data-prepopulated-fields="([^"]*)"', html)
    assert constants and "id_slug" in constants.group(1) and "id_name_en" in constants.group(1)


def test_a_public_slug_is_not_proposed_again(staff_client):
    response = staff_client("editor").get(f"/admin/offices/office/{Office.objects.first().pk}/change/")
    assert response.status_code == 200
    assertContains(response, 'data-prepopulated-fields="[]"')  # locked: read-only, nothing retypes it
    assertNotContains(response, 'name="slug"')


def test_an_empty_slug_is_made_from_the_name(staff_client):
    editor = staff_client("editor")
    url = "/admin/partners/service/add/"
    form = open_form(editor, url)
    response = send(editor, url, form, name_en="Help with housing", slug="", order="50")
    assert response.status_code == 302, response.content.decode()[-2000:]
    assert Service.objects.filter(slug="help-with-housing").exists()
    response = send(editor, url, open_form(editor, url), name_en="Help with housing", slug="", order="51")
    assert response.status_code == 302
    assert Service.objects.filter(slug="help-with-housing-2").exists()  # never someone else's address


def test_the_admin_is_branded_with_its_own_icon(staff_client, client):
    editor = staff_client("editor")
    editor.cookies["django_language"] = "ru"
    response = editor.get("/admin/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Помощь людям, вынужденным покинуть свою страну — Казахстан" in html
    assert "Раздел для сотрудников" in html
    assert "Django administration" not in html and "Администрирование Django" not in html
    icon = re.search(r'<link rel="icon" href="(/static/img/admin-favicon\.[0-9a-f]+\.svg)" type="image/svg\+xml">', html)
    assert icon
    served = client.get(icon.group(1))
    assert served.status_code == 200 and b"<svg" in b"".join(served.streaming_content)
