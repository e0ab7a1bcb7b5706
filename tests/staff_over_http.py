"""A staff member's browser over plain HTTP, for tests of running servers: log in through the admin's
own forms (the second factor set up at the first log-in) and send forms as a browser would."""

import urllib.parse
import urllib.request
from html.parser import HTMLParser
from http.cookiejar import CookieJar

from .second_factor import code_from_enrolment_page

# The superuser `manage.py ensure_staff_user` makes from these (set them in the site's environment).
STAFF = {"STAFF_USERNAME": "amina", "STAFF_PASSWORD": "a long passphrase for the tests"}


def read(url, opener=None, data=None):
    request = urllib.request.Request(url, data=urllib.parse.urlencode(data).encode() if data else None)
    with (opener or urllib.request.build_opener()).open(request, timeout=15) as response:
        return response.headers, response.read().decode()


class FormValues(HTMLParser):
    """The values a browser would submit from the forms of a page."""

    def __init__(self, html):
        super().__init__()
        self.values, self._select, self._textarea = {}, None, None
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        name = attrs.get("name")
        if tag == "input" and name:
            kind = attrs.get("type", "text")
            if kind in ("checkbox", "radio"):
                if "checked" in attrs:
                    self.values[name] = attrs.get("value", "on")
            elif kind not in ("submit", "button", "file", "image"):
                self.values[name] = attrs.get("value", "")
        elif tag == "select":
            self._select = name
        elif tag == "option" and self._select and "selected" in attrs:
            self.values[self._select] = attrs.get("value", "")
        elif tag == "textarea" and name:
            self._textarea = name
            self.values[name] = ""

    def handle_endtag(self, tag):
        if tag == "select":
            self._select = None
        elif tag == "textarea":
            self._textarea = None

    def handle_data(self, data):
        if self._textarea:
            self.values[self._textarea] += data.removeprefix("\n") if not self.values[self._textarea] else data


def staff_browser(site):
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(CookieJar()))
    _headers, login_page = read(site.url + "/admin/login/", opener)
    values = FormValues(login_page).values
    values.update(username=STAFF["STAFF_USERNAME"], password=STAFF["STAFF_PASSWORD"], next="/admin/")
    _headers, html = read(site.url + "/admin/login/", opener, values)
    values = FormValues(html).values  # the superuser sets up the second factor at this first log-in
    values.update(code=code_from_enrolment_page(html), next="/admin/")
    _headers, html = read(site.url + "/admin/second-factor/", opener, values)
    assert "recovery-codes" in html and "logout" in html.lower(), "staff are logged in"
    return opener
