"""Open an admin change form as a browser would, and send it back with a person's changes."""

from html.parser import HTMLParser

from django.conf import settings

LANGUAGE_CODES = [code for code, _name in settings.LANGUAGES]


class _FormReader(HTMLParser):
    """The values a browser would send from the page's main admin form (without pressing a button)."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.values, self.in_form = [], False
        self._select = self._textarea = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form" and attrs.get("id", "").endswith("_form"):
            self.in_form = True
        if not self.in_form or "disabled" in attrs:
            return
        name = attrs.get("name")
        if tag == "input" and name and attrs.get("type", "text") not in ("submit", "button", "file"):
            if attrs.get("type") in ("checkbox", "radio"):
                if "checked" in attrs:
                    self.values.append((name, attrs.get("value", "on")))
            else:
                self.values.append((name, attrs.get("value", "")))
        elif tag == "textarea" and name:
            self._textarea = [name, ""]
        elif tag == "select" and name:
            self._select = name
        elif tag == "option" and self._select and "selected" in attrs:
            self.values.append((self._select, attrs.get("value", "")))

    def handle_data(self, data):
        if self._textarea is not None:
            self._textarea[1] += data

    def handle_endtag(self, tag):
        if tag == "form":
            self.in_form = False
        elif tag == "textarea" and self._textarea is not None:
            name, text = self._textarea
            self.values.append((name, text.removeprefix("\n")))
            self._textarea = None
        elif tag == "select":
            self._select = None


def form_values(html):
    """{name: [values]} of the admin form in `html`, as the test client posts it."""
    reader = _FormReader()
    reader.feed(html)
    data = {}
    for name, value in reader.values:
        data.setdefault(name, []).append(value)
    return data


def open_form(client, url):
    """GET the change form; returns what it would post, unchanged."""
    response = client.get(url)
    assert response.status_code == 200, response.status_code
    return form_values(response.content.decode())


def send(client, url, data, **changes):
    """POST the form with these fields changed (as "Save")."""
    posted = {**data, **{name: [value] if isinstance(value, str) else value for name, value in changes.items()}}
    posted["_save"] = ["Save"]
    return client.post(url, posted)
