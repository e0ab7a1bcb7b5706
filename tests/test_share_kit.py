"""A partner shares a city page: permanent link, QR codes that scan to it, a snippet, messenger links."""

import html
import io
import re
import xml.etree.ElementTree as ET

import pytest
from PIL import Image

from tests.factories import QUERY_BUDGET
from tests.pages import page_html

from .conftest import LANGUAGE_CODES
from .qr_codes import decode_qr

pytestmark = [pytest.mark.django_db, pytest.mark.same_on_every_database]


def test_city_page_links_to_its_share_kit_print_sheet_and_qr_code_near_the_top(client):
    html_text = page_html(client, "/en/cities/almaty/")
    tools = re.search(r'<p class="page-tools"(.*?)</p>', html_text, re.S)
    assert tools and html_text.index("</h1>") < tools.start() < html_text.index('id="apply"')
    assert '<a href="/en/cities/almaty/share/">Share</a>' in tools.group(1)
    assert '<a href="/en/cities/almaty/print/">Print</a>' in tools.group(1)
    assert '<a href="/en/cities/almaty/share/#qr-code">QR code</a>' in tools.group(1)
    # What the copy button (static/js/copy_link.js) copies and says, in the reader's language.
    assert 'data-copy-url="http://testserver/en/cities/almaty/"' in tools.group(1)
    assert 'data-copy-label="Copy link" data-copied-label="Link copied"' in tools.group(1)
    assert '<script src="/static/js/copy_link' in html_text


def test_share_kit_shows_the_permanent_address_in_the_readers_language(client):
    page = page_html(client, "/ru/cities/shymkent/share/")
    assert 'href="http://testserver/ru/cities/shymkent/"' in page
    assert 'src="/ru/cities/shymkent/qr.svg"' in page
    assert 'href="/ru/cities/shymkent/qr.png"' in page
    assert 'href="/ru/cities/shymkent/print/"' in page


@pytest.mark.parametrize("lang", LANGUAGE_CODES)
def test_png_qr_code_scans_to_the_city_page_in_that_language(client, lang):
    response = client.get(f"/{lang}/cities/almaty/qr.png")
    assert response.status_code == 200
    assert response["Content-Type"] == "image/png"
    assert decode_qr(response.content) == [f"http://testserver/{lang}/cities/almaty/"]


def test_png_qr_code_is_big_enough_for_a_print_shop(client):
    image = Image.open(io.BytesIO(client.get("/en/cities/taldykorgan/qr.png").content))
    assert image.width >= 500
    assert round(image.info["dpi"][0]) == 300


def test_qr_code_follows_the_host_the_site_is_served_on(client):
    response = client.get("/kk/cities/astana/qr.png", HTTP_HOST="localhost")
    assert decode_qr(response.content) == ["http://localhost/kk/cities/astana/"]


def test_svg_qr_code_is_a_scalable_titled_image(client):
    response = client.get("/uk/cities/almaty/qr.svg")
    assert response["Content-Type"] == "image/svg+xml"
    svg = ET.fromstring(response.content)
    assert svg.tag == "{http://www.w3.org/2000/svg}svg"
    assert svg.get("viewBox")  # scales to any size without blurring
    title = svg.find("{http://www.w3.org/2000/svg}title").text
    assert "http://testserver/uk/cities/almaty/" in title
    assert svg.find("{http://www.w3.org/2000/svg}path") is not None


def test_snippet_is_escaped_html_to_copy(client):
    page = page_html(client, "/en/cities/almaty/share/")
    textarea = re.search(r'<textarea id="snippet"[^>]*readonly[^>]*>(.*?)</textarea>', page, re.S).group(1)
    snippet = html.unescape(textarea)
    assert snippet == (
        '<a href="http://testserver/en/cities/almaty/" hreflang="en">'
        "Free help for asylum-seekers, refugees and stateless people in Almaty</a>"
    )


def test_messenger_links_are_plain_links_without_referrer(client):
    page = page_html(client, "/en/cities/almaty/share/")
    whatsapp = re.search(r'<a href="(https://wa\.me/[^"]+)" rel="noreferrer">', page).group(1)
    telegram = re.search(r'<a href="(https://t\.me/share/url\?[^"]+)" rel="noreferrer">', page).group(1)
    assert "http%3A%2F%2Ftestserver%2Fen%2Fcities%2Falmaty%2F" in whatsapp
    assert "url=http%3A%2F%2Ftestserver%2Fen%2Fcities%2Falmaty%2F" in html.unescape(telegram)
    assert "<script>" not in page
    assert 'src="https://' not in page  # nothing loaded from WhatsApp, Telegram or anyone else


def test_share_kit_is_kept_out_of_search_results(client):
    assert '<meta name="robots" content="noindex">' in page_html(client, "/en/cities/almaty/share/")


@pytest.mark.parametrize("suffix", ["share/", "print/", "qr.svg", "qr.png"])
def test_old_city_name_redirects_permanently(client, suffix):
    response = client.get(f"/ru/cities/nur-sultan/{suffix}")
    assert response.status_code == 301
    assert response["Location"] == f"/ru/cities/astana/{suffix}"


@pytest.mark.parametrize("suffix", ["share/", "print/", "qr.svg", "qr.png"])
def test_unknown_city_is_a_clear_not_found_page(client, suffix):
    response = client.get(f"/ru/cities/atlantis/{suffix}")
    assert response.status_code == 404
    assert "<html lang=\"ru\"" in response.content.decode()


@pytest.mark.parametrize("path", ["/en/cities/almaty/share/", "/en/cities/almaty/qr.svg", "/en/cities/almaty/qr.png"])
def test_share_kit_runs_few_queries(client, django_assert_max_num_queries, path):
    with django_assert_max_num_queries(QUERY_BUDGET):
        assert client.get(path).status_code == 200
