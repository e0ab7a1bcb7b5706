"""In a real browser on a 360 × 640 phone with JavaScript off, in English, Russian and Dari: a reader opens
"Is this information wrong?" under an office on the Almaty page, taps what is wrong and sends it."""

import sqlite3

import pytest

from .screenshots import keep_screenshot

pytestmark = pytest.mark.browser

THANKS = {"en": "Thank you for telling us", "ru": "Спасибо, что сообщили нам", "prs": "تشکر که به ما خبر دادید"}


@pytest.fixture
def no_js_phone(browser):
    context = browser.new_context(java_script_enabled=False, viewport={"width": 360, "height": 640})
    yield context
    context.close()


def reports(live_site):
    database = live_site.env["DATABASE_URL"].removeprefix("sqlite:///")
    with sqlite3.connect(database) as db:
        return db.execute("SELECT entry_name, problem, language, note FROM reports_report ORDER BY id").fetchall()


@pytest.mark.parametrize("language", ["en", "ru", "prs"])
def test_a_reader_reports_a_wrong_phone_from_the_almaty_page(live_site, no_js_phone, language):
    page = no_js_phone.new_page()
    before = len(reports(live_site))
    page.goto(f"{live_site.url}/{language}/cities/almaty/")
    card = page.locator("#office-employment-office-almaty")
    card.locator("details.report summary").click()  # <details> opens without JavaScript
    card.locator("input[name=problem][value=phone]").check()
    card.locator("textarea[name=note]").fill("8 727 000 00 00 — no answer")
    card.locator("details.report").scroll_into_view_if_needed()
    keep_screenshot(page, f"reports/{language}_report_form")
    assert page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth") <= 0
    card.locator("details.report button").click()
    page.wait_for_url(f"**/{language}/report/office/employment-office-almaty/thanks/")
    assert page.locator("h1").inner_text() == THANKS[language]
    keep_screenshot(page, f"reports/{language}_report_thanks", full_page=True)
    (entry_name, problem, stored_language, note), = reports(live_site)[before:]
    assert (problem, stored_language, note) == ("phone", language, "8 727 000 00 00 — no answer")
    assert entry_name.startswith("Department of Employment and Social Programs")
    assert not no_js_phone.cookies() or all(cookie["name"] == "django_language" for cookie in no_js_phone.cookies())
