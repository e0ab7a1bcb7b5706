"""In real Chromium on a 360 × 640 phone: a person types the number they were given into "Check a
contact" and reads that it is the UNHCR hotline, in English, Russian and Dari (RTL); the address and
the title stay the form's. Screenshots in test-artifacts/check-contact/ (and /tmp) to look at."""


import pytest

from .screenshots import keep_screenshot

pytestmark = pytest.mark.browser

EXPECTED = {
    "en": ("Check a contact", "Yes: this contact is on our list", "It belongs to UNHCR."),
    "ru": ("Проверить контакт", "Да: этот контакт есть в нашем списке", "Он принадлежит УВКБ ООН."),
    "prs": ("بررسی یک تماس", "بله: این تماس در فهرست ما هست", "این تماس از کمیشنری عالی سازمان ملل متحد برای پناهندگان است."),
}


@pytest.fixture
def small_phone(browser):
    context = browser.new_context(viewport={"width": 360, "height": 640})
    page = context.new_page()
    yield page
    context.close()


@pytest.mark.parametrize("lang", list(EXPECTED))
def test_a_person_types_a_number_and_reads_whose_it_is(live_site, small_phone, lang):
    title, heading, owner = EXPECTED[lang]
    page = small_phone
    page.goto(f"{live_site.url}/{lang}/check/")
    page.get_by_role("textbox").fill("8 701 744 72 38")
    page.get_by_role("textbox").press("Enter")
    page.wait_for_load_state()
    answer = page.locator("section.check-answer")
    assert answer.locator("h2").inner_text() == heading
    assert owner in answer.inner_text()
    assert "+7 701 744 7238" in answer.locator("a[href='tel:+77017447238']").first.inner_text()
    assert page.url == f"{live_site.url}/{lang}/check/"  # nothing typed in the address, or the history
    assert page.title().startswith(f"{title} ·") and "744" not in page.title()
    assert page.locator("html").get_attribute("dir") == ("rtl" if lang == "prs" else "ltr")
    assert page.get_by_role("textbox").input_value() == ""  # the answer's form is empty again
    overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 0, "the answer fits the phone's width"
    answer.scroll_into_view_if_needed()
    keep_screenshot(page, f"check-contact/check-contact-{lang}")
