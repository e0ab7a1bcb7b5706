"""The offline copy keeps only what is safe to find on a searched phone: public pages without a
query string and their static files; never a search, a feedback answer, a staff preview, the admin,
the personal plan, or anything marked private."""

import re
from urllib.parse import quote

import pytest

from .admin_tabs import PASSWORD, log_in, opened_tabs, save_english, start_draft

pytestmark = pytest.mark.browser

SEARCH = "/ru/search/?q=" + quote("депортация уйгур")
STORED_URLS = """caches.keys().then((names) => Promise.all(names.map((name) =>
  caches.open(name).then((cache) => cache.keys()).then((keys) => keys.map((key) => key.url))))).then((urls) => urls.flat())"""


@pytest.fixture(scope="module")
def draft_id(live_site, browser):
    """A draft of the stateless page with a text of its own, started and saved in the admin (readers never see it)."""
    with opened_tabs(browser, live_site, PASSWORD) as open_tab:
        tab = open_tab("amina")
        draft = start_draft(tab, live_site, "stateless")
        save_english(tab, title="Unpublished draft", summary="S", body="Secret draft text")
    return draft


def stored(tab):
    return [url.split("//", 1)[1].split("/", 1)[1] for url in tab.evaluate(STORED_URLS)]


def wait_until_stored(tab, path):
    for _attempt in range(100):
        if "/" + path.lstrip("/") in ["/" + url for url in stored(tab)]:
            return
        tab.wait_for_timeout(100)
    raise AssertionError(f"{path} was not kept; kept: {stored(tab)}")


def assert_never_kept(tab, live_site, paths):
    kept = ["/" + url for url in stored(tab)]
    for path in paths:
        assert path.split("?")[0] not in kept or "?" in path and path not in kept, (path, kept)
    assert not [url for url in kept if "?" in url or "search" in url or "feedback" in url or "preview" in url
                or url.startswith("/admin") or "/plan/" in url], kept
    headings = {path: offline_heading(tab, live_site, path) for path in paths}
    tab.context.set_offline(True)
    try:
        for path in paths:
            tab.goto(live_site.url + path)
            assert tab.locator("h1").inner_text() == headings[path], path
    finally:
        tab.context.set_offline(False)


def offline_heading(tab, live_site, path):
    """The heading of the offline page in the language of `path`."""
    page = tab.context.request.get(live_site.url + "/" + path.split("/")[1] + "/offline/").text()
    return re.search(r"<h1>(.*?)</h1>", page).group(1)


def test_a_search_opened_first_is_not_kept(live_site, phone_page):
    tab = phone_page
    tab.goto(live_site.url + SEARCH)
    assert "депортация" in tab.locator("main").inner_text()
    wait_until_stored(tab, "/ru/offline/")
    tab.goto(live_site.url + "/ru/cities/almaty/")
    wait_until_stored(tab, "/ru/cities/almaty/")
    tab.goto(live_site.url + "/ru/search/?q=" + quote("суд"))
    tab.goto(live_site.url + "/ru/about/")
    wait_until_stored(tab, "/ru/about/")
    assert any(url.startswith("static/css/") for url in stored(tab)), "the stylesheet is kept"
    assert_never_kept(tab, live_site, [SEARCH, "/ru/search/?q=" + quote("суд")])
    tab.context.set_offline(True)
    tab.goto(live_site.url + "/ru/cities/almaty/")
    assert tab.locator("#offline-note").is_visible(), "public pages still open offline"


def test_feedback_answers_are_not_kept(live_site, phone_page):
    tab = phone_page
    tab.goto(live_site.url + "/en/guidance/refugees/")
    wait_until_stored(tab, "/en/guidance/refugees/")
    tab.locator(".feedback button[value=no]").click()
    tab.wait_for_url(lambda url: url.endswith("/en/guidance/refugees/feedback/"))
    tab.locator("input[name=reason][value=hard]").check()
    tab.locator(".feedback-reason button").click()
    tab.goto(live_site.url + "/en/about/")
    wait_until_stored(tab, "/en/about/")
    assert_never_kept(tab, live_site, ["/en/guidance/refugees/feedback/"])


def test_previews_the_admin_and_the_plan_are_not_kept(live_site, phone_page, draft_id):
    tab = phone_page
    tab.goto(live_site.url + "/en/")
    wait_until_stored(tab, "/en/offline/")
    log_in(tab, live_site, "amina", PASSWORD)  # a superuser: with a second factor
    preview = f"/en/guidance/stateless/preview/{draft_id}/"
    tab.goto(live_site.url + preview)
    assert "Secret draft text" in tab.locator("main").inner_text()
    tab.goto(live_site.url + "/en/plan/")
    tab.goto(live_site.url + "/en/cities/")
    wait_until_stored(tab, "/en/cities/")
    assert_never_kept(tab, live_site, [preview, "/en/plan/"])
    assert "Secret draft text" not in str(stored(tab))
