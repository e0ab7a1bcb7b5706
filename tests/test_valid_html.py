"""Every public page type, in every language, is valid HTML: the Nu Html Checker finds no error.

The pages are rendered with the test client, written to a temporary folder and checked in one run of
vnu.jar (one Java start for all of them). `make test` installs the checker (`make html-checker`).
"""

import json
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest
from django.test import Client

from .conftest import LANGUAGE_CODES
from .pages import PUBLIC_PATHS

pytestmark = [pytest.mark.html_checker, pytest.mark.django_db]  # django_db: the session sets up the test database

VNU_JAR = Path(__file__).resolve().parent / "vnu" / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"

# Every public page type beyond PUBLIC_PATHS: other states of the same templates.
MORE_PAGES = [
    ("/{lang}/partners/?city=almaty&service=legal-counselling", 200),
    ("/{lang}/partners/?city=nowhere&service=none", 200),  # an invalid filter shows its errors
    ("/{lang}/guidance/refugees/history/", 200),
    ("/{lang}/guidance/stateless/feedback/", 200),
    ("/{lang}/search/?q=", 200),
    ("/{lang}/search/?q=zzzzqqq", 200),  # no result
    ("/{lang}/no-such-page/", 404),
    ("/{lang}/plan/", 200),
    ("/{lang}/plan/?situation=moving&date=2026-11-30&city=almaty", 200),
    ("/{lang}/plan/?situation=rejected&date=1900-01-01", 400),  # a form error
]
PAGES = [(path, 200) for path in PUBLIC_PATHS] + MORE_PAGES
SVG_PAGES = ["/{lang}/cities/almaty/qr.svg"]


@pytest.fixture(scope="module")
def rendered_pages(django_db_setup, django_db_blocker, tmp_path_factory):
    """Every page of PAGES in every language, written to a folder: (folder, {file name: address})."""
    folder = tmp_path_factory.mktemp("pages")
    with django_db_blocker.unblock():  # only reads the content loaded for the session
        return folder, render_pages(Client(), folder)


def render_pages(client, folder):
    """Write each page to a file named after its address; return {file name: address}."""
    written = {}
    for lang in LANGUAGE_CODES:
        for path, status in PAGES + [(svg, 200) for svg in SVG_PAGES]:
            url = path.format(lang=lang)
            response = client.get(url)
            assert response.status_code == status, f"{url} answered {response.status_code}, not {status}"
            suffix = ".svg" if url.endswith(".svg") else ".html"
            name = url.strip("/").replace("/", "_").replace("?", "_").replace("&", "_").replace("=", "-") + suffix
            (folder / name).write_bytes(response.content)
            written[name] = url
    return written


def html_checker_errors(folder):
    """The checker's errors for every file of the folder, as "address: message (extract)" lines."""
    java = shutil.which("java")
    if not VNU_JAR.exists() or java is None:
        pytest.skip("the Nu Html Checker is not installed: run `make html-checker` (needs Java and npm)")
    result = subprocess.run(
        [java, "-Xss4m", "-jar", str(VNU_JAR), "--errors-only", "--format", "json", "--also-check-svg", str(folder)],
        capture_output=True, text=True, timeout=600,
    )
    messages = json.loads(result.stderr or result.stdout)["messages"]
    return [message for message in messages if message["type"] in ("error", "non-document-error")]


def test_every_page_is_valid_html_in_every_language(rendered_pages):
    folder, pages = rendered_pages
    assert len(pages) == len(LANGUAGE_CODES) * (len(PAGES) + len(SVG_PAGES))
    lines = sorted(
        f"{pages.get(Path(error.get('url', '')).name, error.get('url'))}:{error.get('lastLine', '?')}: "
        f"{error['message']} [{error.get('extract', '').strip()}]"
        for error in html_checker_errors(folder)
    )
    print("\n".join(lines))
    assert lines == []


class IdReferences(HTMLParser):
    """The ids of a page, and the ids its attributes point to (which the checker leaves alone)."""

    POINTERS = ("aria-describedby", "aria-labelledby", "aria-controls", "for", "list")

    def __init__(self):
        super().__init__()
        self.ids, self.references = set(), set()

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if name == "id":
                self.ids.add(value)
            elif name in self.POINTERS and value:
                self.references.update(value.split())
            elif name == "href" and value and value.startswith("#") and len(value) > 1:
                self.references.add(value[1:])


def test_every_id_a_page_points_to_exists(rendered_pages):
    folder, pages = rendered_pages
    dangling = []
    for name, url in pages.items():
        if name.endswith(".html"):
            parser = IdReferences()
            parser.feed((folder / name).read_text())
            dangling += [f"{url}: #{ref}" for ref in sorted(parser.references - parser.ids)]
    assert dangling == []
