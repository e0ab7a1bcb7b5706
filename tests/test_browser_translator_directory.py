"""In a real browser against gunicorn, in the Russian admin: a translator for Russian goes from the admin home to the
Almaty office's translation editor, updates its Russian address, and the Russian city page shows it; the same
person cannot save Dari. Screenshots go to test-artifacts/ (SCREENSHOTS=1)."""

import pytest

from .admin_tabs import logged_in_tab, open_office_by_address, opened_tabs, save_change
from .live_site import running_site
from .screenshots import keep_screenshot
from .test_browser_publishing import PASSWORD, assert_only_our_origin

pytestmark = pytest.mark.browser

NEW_RUSSIAN = "пр. Достык, 87"


@pytest.fixture(scope="module")
def site(browser):
    """A site of its own, where an editor (Elena) has just moved the Almaty office's English address in
    the admin; Olga translates into Russian (tests/fixtures/russian_directory_translator.json)."""
    with running_site(fixtures=["browser_staff", "russian_directory_translator"]) as site, \
            opened_tabs(browser, site, PASSWORD) as open_tab:
        editor = open_tab("elena")
        open_office_by_address(editor, site, "85 Dostyk Ave.")
        editor.select_option("#modeltranslation-main-switch", label="English")
        editor.fill("input[name=address_en]", "87 Dostyk Ave.")
        save_change(editor)
        yield site


def test_a_russian_translator_updates_the_almaty_office_and_cannot_save_dari(site, browser):
    tab = logged_in_tab(browser, site, "olga", PASSWORD, language="ru")
    tab.click("a:has-text('Переводы справочника, которые нужно обновить: Русский')")
    tab.wait_for_selector("#directory-entries")
    tab.click("a:has-text('Перевод: Русский')")
    tab.wait_for_selector("form.segment-editor")
    section = tab.locator("section#field-address")
    assert section.locator("table.segment-diff td ins").inner_text() == "87"
    keep_screenshot(tab, "translator-directory-ru-before", full_page=True)
    section.locator("input[name=address_ru]").fill(NEW_RUSSIAN)
    tab.click("input[type=submit][value='Сохранить перевод']")
    tab.wait_for_selector(".messagelist")
    assert "сохранён (Русский)" in tab.inner_text(".messagelist")
    assert tab.locator("section#field-address table.segment-diff").count() == 0  # no longer behind the English
    assert_only_our_origin(site, tab)

    tab.goto(tab.url.replace("/ru/", "/prs/"))
    assert "Дари" in tab.inner_text(".errornote")
    assert tab.locator("input[type=submit][value='Сохранить перевод']").count() == 0
    assert tab.locator("input[name=address_prs]").is_disabled()
    keep_screenshot(tab, "translator-directory-prs-refused", full_page=True)

    reader = browser.new_context().new_page()
    reader.goto(site.url + "/ru/cities/almaty/")
    assert NEW_RUSSIAN in reader.inner_text("main")
    reader.context.close()
    tab.context.close()
