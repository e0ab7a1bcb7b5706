"""Editing long texts in the admin: the fields grow and count, the Markdown body is previewed as readers
will see it (by the server, for staff only), and the language tabs are named and marked outdated."""

import re

import pytest
from django.test import Client
from pytest_django.asserts import assertContains, assertNotContains

from guidance.models import Revision

from .staff import change_url, decide, edited_draft, form_data, page, start_draft

pytestmark = pytest.mark.django_db
PREVIEW_URL = "/admin/guidance/revision/preview-markdown/"
RTL = ("ar", "prs", "ug", "ps")


def textarea(html, name):
    match = re.search(rf'<textarea name="{name}"[^>]*>', html)
    assert match, f"no text area {name}"
    return match.group(0)


def test_long_texts_grow_count_and_preview_in_every_language(staff_client):
    editor = staff_client("editor")
    draft = start_draft(editor, page())
    response = editor.get(change_url(draft))
    assert response.status_code == 200
    html = response.content.decode()
    for code in ("en", "ru", "kk", "ar", "prs", "zh_hans", "ug", "uz", "uk", "ps"):
        body = textarea(html, f"body_{code}")
        assert "data-grow" in body and 'data-count-label="Characters: %(count)s"' in body
        assert f'data-preview-url="{PREVIEW_URL}"' in body
        summary = textarea(html, f"summary_{code}")
        assert "data-grow" in summary and "data-preview-url" not in summary  # a summary is plain text
        assert ('dir="rtl"' in body) == (code in RTL)
    assert re.search(r'<input type="text" name="title_ru"[^>]*data-count-label', html)  # titles count too
    # Our own scripts, from our origin: nothing inline (the CSP allows no inline script).
    assert re.search(r'<script src="/static/js/admin_editor\.[0-9a-f]+\.js">', html)
    assert re.search(r'<script src="/static/js/admin_tabs\.[0-9a-f]+\.js">', html)
    assert not re.search(r"<script>(?!</script>)", html)


def test_language_tabs_are_named_in_their_own_script(staff_client):
    editor = staff_client("editor")
    html = editor.get(change_url(start_draft(editor, page()))).content.decode()
    for code, name in (("ru", "Русский"), ("prs", "دری"), ("ug", "ئۇيغۇرچە"), ("uk", "Українська")):
        assert f'data-language-name="{name}"' in textarea(html, f"body_{code}")
        assert f'for="id_body_{code}">Body [{name}]:</label>' in html  # without JavaScript, in the label


def test_a_translation_behind_the_english_is_marked_outdated(staff_client):
    editor, publisher = staff_client("editor"), staff_client("publisher")
    english = page().current_revision.body_en
    first = next(line for line in english.splitlines() if line and not line.startswith(("#", "-", "|")))
    draft = edited_draft(editor, submit=True, body_en=english.replace(first, first + " The rules changed today."))
    response = decide(publisher, draft, "publish", significance="major", change_note="New rules.", override_checks="on")
    assert response.status_code == 302, response.content.decode()[-3000:]
    html = editor.get(change_url(start_draft(editor, page()))).content.decode()
    assert 'data-outdated="outdated"' in textarea(html, "body_ru")
    assert "data-outdated" not in textarea(html, "body_en")
    assert "Body [Русский — outdated]" in html


def test_preview_renders_markdown_sanitised(staff_client):
    editor = staff_client("editor")
    text = "## Rights\n\n- **Apply** within 5 days\n\n<script>alert(1)</script><img src=x onerror=alert(2)>"
    response = editor.post(PREVIEW_URL, {"text": text})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/html")
    assertContains(response, "<h2")
    assertContains(response, "<strong>Apply</strong>")
    assertNotContains(response, "<script")
    assertNotContains(response, "onerror")


def test_preview_refuses_get_non_staff_and_people_without_permission(staff_client, django_user_model):
    editor = staff_client("editor")
    assert editor.get(PREVIEW_URL).status_code == 405
    anonymous = Client()
    response = anonymous.post(PREVIEW_URL, {"text": "## Hello"})
    assert response.status_code == 302 and "/admin/login/" in response["Location"]
    reader = django_user_model.objects.create_user("reader", is_staff=False)
    not_staff = Client()
    not_staff.force_login(reader)
    response = not_staff.post(PREVIEW_URL, {"text": "## Hello"})
    assert response.status_code == 302 and "<h2" not in response.content.decode()
    no_role = staff_client()  # staff, but no role: may not read drafts
    assert no_role.post(PREVIEW_URL, {"text": "## Hello"}).status_code == 403


def test_preview_needs_the_csrf_token(staff_client):
    editor = staff_client("editor")
    strict = Client(enforce_csrf_checks=True)
    strict.force_login(editor.user)
    assert strict.post(PREVIEW_URL, {"text": "## Hello"}).status_code == 403


def test_preview_button_without_javascript_shows_the_text_and_saves_nothing(staff_client):
    editor = staff_client("editor")
    draft = start_draft(editor, page())
    before = draft.body_ru
    data = form_data(draft, body_ru=before + "\n\n## Новый раздел\n\n**Важно** знать.", _preview="1")
    response = editor.post(change_url(draft), data)
    assert response.status_code == 200
    html = response.content.decode()
    assert "This is a preview; nothing was saved yet." in html
    assert "<strong>Важно</strong>" in html  # rendered
    assert "**Важно** знать." in html  # and still in the form, as typed
    assert "Please correct the error" not in html
    assert Revision.objects.get(pk=draft.pk).body_ru == before


def test_a_directory_translation_behind_the_english_is_marked_outdated(staff_client):
    from offices.models import Office

    office = Office.objects.get(slug="employment-office-almaty")
    Office.objects.filter(pk=office.pk).update(outdated_translations={"address": ["ru", "ar"]})
    response = staff_client("editor").get(f"/admin/offices/office/{office.pk}/change/")
    assert response.status_code == 200
    html = response.content.decode()
    for code, outdated in (("ru", True), ("ar", True), ("kk", False), ("en", False)):
        field = re.search(rf'<input type="text" name="address_{code}"[^>]*>', html).group(0)
        assert ('data-outdated="outdated"' in field) == outdated, code
    assert "Address [Русский — outdated]" in html
    assert 'data-grow' in textarea(html, "notes_ru")  # the office's long text grows too


def test_a_branch_translation_behind_the_english_is_marked_on_its_partners_page(staff_client):
    from partners.models import Branch

    branch = Branch.objects.filter(partner__branches__isnull=False).order_by("pk").first()
    Branch.objects.filter(pk=branch.pk).update(outdated_translations={"address": ["ru"]})
    response = staff_client("editor").get(f"/admin/partners/partner/{branch.partner_id}/change/")
    assert response.status_code == 200
    html = response.content.decode()
    row = branch.partner.branches.order_by(*Branch._meta.ordering or ["pk"]).values_list("pk", flat=True)
    prefix = f"branches-{list(row).index(branch.pk)}"
    marked = re.search(rf'<input type="text" name="{prefix}-address_ru"[^>]*>', html).group(0)
    assert 'data-outdated="outdated"' in marked
    assert "data-outdated" not in re.search(rf'<input type="text" name="{prefix}-address_kk"[^>]*>', html).group(0)
    assertContains(response, "Address [Русский — outdated]", count=1)  # that branch's row only
