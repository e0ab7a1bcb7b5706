"""In a real browser against gunicorn: translators into Russian and Arabic find the one paragraph the English
changed, see the old and new English side by side, update it (Arabic written right to left), and readers see
the new text with no notice. Screenshots go to test-artifacts/."""


import pytest

from .admin_tabs import PASSWORD, logged_in_tab, opened_tabs, start_draft
from .factories import APPEAL_SENTENCE, ASYLUM_SEEKERS, DECISION_SENTENCE
from .live_site import running_site
from .screenshots import keep_screenshot
from .test_browser_publishing import assert_only_our_origin

pytestmark = pytest.mark.browser

OLD, NEW = DECISION_SENTENCE, APPEAL_SENTENCE
RUSSIAN_NEW = "Вы остаётесь лицом, ищущим убежище, пока по вашему заявлению не принято окончательное решение, включая время на обжалование."
ARABIC_NEW = "تبقى طالب لجوء إلى أن يصدر قرار نهائي في طلبك، بما في ذلك وقت الطعن."


@pytest.fixture(scope="module")
def site(browser):
    """A site of its own, with an English change waiting to be translated: Pavel (publisher) opened a
    draft in the admin and changed one sentence of the English, a major change."""
    with running_site(fixtures=["browser_staff"]) as site, opened_tabs(browser, site, PASSWORD) as open_tab:
        pavel = open_tab("pavel")
        start_draft(pavel, site, ASYLUM_SEEKERS)
        pavel.select_option("#modeltranslation-main-switch", label="English")
        body = pavel.input_value("textarea[name=body_en]")
        assert OLD in body
        pavel.fill("textarea[name=body_en]", body.replace(OLD, NEW))
        pavel.select_option("select[name=significance]", "major")
        pavel.fill("input[name=change_note_en]", "The time to appeal counts too.")
        pavel.click("input[name=_save]")
        pavel.wait_for_selector(".messagelist .success")
        yield site


def log_in(browser, site, username):
    return logged_in_tab(browser, site, username, PASSWORD)


def translate(tab, site, language, text):
    """From the translation status, open the waiting change in `language`, update what changed, save."""
    tab.goto(site.url + "/admin/guidance/guidancepage/translations/")
    tab.click(f"td >> a[href$='/translate/{language}/']:has-text('1 segment will need')")
    tab.wait_for_selector("form.segment-editor")
    assert "67 of 68 segments up to date" in tab.inner_text(".translation-progress")
    tab.click("a:has-text('Only what needs updating')")
    tab.wait_for_url(lambda url: "todo=1" in url)
    segments = tab.locator("section.segment.state-immediate-update")
    assert segments.count() == 1
    diff = segments.first.locator("table.segment-diff")
    assert OLD in diff.locator("td").first.inner_text()
    assert diff.locator("td ins").inner_text() == ", including the time to appeal"
    box = segments.first.locator("textarea")
    assert box.evaluate("element => getComputedStyle(element).direction") == ("rtl" if language == "ar" else "ltr")
    keep_screenshot(tab, f"translator-editor-{language}-before", full_page=True)
    box.fill(text)
    tab.click("input[type=submit][value='Save the translation']")
    tab.wait_for_selector(".messagelist")
    assert "saved in the draft" in tab.inner_text(".messagelist")
    assert tab.locator("section.segment.state-immediate-update").count() == 0  # what changed is done
    tab.click("a:has-text('Show all segments')")
    tab.wait_for_url(lambda url: "todo" not in url)
    assert "68 of 68 segments up to date" in tab.inner_text(".translation-progress")
    # Every box shows all of its text, without scrolling inside it.
    hidden = tab.eval_on_selector_all("textarea.segment-text", "boxes => boxes.filter((b) => b.scrollHeight > b.clientHeight + 2).length")
    assert hidden == 0
    tab.locator(f"text={text[:30]}").first.scroll_into_view_if_needed()
    keep_screenshot(tab, f"translator-editor-{language}-after")


def test_translators_update_only_what_changed_in_russian_and_arabic(site, browser):
    russian = log_in(browser, site, "tanya")
    translate(russian, site, "ru", RUSSIAN_NEW)
    arabic = log_in(browser, site, "amal")
    translate(arabic, site, "ar", ARABIC_NEW)
    for tab in (russian, arabic):
        assert_only_our_origin(site, tab)

    publisher = log_in(browser, site, "pavel")
    publisher.goto(site.url + "/admin/guidance/guidancepage/translations/")
    publisher.click("a:has-text('Open draft')")
    left_behind = publisher.inner_text(".left-behind")
    assert "Russian" not in left_behind and "Arabic" not in left_behind and "Kazakh" in left_behind
    publisher.check("input[name=significance][value=major]")
    publisher.click("input[type=submit][value=Publish]")
    assert "Published. Readers see the new text now." in publisher.inner_text(".messagelist")

    reader = browser.new_context().new_page()
    for language, text in (("ru", RUSSIAN_NEW), ("ar", ARABIC_NEW)):
        reader.goto(site.url + f"/{language}/guidance/asylum-seekers/")
        assert text in reader.inner_text("main") and reader.locator(".outdated-notice").count() == 0
    reader.goto(site.url + "/kk/guidance/asylum-seekers/")
    assert reader.locator(".outdated-notice").count() == 1
    reader.locator(".outdated-notice").scroll_into_view_if_needed()
    keep_screenshot(reader, "reader-section-notice-kk")
    reader.context.close()
