"""The browser title and attributes are plain text, also where a name falls back to another language
(markup there would show as literal `<span lang="ru">…</span>`)."""

import html
import re

import pytest

from offices.models import Office
from tests.conftest import LANGUAGE_CODES
from tests.pages import public_paths

pytestmark = [pytest.mark.django_db, pytest.mark.same_on_every_database]

TITLE = re.compile(r"<title>(.*?)</title>", re.S)
DESCRIPTION = re.compile(r'<meta name="description" content="([^"]*)">')
ATTRIBUTE = re.compile(r'\s(?:alt|title|aria-label|content|placeholder)="([^"]*)"')


@pytest.mark.parametrize("lang", LANGUAGE_CODES)
def test_every_title_and_attribute_is_plain_text(client, lang):
    for path in public_paths(lang):
        response = client.get(path, follow=True)
        assert response.status_code == 200, path
        page = response.content.decode()
        title = TITLE.search(page).group(1)
        assert "<" not in title and "<" not in html.unescape(title), (path, title)
        assert DESCRIPTION.search(page), path
        for value in ATTRIBUTE.findall(page):
            assert "<" not in html.unescape(value), (path, value)


def test_a_fallback_name_is_plain_in_the_title_and_marked_in_the_heading(client):
    office = Office.objects.get(slug="unhcr-national-office-astana")
    office.name_prs = ""  # not translated into Dari: shown in English
    office.save()
    page = client.get("/prs/offices/unhcr-national-office-astana/").content.decode()
    title = TITLE.search(page).group(1)
    assert "<span" not in title and "&lt;" not in title
    assert title.startswith("UNHCR")
    assert re.search(r'<h1><span lang="en" dir="ltr">UNHCR[^<]*</span></h1>', page)
