"""What a person typed stays off the phone: after a plan and a search in Chromium, its History and
Web Data (form history) databases hold neither the situation, the date nor the words, the titles
it keeps are generic, and Back after the quick exit shows nothing of them."""

import shutil
import sqlite3
import tempfile
from pathlib import Path
from urllib.parse import quote

import pytest
from django.conf import settings

from .live_site import CHROMIUM_ARGS, DESKTOP_CHROMIUM

pytestmark = pytest.mark.browser

WORDS = "статус беженца"
SECRETS = [WORDS, quote(WORDS), "irregular", "2025-03-14", "14.03.2025", "almaty"]


def everything_in(database):
    """Every text value of every table of one of Chromium's SQLite databases, as one string."""
    copy = Path(tempfile.mkdtemp()) / "copy.sqlite"
    shutil.copy(database, copy)
    try:
        with sqlite3.connect(copy) as db:
            tables = [row[0] for row in db.execute("SELECT name FROM sqlite_master WHERE type='table'")]
            return "\n".join(str(value) for table in tables for row in db.execute(f'SELECT * FROM "{table}"')
                             for value in row if isinstance(value, str))
    finally:
        shutil.rmtree(copy.parent)


def test_a_plan_and_a_search_leave_no_words_in_the_browser(live_site, browser):
    profile = tempfile.mkdtemp(prefix="help-site-chromium-")
    try:
        visit_and_check(live_site, browser, profile)
    finally:
        shutil.rmtree(profile, ignore_errors=True)


def visit_and_check(live_site, browser, profile):
    context = browser.browser_type.launch_persistent_context(
        profile, executable_path=DESKTOP_CHROMIUM, args=CHROMIUM_ARGS,
        viewport={"width": 360, "height": 640})
    exit_page = "<!doctype html><title>Weather</title><h1>Weather</h1>"
    context.route(settings.QUICK_EXIT_URL + "**", lambda route: route.fulfill(body=exit_page, content_type="text/html"))
    try:
        page = context.new_page()
        page.goto(live_site.url + "/ru/plan/")
        page.check("input[name=situation][value=irregular]")
        page.fill("input[name=date]", "2025-03-14")
        page.select_option("select[name=city]", "almaty")
        page.click(".plan-form button[type=submit]")
        page.wait_for_selector(".plan-steps")
        assert page.url == live_site.url + "/ru/plan/"
        plan_title = page.title()

        page.locator(".site-menu summary").click()
        page.get_by_label("Поиск по сайту").fill(WORDS)
        page.get_by_label("Поиск по сайту").press("Enter")
        page.wait_for_selector(".search-results")
        assert page.url == live_site.url + "/ru/search/" and WORDS not in page.title()
        assert page.title().startswith("Результаты поиска")

        page.locator(".quick-exit").click()
        page.wait_for_url(settings.QUICK_EXIT_URL)
        page.go_back()  # the results page was replaced: Back goes to the plan, asked for again
        assert WORDS not in page.content()

        partner_link = context.new_page()  # a partner's link: answered, then its words leave the address
        partner_link.goto(live_site.url + "/ru/search/?q=" + quote("беженец"))
        partner_link.wait_for_function("location.search === ''")
        assert partner_link.locator(".search-results > li").count() > 0
    finally:
        context.close()  # writes History and Web Data to disk
    history = everything_in(Path(profile, "Default", "History"))
    form_history = everything_in(Path(profile, "Default", "Web Data"))
    assert "/ru/plan/" in history and "/ru/search/" in history, "History was written"
    assert plan_title in history and "Результаты поиска" in history
    for secret in SECRETS:
        assert secret not in history, secret
        assert secret not in form_history, secret
