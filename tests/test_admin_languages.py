"""The admin speaks the staff member's language: our strings, Django's own (in Dari from its Persian
catalog), and the admin log's names of objects."""

import html as html_module
import re

import pytest
from django.contrib.admin.models import LogEntry

from guidance.models import Revision

from .staff import change_url, edited_draft, page, review_url, save_draft, start_draft

pytestmark = [pytest.mark.django_db, pytest.mark.same_on_every_database]
ENGLISH = [
    "Preview", "Recent actions", "My actions", "Review and publish", "Save", "Save and continue editing",
    "Save and submit for review", "Log out", "View site", "History", "Changes", "Home", "Search", "Filter",
    "Staff area", "outdated", "Welcome,", "Change password", "Revisions", "Guidance", "Publish", "Reject",
]


def visible_texts(html):
    """The texts a person reads or hears: text nodes and the labels of buttons and fields (no scripts)."""
    html = re.sub(r"<script.*?</script>", "", html, flags=re.S)
    texts = {html_module.unescape(text).strip() for text in re.findall(r">([^<>]+)<", html)}
    texts |= {
        html_module.unescape(value).strip()
        for value in re.findall(r'(?:value|title|placeholder|aria-label|alt|data-[a-z-]*label)="([^"]+)"', html)
    }
    return {text.rstrip(":").strip() for text in texts} - {""}


def review_loop_pages(lang, staff_client):
    editor, publisher = staff_client("editor"), staff_client("publisher")
    for person in (editor, publisher):
        person.cookies["django_language"] = lang
    draft = edited_draft(editor, submit=True, body_en=page().current_revision.body_en + "\n\nOne more line.")
    return {
        "change form": editor.get(change_url(draft)),
        "publisher's change form": publisher.get(change_url(draft)),
        "review page": publisher.get(review_url(draft)),
        "review list": publisher.get("/admin/guidance/revision/"),
        "index": publisher.get("/admin/"),
    }


def test_the_russian_review_loop_has_no_english_string(staff_client):
    for name, response in review_loop_pages("ru", staff_client).items():
        assert response.status_code == 200, name
        english = visible_texts(response.content.decode()) & set(ENGLISH)
        assert english == set(), f"{name}: {sorted(english)}"
    index = review_loop_pages("ru", staff_client)["index"].content.decode()
    assert "Последние действия" in index and "Предпросмотр" not in index


@pytest.mark.parametrize("lang", ["prs", "ug", "uz", "kk", "ar", "zh-hans", "uk"])
def test_django_admin_strings_are_translated_in_every_language(staff_client, lang):
    for name, response in review_loop_pages(lang, staff_client).items():
        english = visible_texts(response.content.decode()) & {"Recent actions", "My actions", "Log out", "Save", "View site", "Preview"}
        assert english == set(), f"{lang} {name}: {sorted(english)}"


def test_the_dari_admin_uses_dari_words(staff_client):
    publisher = staff_client("publisher")
    publisher.cookies["django_language"] = "prs"
    html = publisher.get("/admin/").content.decode()
    assert "فعالیت‌های اخیر" in html  # Recent actions
    assert "خروج" in html  # Log out
    html = publisher.get("/admin/password_change/").content.decode()
    assert "رمز عبور" in html and "گذرواژه" not in html  # Dari says "password" its own way


def test_the_admin_log_names_objects_in_the_staff_members_language(staff_client):
    editor = staff_client("editor")
    editor.cookies["django_language"] = "ru"
    draft = start_draft(editor, page())
    save_draft(editor, draft, body_ru=draft.body_ru + "\n\nЕщё одна строка.")
    entry = LogEntry.objects.filter(user=editor.user).latest("action_time")
    assert Revision.objects.get(pk=draft.pk).title_ru in entry.object_repr
    assert "Черновик" in entry.object_repr or "Draft" not in entry.object_repr


def test_the_english_admin_shows_those_strings(staff_client):
    """The check above would see them: in English they are there."""
    pages = review_loop_pages("en", staff_client)
    assert {"Recent actions", "Log out", "Staff area"} <= visible_texts(pages["index"].content.decode())
    assert {"Save", "Preview", "Save and submit for review"} <= visible_texts(pages["change form"].content.decode())
    assert "Review and publish" in visible_texts(pages["publisher's change form"].content.decode())
