"""In a real browser (Debian's chromium) against gunicorn, on a phone (360 × 640) in the Russian admin: an
editor links Dana's account to her organisation, Dana proposes a new phone for its branch, the editor
accepts it from the review page's diff, and readers see the new number. Screenshots in
test-artifacts/partner-proposal/."""


import pytest

from .admin_tabs import PASSWORD, opened_tabs
from .live_site import running_site
from .screenshots import keep_screenshot

pytestmark = pytest.mark.browser

PHONE = "+7 727 300 00 07"  # as readers see it; typed the way people write it below


def test_a_partner_proposes_a_phone_and_an_editor_accepts_it_on_a_phone_screen(browser):
    with running_site(fixtures=["browser_staff", "partner_staff"]) as site, \
            opened_tabs(browser, site, PASSWORD, language="ru", viewport=(360, 640)) as open_tab:
        elena = open_tab("elena")
        elena.goto(f"{site.url}/admin/partners/partneraccount/add/")
        elena.select_option("select[name=user]", label="dana")
        bhr = elena.locator("select[name=partner] option", has_text="Казахстанское международное бюро").get_attribute("value")
        elena.select_option("select[name=partner]", value=bhr)
        elena.click("input[name=_save]")
        elena.wait_for_selector(".messagelist .success")

        dana = open_tab("dana")
        dana.goto(f"{site.url}/admin/partners/changeproposal/add/")
        assert dana.locator("h1").inner_text().startswith("Предложить изменения")
        phones = dana.locator("input[name$='-phones']").first
        phones.fill("8 727 300 00 07")
        keep_screenshot(dana, "partner-proposal/proposal-form-ru-360", full_page=True)
        dana.click("input[name=submit]")
        success = dana.locator(".messagelist .success")
        success.wait_for()
        assert "Ваше предложение отправлено" in success.inner_text()
        dana_problems = list(dana.errors)  # before the refusal below, which the tab records as an error
        other = dana.goto(f"{site.url}/admin/partners/partner/")
        assert other.status == 403 and "Ваша роль не даёт доступа" in dana.locator("#content").inner_text()  # not hers

        elena.goto(f"{site.url}/admin/")
        elena.click("#staff-dashboard a:has-text('Предложения партнёров на проверку')")
        elena.click("#result_list tbody a")
        diff = elena.locator("table.proposal-diff")
        assert PHONE in diff.inner_text()
        assert elena.evaluate("document.documentElement.scrollWidth") <= 360  # nothing wider than the phone
        keep_screenshot(elena, "partner-proposal/review-ru-360", full_page=True)
        elena.click("button[name=decision][value=accept]")
        accepted = elena.locator(".messagelist .success")
        accepted.wait_for()
        assert "Принято" in accepted.inner_text()

        reader = open_tab("elena", language="ru")
        reader.goto(f"{site.url}/ru/partners/bhr/")
        assert PHONE in reader.locator("main").inner_text()
        assert elena.errors == [] and dana_problems == []
