"""Each staff role may do its part of the work and nothing more, checked on the server."""

import pytest
from django.contrib.auth.models import Group

from guidance.models import Revision
from offices.models import Office
from tests.pages import page_html

from .staff import appended, decide, edit_url, edited_draft, page, review_url, save_draft, start_draft

pytestmark = pytest.mark.django_db


def ready_draft(client):
    return edited_draft(client, submit=True, **appended("\n\nChanged."))


def test_roles_exist_after_migrating():
    assert set(Group.objects.values_list("name", flat=True)) >= {"editor", "translator", "publisher"}
    publisher = Group.objects.get(name="publisher").permissions.values_list("codename", flat=True)
    assert "publish_revision" in publisher
    assert "publish_revision" not in Group.objects.get(name="editor").permissions.values_list("codename", flat=True)


def test_editor_writes_drafts_in_any_language(staff_client):
    editor = staff_client("editor")
    draft = start_draft(editor, page())
    response = save_draft(editor, draft, title_en="New English title", body_ar="نص عربي")
    assert response.status_code == 302
    saved = Revision.objects.get(pk=draft.pk)
    assert (saved.title_en, saved.body_ar) == ("New English title", "نص عربي")


def test_editor_cannot_publish_reject_or_restore(staff_client):
    editor = staff_client("editor")
    draft = ready_draft(editor)
    html = page_html(editor, review_url(draft))
    assert "A publisher reviews and publishes this draft." in html
    assert 'value="publish"' not in html
    assert decide(editor, draft, "publish", significance="typo").status_code == 403
    assert decide(editor, draft, "reject", comment="no").status_code == 403
    old = page("asylum-seekers").revisions.published().order_by("published_at").first()
    assert editor.get(f"/admin/guidance/revision/{old.pk}/restore/").status_code == 403
    assert editor.post(f"/admin/guidance/revision/{old.pk}/restore/", {"significance": "major"}).status_code == 403
    assert Revision.objects.get(pk=draft.pk).status == Revision.Status.REVIEW


def test_editor_keeps_the_directory_but_cannot_delete(staff_client):
    editor = staff_client("editor")
    office = Office.objects.first()
    assert editor.get(f"/admin/offices/office/{office.pk}/change/").status_code == 200
    assert editor.get(f"/admin/offices/office/{office.pk}/delete/").status_code == 403


def test_translator_edits_translations_but_never_the_english(staff_client):
    translator = staff_client("translator")
    draft = start_draft(translator, page())
    form = page_html(translator, f"/admin/guidance/revision/{draft.pk}/change/")
    assert 'name="body_ru"' in form
    assert 'name="body_en"' not in form and 'name="significance"' not in form
    english = draft.body_en
    response = save_draft(translator, draft, body_ru="Русский перевод", body_en="Hijacked English",
                          significance="typo")
    assert response.status_code == 302
    saved = Revision.objects.get(pk=draft.pk)
    assert saved.body_ru == "Русский перевод"
    assert saved.body_en == english
    assert saved.significance == draft.significance


def test_translator_cannot_publish_or_touch_the_directory(staff_client):
    translator = staff_client("translator")
    draft = ready_draft(staff_client("editor"))
    assert decide(translator, draft, "publish", significance="typo").status_code == 403
    office = Office.objects.first()
    assert translator.get(f"/admin/offices/office/{office.pk}/change/").status_code == 403


def test_publisher_publishes_and_superuser_can_do_everything(staff_client):
    for client in (staff_client("publisher"), staff_client(superuser=True)):
        draft = ready_draft(client)
        assert decide(client, draft, "publish", significance="minor").status_code == 302
        assert page().current_revision_id == draft.pk


def test_staff_without_a_role_sees_no_guidance_admin(staff_client):
    nobody = staff_client()
    draft = ready_draft(staff_client("editor"))
    assert nobody.get("/admin/guidance/revision/").status_code == 403
    assert nobody.get(review_url(draft)).status_code == 403
    assert nobody.post(edit_url(page())).status_code == 403
    assert nobody.get(f"/admin/guidance/revision/{draft.pk}/change/").status_code == 403
    assert nobody.get(f"/en/guidance/refugees/preview/{draft.pk}/").status_code == 404


def test_nobody_can_add_revisions_outside_the_workflow(staff_client):
    superuser = staff_client(superuser=True)
    assert superuser.get("/admin/guidance/revision/add/").status_code == 403
