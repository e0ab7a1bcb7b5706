"""In a real browser against gunicorn: an editor changes the Russian text, a publisher reviews the diff and
publishes it, and readers see the new text and the change note at once."""

from urllib.parse import urlparse

import pytest
from playwright.sync_api import expect

from .admin_tabs import PASSWORD, opened_tabs
from .live_site import running_site

pytestmark = pytest.mark.browser

RUSSIAN_TITLE = "Просители убежища: как попросить защиты в Казахстане"
RUSSIAN_SUMMARY = "Подайте заявление в течение 5 календарных дней после прибытия."
RUSSIAN_BODY = "## Кто такой проситель убежища\n\nПодайте заявление письменно в течение 5 календарных дней."
RUSSIAN_NOTE = "Добавлен перевод на русский язык."


@pytest.fixture(scope="module")
def site():
    """A site of its own: this test publishes, which other browser tests must not see."""
    with running_site(fixtures=["browser_staff"]) as site:
        yield site


@pytest.fixture
def staff_tab(browser, site):
    """staff_tab("elena") -> a logged-in admin tab; every request it makes is recorded."""
    with opened_tabs(browser, site, PASSWORD) as open_tab:
        yield open_tab


def assert_only_our_origin(site, tab):
    ours = urlparse(site.url).netloc
    foreign = [url for url in tab.requests if urlparse(url).netloc not in (ours, "")]
    assert foreign == [], f"the admin requested other origins: {foreign}"
    assert tab.errors == [], f"script errors or failed requests: {tab.errors}"


def test_editor_changes_russian_text_and_publisher_publishes_it(site, staff_tab, browser):
    editor = staff_tab("elena")
    editor.click("text=Guidance pages")
    editor.click("a:text-is('asylum-seekers')")
    editor.click("text=Edit the text")
    editor.click("input[value='Start a draft']")
    editor.wait_for_selector("#modeltranslation-main-switch")  # the translation tabs (jQuery UI) are working
    editor.select_option("#modeltranslation-main-switch", label="Русский")
    assert editor.is_visible("textarea[name=body_ru]") and not editor.is_visible("textarea[name=body_en]")
    assert editor.get_attribute("textarea[name=body_ar]", "dir") == "rtl"
    editor.fill("input[name=title_ru]", RUSSIAN_TITLE)
    editor.fill("textarea[name=summary_ru]", RUSSIAN_SUMMARY)
    editor.fill("textarea[name=body_ru]", RUSSIAN_BODY)
    editor.fill("input[name=change_note_ru]", RUSSIAN_NOTE)
    editor.click("input[name=_submit_for_review]")
    expect(editor.locator(".messagelist")).to_contain_text("Submitted for review")
    assert_only_our_origin(site, editor)

    publisher = staff_tab("pavel")
    publisher.click("text=Guidance pages")
    publisher.click("text=Waiting for review")
    publisher.click("#result_list tbody tr th a")  # a row of the review list opens its review page
    publisher.click(".diff-languages a[lang=ru]")
    # The side-by-side diff, in Russian: the published text on one side, the editor's on the other. The
    # English diff is on the page until the Russian one has loaded: wait for it.
    expect(publisher.locator("table.diff >> nth=0 >> td >> nth=0")).to_contain_text("Лица, ищущие убежище")
    assert RUSSIAN_TITLE in publisher.inner_text("table.diff >> nth=0 >> td >> nth=1")
    assert publisher.locator("table.diff ins").count() > 0
    assert "Подайте заявление письменно" in publisher.inner_text("table.diff >> nth=2")
    publisher.check("input[name=significance][value=major]")
    publisher.fill("input[name=change_note]", "Russian translation added.")
    # The one-section Russian body does not keep the English structure: the checks say so, the publisher overrides.
    assert "does not keep the English structure" in publisher.inner_text(".quality-problems")
    publisher.check("input[name=override_checks]")
    publisher.click("input[type=submit][value=Publish]")
    expect(publisher.locator(".messagelist")).to_contain_text("Published. Readers see the new text now.")
    assert_only_our_origin(site, publisher)

    reader = browser.new_context().new_page()
    reader.goto(site.url + "/ru/guidance/asylum-seekers/")
    assert reader.inner_text("h1") == RUSSIAN_TITLE
    assert "Подайте заявление письменно в течение 5 календарных дней." in reader.inner_text("main")
    reader.goto(site.url + "/ru/guidance/asylum-seekers/history/")
    assert RUSSIAN_NOTE in reader.inner_text("main")
    reader.context.close()
