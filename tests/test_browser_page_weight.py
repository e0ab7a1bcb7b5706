"""Every public page, with everything it loads, is at most 50 KB on the wire; its JavaScript is
optional and at most 10 KB. Measured in a real browser with an empty cache."""

from pathlib import Path

import pytest

from .pages import public_paths

pytestmark = pytest.mark.browser

PAGE_WEIGHT_BUDGET = 50 * 1024
JAVASCRIPT_BUDGET = 10 * 1024
SERVICE_WORKER_BUDGET = 4 * 1024  # 3 KB until it answered kept recordings offline, with Range requests (issue 30)
ADMIN_JAVASCRIPT_BUDGET = 8 * 1024  # the admin's editor and language tabs, for staff on desktops
STATIC = Path(__file__).resolve().parent.parent / "static"


def load_with_an_empty_cache(browser, url):
    """Every response the page caused (its service worker's too), with its size on the wire."""
    context = browser.new_context(viewport={"width": 360, "height": 740})
    finished = []
    context.on("requestfinished", lambda request: finished.append(request))
    page = context.new_page()
    page.goto(url, wait_until="networkidle")
    # The service worker, once active, saves this page and the offline page: count those too.
    language = url.split("/")[3]
    for _attempt in range(100):
        if page.evaluate(f"caches.match('/{language}/offline/').then(Boolean)"):
            break
        page.wait_for_timeout(100)
    else:
        raise AssertionError("the service worker did not save the offline page")
    page.wait_for_load_state("networkidle")
    page.wait_for_timeout(200)
    loads = []
    for request in finished:
        sizes = request.sizes()
        response = request.response()
        body = response.body() if response and request.resource_type == "script" else b""
        loads.append((request.url, sizes["responseHeadersSize"] + sizes["responseBodySize"], len(body)))
    context.close()
    return loads


@pytest.mark.parametrize("path", public_paths("en") + public_paths("ar"))
def test_page_with_everything_it_loads_is_within_50_kb(browser, live_site, path):
    loads = load_with_an_empty_cache(browser, live_site.url + path)
    assert any(url.endswith(".css") for url, _size, _js in loads), "the stylesheet is counted"
    transferred = sum(size for _url, size, _js in loads)
    assert transferred <= PAGE_WEIGHT_BUDGET, loads
    javascript = sum(js for _url, _size, js in loads)
    assert javascript <= JAVASCRIPT_BUDGET, loads


def test_html_travels_compressed(browser, live_site):
    context = browser.new_context()
    page = context.new_page()
    response = page.goto(live_site.url + "/en/guidance/asylum-seekers/")
    assert response.header_value("content-encoding") == "gzip"
    stylesheet = page.evaluate("document.querySelector('link[rel=stylesheet]').href")
    assert context.request.get(stylesheet, headers={"Accept-Encoding": "gzip"}).headers["content-encoding"] == "gzip"
    context.close()


def test_all_javascript_fits_its_budget():
    scripts = list((STATIC / "js").glob("*.js"))
    readers = [script for script in scripts if not script.name.startswith("admin_")]  # the staff's are apart
    assert readers and len(readers) < len(scripts)
    assert sum(script.stat().st_size for script in readers) <= JAVASCRIPT_BUDGET
    assert sum(script.stat().st_size for script in scripts if script not in readers) <= ADMIN_JAVASCRIPT_BUDGET
    assert (STATIC / "js" / "sw.js").stat().st_size <= SERVICE_WORKER_BUDGET
