"""Reading the site asks nothing of any other server: no font, script, map or analytics request."""

from urllib.parse import urlsplit

import pytest

from .pages import public_paths

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_no_public_page_makes_a_request_to_another_origin(browser, live_site, lang):
    context = browser.new_context(viewport={"width": 360, "height": 740})
    requested = []
    context.on("request", lambda request: requested.append(request.url))
    page = context.new_page()
    own_origin = urlsplit(live_site.url)[:2]
    for path in public_paths(lang) + [f"/{lang}/partners/?city=almaty", f"/{lang}/no-such-page/"]:
        page.goto(live_site.url + path, wait_until="networkidle")
    page.evaluate("navigator.serviceWorker.ready.then(() => true)")
    context.close()
    assert len(requested) > len(public_paths(lang))
    elsewhere = [url for url in requested if urlsplit(url)[:2] != own_origin and not url.startswith("data:")]
    assert elsewhere == []
