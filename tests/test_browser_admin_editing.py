"""In a real browser (Debian's chromium) against gunicorn: editing a long body in the Russian and the
Arabic admin. The field grows with the text, the counter counts, the preview beside it shows the
rendered Markdown; tabs are named in their own script; nothing breaks the CSP. Screenshots at 1366 × 900
in test-artifacts/admin-editing/."""


import pytest

from .admin_tabs import PASSWORD, opened_tabs, start_draft
from .live_site import running_site
from .screenshots import keep_screenshot

pytestmark = pytest.mark.browser

OUTDATED_OFFICE = 1000  # in tests/fixtures/outdated_office.json: its Russian address is behind the English
BODIES = {
    "ru": "\n\n".join(
        f"## Раздел {n}\n\nПодайте заявление **в течение 5 календарных дней**.\n\n- Паспорт\n- Фотографии"
        for n in range(1, 16)
    ),
    "ar": "\n\n".join(
        f"## القسم {n}\n\nقدّم طلبك **خلال 5 أيام تقويمية**.\n\n- جواز السفر\n- الصور" for n in range(1, 16)
    ),
}
TAB_NAMES = {"ru": "Русский", "ar": "العربيّة"}


@pytest.fixture(scope="module")
def site(browser):
    """A site of its own, with an office whose Russian address is behind the English, and a draft of the
    refugees page that Elena (editor) opened in the Russian admin."""
    with running_site(fixtures=["browser_staff", "outdated_office"]) as site, \
            opened_tabs(browser, site, PASSWORD, language="ru") as open_tab:
        site.draft_id = start_draft(open_tab("elena"), site, "refugees")
        yield site


@pytest.fixture
def admin_tab(browser, site):
    """admin_tab("ru") -> Elena's admin in that language."""
    with opened_tabs(browser, site, PASSWORD, viewport=(1366, 900)) as open_tab:
        yield lambda language: open_tab("elena", language=language)


def problems(site, tab):
    """Script errors, console errors (a CSP refusal is one), failed answers, requests elsewhere."""
    return tab.errors + [url for url in tab.requests if not url.startswith(site.url)]


@pytest.mark.parametrize("language", ["ru", "ar"])
def test_a_long_body_grows_is_counted_and_previewed(site, admin_tab, language):
    tab = admin_tab(language)
    tab.goto(f"{site.url}/admin/guidance/revision/{site.draft_id}/change/")
    tab.wait_for_selector("#modeltranslation-main-switch")
    body = f"textarea[name=body_{language}]"
    tab_link = tab.locator(f'.ui-tabs-nav a[href="#tab_id_body_{language}"]')
    tab_link.and_(tab.locator("[data-named]")).wait_for()
    assert tab_link.inner_text().strip() == TAB_NAMES[language]  # named in its own script, not "AR"
    assert tab.locator("#modeltranslation-main-switch option").nth(4).inner_text() == "دری"
    tab_link.click()
    area = tab.locator(body)
    assert area.get_attribute("dir") == ("rtl" if language == "ar" else "ltr")
    area.fill("")
    empty_height = area.bounding_box()["height"]
    area.fill(BODIES[language])
    area.dispatch_event("input")
    grown = area.bounding_box()["height"]
    assert grown > empty_height + 400, (empty_height, grown)  # about 75 lines, all in view: no inner scrolling
    assert area.evaluate("el => el.scrollHeight <= el.clientHeight + 2")

    count = tab.locator(f"#tab_id_body_{language} .editor-field > .char-count")
    expected = f"{len(BODIES[language]):,}".replace(",", "")
    tab.wait_for_function(
        "([el, n]) => el.textContent.replace(/\\D/g, '') === n", arg=[count.element_handle(), expected]
    )
    assert ("Символов" if language == "ru" else "عدد الأحرف") in count.inner_text()

    preview = tab.locator(f"#tab_id_body_{language} .markdown-preview")
    heading = "Раздел 15" if language == "ru" else "القسم 15"
    preview.locator("h2", has_text=heading).wait_for()
    assert preview.get_attribute("dir") == area.get_attribute("dir")
    assert preview.locator("strong").count() == 15 and preview.locator("li").count() == 30
    preview_box, area_box = preview.bounding_box(), area.bounding_box()
    assert abs(preview_box["y"] - area_box["y"]) < 5  # side by side
    assert area_box["width"] > 350 and preview_box["width"] > 350  # both readable at 1366 px
    if language == "ar":
        assert area_box["x"] > preview_box["x"]  # right to left: the text comes first, on the right

    area.blur()
    tab.evaluate(f"document.getElementById('tab_id_body_{language}').parentElement.scrollIntoView()")
    keep_screenshot(tab, f"admin-editing/body-{language}")
    keep_screenshot(tab.locator("#content"), f"admin-editing/form-{language}")
    assert problems(site, tab) == []  # no script error, no CSP refusal, nothing from elsewhere


def test_a_tab_behind_the_english_shows_an_outdated_badge(site, admin_tab):
    tab = admin_tab("ru")
    tab.goto(f"{site.url}/admin/offices/office/{OUTDATED_OFFICE}/change/")
    link = tab.locator('.ui-tabs-nav a[href="#tab_id_address_ru"]')
    link.locator(".tab-outdated").wait_for()
    assert link.inner_text().split() == ["Русский", "устарел"]
    assert tab.locator('.ui-tabs-nav a[href="#tab_id_address_kk"] .tab-outdated').count() == 0
    link.scroll_into_view_if_needed()
    tab.evaluate("window.scrollBy(0, -200)")
    keep_screenshot(tab, "admin-editing/outdated-tab-ru")
    assert problems(site, tab) == []
