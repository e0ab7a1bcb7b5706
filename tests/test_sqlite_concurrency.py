"""Staff saving at the same moment on SQLite (the default of `make run`) queue; nobody gets a 500."""

import http.cookiejar
import re
import threading
import urllib.error
import urllib.parse
import urllib.request

import pytest

from .admin_forms import form_values
from .live_site import running_site
from .second_factor import code_for_page

pytestmark = [pytest.mark.server, pytest.mark.django_db]

PEOPLE = 8
PASSWORD = "a long passphrase for tests"


@pytest.fixture(scope="module")
def site():
    with running_site({"STAFF_USERNAME": "amina", "STAFF_PASSWORD": PASSWORD, "THREADS": str(PEOPLE)}) as site:
        site.manage("ensure_staff_user")
        yield site


class NoRedirects(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None  # a 302 is the answer we look at


class Session:
    """One staff member's browser: cookies, the CSRF token, form posts."""

    def __init__(self, site):
        self.site = site
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()), NoRedirects()
        )
        page = self.get("/admin/login/")
        self.post("/admin/login/?next=/admin/", {"username": "amina", "password": PASSWORD, **self.token(page)})
        page = self.get("/admin/second-factor/")  # a superuser: the app set up by the first, a recovery code for the rest
        self.post("/admin/second-factor/", {"code": code_for_page(page, site, "amina"), "next": "/admin/", **self.token(page)})

    def token(self, html):
        return {"csrfmiddlewaretoken": re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)}

    def get(self, path):
        with self.opener.open(self.site.url + path, timeout=60) as response:
            return response.read().decode()

    def post(self, path, data):
        body = urllib.parse.urlencode(data, doseq=True).encode()
        try:
            with self.opener.open(self.site.url + path, body, timeout=60) as response:
                return response.status, response.read().decode()
        except urllib.error.HTTPError as error:
            return error.code, error.read().decode(errors="replace")


def office_path(site, slug):
    html = Session(site).get(f"/admin/offices/office/?q={slug}")
    return re.search(r'href="(/admin/offices/office/\d+/change/)', html).group(1)


def save_all_at_once(sessions, forms):
    """Every session presses Save at the same moment; returns (status, page) of each."""
    barrier, results = threading.Barrier(len(sessions)), [None] * len(sessions)

    def press(index):
        path, data = forms[index]
        barrier.wait()
        results[index] = sessions[index].post(path, {**data, "_save": "Save"})

    threads = [threading.Thread(target=press, args=(i,)) for i in range(len(sessions))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    return results


def opened(session, path, **changes):
    return path, {**form_values(session.get(path)), **{name: [value] for name, value in changes.items()}}


def test_eight_simultaneous_saves_of_one_office_give_no_500(site):
    path = office_path(site, "UNHCR+National+Office")
    sessions = [Session(site) for _ in range(PEOPLE)]
    forms = [opened(s, path, notes_en=f"Note number {i}") for i, s in enumerate(sessions)]

    results = save_all_at_once(sessions, forms)

    statuses = [status for status, _page in results]
    assert 500 not in statuses and set(statuses) <= {200, 302}, statuses
    assert statuses.count(302) == 1  # one save wins; the others were opened before it
    refused = [page for status, page in results if status == 200]
    assert all("Nothing was saved over their change." in page for page in refused)


def test_eight_simultaneous_saves_of_different_entries_all_succeed(site):
    sessions = [Session(site) for _ in range(PEOPLE)]
    listing = sessions[0].get("/admin/offices/office/")
    paths = list(dict.fromkeys(re.findall(r'href="(/admin/offices/office/\d+/change/)', listing)))[:PEOPLE]
    forms = [opened(s, path, order=str(10 + i)) for i, (s, path) in enumerate(zip(sessions, paths, strict=False))]

    results = save_all_at_once(sessions[: len(forms)], forms)

    assert [status for status, _page in results] == [302] * len(forms)
