"""In a real browser against gunicorn, in the Russian admin at 1366 × 900: an editor submits a draft, the
publisher is told by e-mail (read from the site's file backend), opens the review page from the mail's
link and publishes, and the author is told. Screenshots go to test-artifacts/admin-review-loop/."""

import re
from email import message_from_bytes
from email.header import decode_header, make_header
from pathlib import Path

import pytest
from playwright.sync_api import expect

from .admin_tabs import PASSWORD, opened_tabs, page_edit_url
from .live_site import LiveSite
from .screenshots import keep_screenshot
from .test_browser_publishing import assert_only_our_origin

pytestmark = pytest.mark.browser

PARAGRAPH = "Bring your asylum-seeker certificate to every appointment."
# What an English admin would say on these pages; the Russian admin must say none of it.
ENGLISH = ["What needs you", "My notifications", "My drafts", "Waiting for my review", "Offices to check", "Partner branches",
           "Notices ending", "Submitted for review", "Published. Readers", "Start a draft", "Log out"]


@pytest.fixture(scope="module")
def site():
    """A site of its own: it sends e-mail to a folder, and this test publishes."""
    site = LiveSite()
    try:
        site.mail = Path(site.workdir) / "mail"
        site.env.update(EMAIL_URL=f"filemail:///{site.mail}", SITE_URL=site.url)
        # Elena (editor) and Pavel (publisher) chose Russian for their e-mails.
        yield site.start(fixtures=["browser_staff", "russian_staff_profiles"])
    finally:
        site.close()


def mails(site):
    """The e-mails the site sent, as (to, subject, body), oldest first."""
    found = []
    for path in sorted(site.mail.glob("*.log")) if site.mail.exists() else []:
        for raw in path.read_bytes().split(b"-" * 79 + b"\n"):
            if raw.strip():
                message = message_from_bytes(raw)
                body = message.get_payload(decode=True).decode(message.get_content_charset() or "utf-8")
                found.append((message["To"], str(make_header(decode_header(message["Subject"]))), body))
    return found


@pytest.fixture
def russian_tab(browser, site):
    with opened_tabs(browser, site, PASSWORD, language="ru", viewport=(1366, 900)) as open_tab:
        yield open_tab


def shot(tab, name):
    keep_screenshot(tab, f"admin-review-loop/{name}")


def assert_russian(tab):
    text = tab.inner_text("body").casefold()  # headings are shown in capitals
    assert [phrase for phrase in ENGLISH if phrase.casefold() in text] == []


def dashboard_count(tab, label):
    # The label exactly: "Ждут моей проверки" is also inside "Объявления, которые ждут моей проверки".
    row = tab.locator("#staff-dashboard tr", has=tab.get_by_text(label, exact=True))
    return int(row.locator("td.count").inner_text())


def test_submit_mail_review_publish_mail_in_the_russian_admin(site, russian_tab):
    editor = russian_tab("elena")
    assert "Что ждёт вас" in editor.text_content("#staff-dashboard caption")
    assert dashboard_count(editor, "Мои черновики") == 0
    assert editor.is_visible("#user-tools a:text-is('Мои уведомления')")
    assert_russian(editor)
    shot(editor, "1-editor-home")

    editor.goto(page_edit_url(editor, site, "asylum-seekers"))
    editor.click("form input[type=submit].default")  # Start a draft
    editor.wait_for_selector("#modeltranslation-main-switch")
    editor.select_option("#modeltranslation-main-switch", label="English")
    body = editor.input_value("textarea[name=body_en]")
    editor.fill("textarea[name=body_en]", body + "\n\n" + PARAGRAPH)
    editor.click("input[name=_submit_for_review]")
    expect(editor.locator(".messagelist")).to_contain_text("Отправлено на проверку")
    shot(editor, "2-editor-submitted")
    assert_only_our_origin(site, editor)

    (to, subject, body), = mails(site)
    assert to == "pavel@example.org"
    assert subject.startswith("Ожидает вашей проверки: ")
    assert "Елена отправил(а) на проверку черновик" in body
    review_link = re.search(r"Проверить можно здесь: (\S+)", body).group(1)
    assert review_link.startswith(site.url + "/admin/guidance/revision/")

    publisher = russian_tab("pavel")
    assert dashboard_count(publisher, "Ждут моей проверки") == 1
    assert_russian(publisher)
    shot(publisher, "3-publisher-home")
    publisher.goto(review_link)
    assert PARAGRAPH in publisher.inner_text("table.diff")  # the English diff: only the body changed
    shot(publisher, "4-review-page")
    publisher.click("form:has(input[name=action][value=publish]) input[type=submit]")
    expect(publisher.locator(".messagelist")).to_contain_text("Опубликовано. Читатели уже видят новый текст.")
    assert_russian(publisher)
    shot(publisher, "5-published")
    assert_only_our_origin(site, publisher)

    (to, subject, body) = mails(site)[-1]
    assert to == "elena@example.org"
    assert subject.startswith("Ваш черновик опубликован: ")
    assert "Павел опубликовал(а) ваш черновик" in body and review_link in body

    editor.goto(site.url + "/admin/")
    editor.click("#user-tools a:text-is('Мои уведомления')")
    assert editor.is_checked("input[name=decisions]")
    assert_russian(editor)
    shot(editor, "6-my-notifications")
