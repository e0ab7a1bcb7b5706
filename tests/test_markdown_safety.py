"""Staff Markdown is sanitised: no stored script reaches a reader."""

import pytest

from guidance.models import GuidancePage
from tests.factories import published_revision
from tests.pages import page_html

pytestmark = [pytest.mark.django_db, pytest.mark.same_on_every_database]

HOSTILE_BODY = """## Hello

<script>alert('x')</script>
<img src=x onerror="alert(1)">
[click](javascript:alert(1))
<a href="https://example.org" onclick="steal()">ok</a>
<iframe src="https://evil.example"></iframe>
<style>body{display:none}</style>
"""


def test_stored_script_does_not_reach_the_page(client):
    page = GuidancePage.objects.get(slug="stateless")
    published_revision(page, body_en=HOSTILE_BODY)
    html = page_html(client, "/en/guidance/stateless/")
    body = html.split('<div class="body"', 1)[1]
    for forbidden in ["<script", "onerror", "javascript:", "onclick", "<iframe", "<style", "<img"]:
        assert forbidden not in body
    assert '<a href="https://example.org" rel="noreferrer">ok</a>' in body


def test_script_in_a_title_is_escaped(client):
    page = GuidancePage.objects.get(slug="stateless")
    published_revision(page, title_en="<script>alert(1)</script>")
    html = page_html(client, "/en/guidance/stateless/")
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
