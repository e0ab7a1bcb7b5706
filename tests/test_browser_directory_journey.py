"""In a real browser against gunicorn, the staff journey through one directory entry: change the English address,
see the translations flagged, update the Russian, read the field history, restore the old value."""

import pytest
from playwright.sync_api import expect

from .admin_tabs import open_office_by_address, save_change
from .live_site import running_site
from .screenshots import keep_screenshot
from .test_browser_publishing import assert_only_our_origin, staff_tab  # noqa: F401 - a fixture

pytestmark = pytest.mark.browser

SLUG = "employment-office-almaty"
OLD_ADDRESS, NEW_ADDRESS = "85 Dostyk Ave.", "87 Dostyk Ave."
NEW_RUSSIAN_ADDRESS = "пр. Достык, 87"


@pytest.fixture(scope="module")
def site():
    """A site of its own: this test changes an office, which other browser tests must not see."""
    with running_site(fixtures=["browser_staff"]) as site:
        yield site


def test_change_flag_translate_read_history_and_restore(site, staff_tab, browser):  # noqa: F811 - the fixture
    editor = staff_tab("elena")
    open_office_by_address(editor, site, OLD_ADDRESS)
    change_page = editor.url
    editor.select_option("#modeltranslation-main-switch", label="English")
    editor.fill("input[name=address_en]", NEW_ADDRESS)
    save_change(editor)

    editor.goto(change_page)
    flags = editor.inner_text(".field-translations_to_update")
    assert "Address — Russian" in flags and "Address to show a driver — Russian" in flags

    reader = browser.new_page()
    reader.goto(f"{site.url}/ru/offices/{SLUG}/")
    assert reader.is_visible(f"span[lang=en]:text-is('{NEW_ADDRESS}')")
    assert "пр. Достык, 85" not in reader.content()

    editor.select_option("#modeltranslation-main-switch", label="Русский")
    editor.fill("input[name=address_ru]", NEW_RUSSIAN_ADDRESS)
    save_change(editor)
    editor.goto(change_page)
    assert "Address — Russian" not in editor.inner_text(".field-translations_to_update")
    reader.goto(f"{site.url}/ru/offices/{SLUG}/")
    assert NEW_RUSSIAN_ADDRESS in reader.content()

    history = editor.locator(".field-history tbody tr", has_text="address (English)").first
    assert OLD_ADDRESS in history.inner_text() and NEW_ADDRESS in history.inner_text()
    keep_screenshot(editor, "office-history", full_page=True)
    history.locator("button", has_text="Restore this value").click()
    editor.wait_for_selector(".messagelist .success")
    expect(editor.locator(".messagelist")).to_contain_text("Restored the old value of address (English)")
    assert editor.input_value("input[name=address_en]") == OLD_ADDRESS
    restored = editor.locator(".field-history tbody tr").first.inner_text()
    assert "address (English)" in restored and NEW_ADDRESS in restored and OLD_ADDRESS in restored
    reader.close()
    assert_only_our_origin(site, editor)
