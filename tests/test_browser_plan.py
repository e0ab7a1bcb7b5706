"""The personal plan on a 360 × 640 phone with JavaScript off: fill the form, read the dates."""


import pytest

from .screenshots import keep_screenshot

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("browser")]



@pytest.mark.parametrize("lang, direction", [("en", "ltr"), ("prs", "rtl")])
def test_a_person_fills_the_plan_form_without_javascript(browser, live_site, lang, direction):
    context = browser.new_context(viewport={"width": 360, "height": 640}, java_script_enabled=False)
    page = context.new_page()
    response = page.goto(f"{live_site.url}/{lang}/plan/")
    assert response.status == 200
    page.check("input[name=situation][value=moving]")
    page.fill("input[name=date]", "2026-11-23")  # a Monday: 24, 25, 26, 27, 30 November
    page.select_option("select[name=city]", "almaty")
    with page.expect_response(lambda r: r.url.endswith("/plan/") and r.request.method == "POST") as answer:
        page.click(".plan-form button[type=submit]")
    assert "no-store" in answer.value.headers["cache-control"]
    assert page.locator("html").get_attribute("dir") == direction
    deadline = page.locator(".plan-step time").first
    assert deadline.get_attribute("datetime") == "2026-11-30"
    width = page.evaluate("() => document.documentElement.scrollWidth")
    assert width <= 360, f"the page scrolls sideways ({width} px)"
    keep_screenshot(page, f"plan-{lang}-360", full_page=True)
    context.close()


@pytest.mark.parametrize("lang, direction", [("en", "ltr"), ("ar", "rtl")])
def test_from_the_home_page_with_a_city_to_the_office_where_to_apply(browser, live_site, lang, direction):
    """The home page's short form asks the city too, so the first answer already names the door."""
    context = browser.new_context(viewport={"width": 360, "height": 640}, java_script_enabled=False)
    page = context.new_page()
    assert page.goto(f"{live_site.url}/{lang}/").status == 200
    page.select_option("#plan-situation", "arrived")
    page.fill("#plan-date", "2026-12-01")
    page.select_option("#plan-city", "astana")
    with page.expect_response(lambda r: r.url.endswith("/plan/") and r.request.method == "POST") as answer:
        page.click(".plan-teaser button[type=submit]")
    assert answer.value.status == 200
    assert page.locator("html").get_attribute("dir") == direction
    first_step = page.locator(".plan-step").first
    assert first_step.locator("time").first.get_attribute("datetime") == "2026-12-05"  # five days, counting the first
    assert "г. Астана, ул. Бейбитшилик, 9" in first_step.inner_text()  # the application point, as a driver reads it
    assert f"/{lang}/plan/" in page.url and "2026" not in page.url  # nothing the person chose is in the address
    keep_screenshot(page, f"plan-from-home-{lang}-360", full_page=True)
    context.close()
