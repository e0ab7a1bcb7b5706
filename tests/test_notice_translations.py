"""Notices are translated like any other text: until a language has its translation, its readers see the English,
marked as English (lang="en" and a visible "(in English)"); translators see each notice language by language on
the translation status, write it in the directory editor or an exchange file, and an English change puts the
translation behind again. An approved urgent notice is shown at once and its translators are told."""

import re
from http import HTTPStatus

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from config.history.models import FieldChange
from config.site.models import Notice

from .admin_forms import form_values, open_form, send
from .factories import committed, notice
from .pages import page_html
from .staff_profiles import member, sent_to
from .test_notice_admin import LIST_URL
from .test_notice_review import submit

pytestmark = pytest.mark.django_db

TITLE = "Astana office closed on Friday"
TEXT = "Call the hotline before you come."
RUSSIAN_TITLE = "Офис в Астане закрыт в пятницу"
RUSSIAN_TEXT = "Позвоните на горячую линию, прежде чем прийти."
STATUS_URL = "/admin/guidance/guidancepage/translations/"
IMPORT_URL = "/admin/guidance/guidancepage/translations/import/"
IN_ENGLISH_RU = '<small class="language-marker">(язык: Английский)</small>'


def editor_url(item, language):
    return f"/admin/guidance/guidancepage/translations/directory/site.notice.{item.pk}/{language}/"


def shown(client, item, path="/ru/"):
    """The notice as readers of `path` see it (its <article>), or None."""
    found = re.search(rf'<article class="notice[^"]*" id="notice-{item.uuid}">.*?</article>', page_html(client, path), re.S)
    return found.group(0) if found else None


def status_cell(html, item, column):
    """The state shown for the notice in the translation status's `column`-th language (Russian is the first)."""
    row = re.search(rf"<tr><th scope=\"row\">[^\n]*?{re.escape(str(item))}.*?</tr>", html, re.S).group(0)
    return re.findall(r'<td class="state-([a-z-]+)">(.*?)</td>', row, re.S)[column]


@pytest.fixture
def closed():
    return notice(TITLE, site_wide=True, level=Notice.Level.URGENT, text_en=TEXT)


def test_readers_see_english_marked_until_the_russian_translator_writes_it_then_an_english_change(client, closed):
    before = shown(client, closed)
    assert f'<span lang="en" dir="ltr">{TITLE}</span> {IN_ENGLISH_RU}' in before
    assert '<div class="notice-text" lang="en" dir="ltr">' in before and TEXT in before

    russian = member("translator", translates=["ru"])
    status = page_html(russian, STATUS_URL)
    assert 'id="notice-translations"' in status
    assert status_cell(status, closed, 0) == ("missing", f'<a href="{editor_url(closed, "ru")}">Missing</a>')

    html = page_html(russian, editor_url(closed, "ru"))
    response = russian.post(editor_url(closed, "ru"), {**form_values(html), "title_ru": RUSSIAN_TITLE, "text_ru": RUSSIAN_TEXT})
    assert response.status_code == HTTPStatus.FOUND and response["Location"] == editor_url(closed, "ru")
    assert FieldChange.objects.of(closed).get(field="title_ru").changed_by == russian.user

    translated = shown(client, closed)
    assert RUSSIAN_TITLE in translated and RUSSIAN_TEXT in translated
    assert 'lang="en"' not in translated and "language-marker" not in translated and TITLE not in translated
    assert status_cell(page_html(russian, STATUS_URL), closed, 0)[0] == "up-to-date"

    publisher = member("publisher")
    url = f"/admin/site/notice/{closed.pk}/change/"
    with committed():
        assert send(publisher, url, open_form(publisher, url), title_en="Astana office closed on Friday and Monday").status_code == HTTPStatus.FOUND
    closed.refresh_from_db()
    assert closed.outdated_translations == {"title": ["ru"]}  # the text did not change: its Russian stays current
    assert status_cell(page_html(russian, STATUS_URL), closed, 0)[0] == "needs-update"
    behind = shown(client, closed)
    assert f'<span lang="en" dir="ltr">Astana office closed on Friday and Monday</span> {IN_ENGLISH_RU}' in behind
    assert RUSSIAN_TEXT in behind and RUSSIAN_TITLE not in behind  # the old Russian title is not shown as current
    editor = page_html(russian, editor_url(closed, "ru"))
    assert "English when it was translated" in editor and "and Monday" in editor


def test_the_directory_xliff_has_the_notice_and_its_import_applies_the_russian(client, closed):
    russian = member("translator", translates=["ru"])
    exported = russian.get("/admin/guidance/guidancepage/translations/export/directory/ru.xlf").content.decode()
    entry = re.search(rf'<file id="site\.notice\.{closed.pk}".*?</file>', exported, re.S).group(0)
    unit = re.search(r'<unit id="title".*?</unit>', entry, re.S).group(0)
    assert TITLE in unit
    edited = re.sub(r"<target>.*?</target>|<target/>", f"<target>{RUSSIAN_TITLE}</target>", unit, flags=re.S)
    if "<target>" not in edited:
        edited = edited.replace("</source>", f"</source><target>{RUSSIAN_TITLE}</target>")
    edited = re.sub(r'state="[a-z]+"', 'state="translated"', edited)
    changed = exported.replace(entry, entry.replace(unit, edited))
    response = russian.post(IMPORT_URL, {"file": SimpleUploadedFile("directory.ru.xlf", changed.encode())})
    assert response.status_code == HTTPStatus.OK
    assert "Imported into Russian" in response.content.decode()
    closed.refresh_from_db()
    assert closed.title_ru == RUSSIAN_TITLE
    assert f"<strong>{RUSSIAN_TITLE}</strong>" in shown(client, closed)


def test_an_approved_urgent_notice_is_shown_at_once_in_english_and_its_translators_are_told(client, mailoutbox):
    russian, dari = member("translator", translates=["ru"]), member("translator", translates=["prs"])
    publisher, editor = member("publisher"), member("editor")
    item = submit(editor, title_en=TITLE, level="urgent", site_wide="on")
    assert shown(client, item, "/en/") is None
    mailoutbox.clear()
    with committed():
        response = publisher.post(LIST_URL, {"action": "publish", "_selected_action": [item.pk]})
    assert response.status_code == HTTPStatus.FOUND
    item.refresh_from_db()
    assert item.status == Notice.Status.PUBLISHED and item.published_by == publisher.user
    home_ru = shown(client, item)
    assert home_ru.startswith('<article class="notice notice-urgent"') and IN_ENGLISH_RU in home_ru

    (mail,) = sent_to(mailoutbox, russian.user)
    assert mail.subject == f"Urgent notice to translate: {TITLE}"
    assert f"Russian: http://127.0.0.1:8000{editor_url(item, 'ru')}" in mail.body and "Dari" not in mail.body
    (dari_mail,) = sent_to(mailoutbox, dari.user)
    assert editor_url(item, "prs") in dari_mail.body
    home = page_html(russian, "/admin/")
    assert "Notices to translate: Russian" in home
    assert '<td class="count">1</td>' in home.split("Notices to translate: Russian", 1)[1][:60]


def test_an_unknown_notice_in_the_directory_editor_is_a_clear_404(staff_client):
    response = staff_client("translator").get("/admin/guidance/guidancepage/translations/directory/site.notice.999999/ru/")
    assert response.status_code == HTTPStatus.NOT_FOUND
