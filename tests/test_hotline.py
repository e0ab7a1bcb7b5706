"""The UNHCR hotline is on every page, as a number a phone can call."""

import pytest

from offices.models import Office
from tests.pages import page_html

from .pages import public_paths

pytestmark = [pytest.mark.django_db, pytest.mark.same_on_every_database]


@pytest.mark.parametrize("path", public_paths("en") + public_paths("ar") + ["/ru/no-such-page/"])
def test_hotline_is_a_tel_link_on_every_page(client, path):
    html = page_html(client, path, status=404 if "no-such-page" in path else 200)
    assert '<a class="phone" href="tel:+77017447238" dir="ltr">+7 701 744 7238</a>' in html


def test_a_changed_hotline_number_shows_at_once(client):
    client.get("/en/")  # warms the cached hotline
    hotline = Office.objects.get(slug="unhcr-hotline")
    hotline.phones = "+77017000000"
    hotline.save()
    html = page_html(client, "/en/")
    assert 'href="tel:+77017000000"' in html
    assert "tel:+77017447238" not in html
