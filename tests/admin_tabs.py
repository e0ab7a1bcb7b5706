"""Browser tabs logged in to the admin of a LiveSite, for the browser tests of staff work, and the
admin steps those tests take to set up what they need (as staff would, never with code run on the site)."""

import re
from contextlib import contextmanager

from .second_factor import pass_in_tab

PASSWORD = "browser-test-passphrase"  # of every staff member in tests/fixtures/browser_staff.json


def logged_in_tab(browser, site, username, password, *, language=None, viewport=(1280, 900), contexts=None):
    """A new browser context logged in as `username`, in `language` (the language cookie) if given.

    The tab records what it asked for (`tab.requests`) and what went wrong (`tab.errors`: script
    errors, console errors, answers of 400 and more), for the tests to assert on. `contexts`: a list
    the new context is added to, so that a fixture can close them all.
    """
    width, height = viewport
    context = browser.new_context(viewport={"width": width, "height": height}, locale=f"{language}-KZ" if language else None)
    if language:
        context.add_cookies([{"name": "django_language", "value": language, "url": site.url}])
    if contexts is not None:
        contexts.append(context)
    tab = context.new_page()
    tab.requests, tab.errors = [], []
    tab.on("request", lambda request: tab.requests.append(request.url))
    tab.on("pageerror", lambda error: tab.errors.append(str(error)))
    tab.on("console", lambda message: message.type == "error" and tab.errors.append(message.text))
    tab.on("response", lambda response: response.status >= 400 and tab.errors.append(f"{response.status} {response.url}"))
    log_in(tab, site, username, password)
    return tab


def log_in(tab, site, username, password):
    """Log in to the admin in this tab as staff would: password, then the second factor if asked."""
    tab.goto(site.url + "/admin/login/")
    tab.fill("input[name=username]", username)
    tab.fill("input[name=password]", password)
    with tab.expect_navigation():  # the click does not wait for the next page
        tab.click("input[type=submit]")
    pass_in_tab(tab, site, username)  # publishers and superusers (tests/second_factor.py)
    tab.wait_for_url(site.url + "/admin/")


@contextmanager
def opened_tabs(browser, site, password, **options):
    """open_tab(username, **more) -> a tab logged in with `options` and `more` (language, viewport); the
    browser contexts it opened are all closed when the block ends (a fixture yields inside it)."""
    contexts = []

    def open_tab(username, **more):
        return logged_in_tab(browser, site, username, password, contexts=contexts, **{**options, **more})

    try:
        yield open_tab
    finally:
        for context in contexts:
            context.close()


def open_office_by_address(tab, site, address):
    """The office list, a search for the address, then the office's change page."""
    tab.goto(f"{site.url}/admin/offices/office/")
    tab.fill("#searchbar", address)
    tab.press("#searchbar", "Enter")
    tab.click("#result_list tbody th a")
    tab.wait_for_selector("#modeltranslation-main-switch")


def save_change(tab):
    """Save the change form, and wait for the admin to say it is saved."""
    tab.click("input[name=_save]")
    tab.wait_for_selector(".messagelist .success")


def page_edit_url(tab, site, slug):
    """The address of "Edit the text" of a guidance page, found in the admin's list of pages."""
    tab.goto(site.url + "/admin/guidance/guidancepage/")
    href = tab.locator(f"#result_list a:text-is('{slug}')").get_attribute("href")
    page_id = re.search(r"/guidancepage/(\d+)/", href).group(1)
    return f"{site.url}/admin/guidance/guidancepage/{page_id}/edit/"


def start_draft(tab, site, slug):
    """Click "Start a draft" on the page, in any admin language; returns the new draft's id (its change form is open)."""
    tab.goto(page_edit_url(tab, site, slug))
    tab.click("form input[type=submit].default")
    tab.wait_for_selector("#modeltranslation-main-switch")
    return int(re.search(r"/revision/(\d+)/change/", tab.url).group(1))


def save_english(tab, **fields):
    """Write these English fields (title="…", body="…", change_note="…") into the open draft and save it."""
    tab.select_option("#modeltranslation-main-switch", label="English")
    for name, value in fields.items():
        tab.fill(f"[name={name}_en]", value)
    tab.click("input[name=_save]")
    tab.wait_for_selector(".messagelist .success")
