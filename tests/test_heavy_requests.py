"""The recommended set-up on one machine (docs/operations.md): readers' gunicorn (config/gunicorn.py)
and the heavy requests' gunicorn (config/gunicorn_heavy.py: the admin, sitemaps, open data) on one
database, each with its own local-memory page cache, behind the shipped nginx, which sends each
request to its process. A change made in one process (the admin's, or a scheduled command) reaches
the stored pages of every other within follow.SYNC_SECONDS plus a render (config/page_cache/follow.py),
though a stored page is kept CACHE_SECONDS (600 s) otherwise."""

import subprocess
import sys
import time
import urllib.error

import pytest

from config.page_cache import follow

from .live_site import ROOT, free_port, running_site
from .nginx_server import running_nginx
from .staff_over_http import STAFF, FormValues, read, staff_browser

pytestmark = [pytest.mark.server, pytest.mark.xdist_group("heavy-requests")]  # one set of servers

CITY = "/en/cities/almaty/"
HOTLINE = "tel:+77017447238"
# The bound is SYNC_SECONDS plus the render of the page; ten checks' time leaves a loaded machine
# room to render, and is still far below the 600 s a stored page would otherwise be served.
DEADLINE_SECONDS = 10 * follow.SYNC_SECONDS


@pytest.fixture(scope="module")
def processes():
    with running_site(STAFF) as readers:
        readers.manage("ensure_staff_user")
        database = f"sqlite:///{readers.workdir}/db.sqlite3"
        with running_site(STAFF, database, prepare=False, gunicorn_config="config/gunicorn_heavy.py") as heavy, \
                running_nginx([f"127.0.0.1:{readers.port}"], heavy_upstreams=[f"127.0.0.1:{heavy.port}"]) as nginx:
            yield readers, heavy, nginx


def python_on(site, code):
    """Run Python in Django with the site's settings: the same database, a process of its own."""
    result = subprocess.run([sys.executable, "manage.py", "shell", "-v", "0", "-c", code], cwd=ROOT, env=site.env,
                            capture_output=True, text=True, check=True, timeout=60)
    return result.stdout.strip()


def stored(url):
    """The page as the process has stored it. A change another test made a moment ago may still reach the
    process (its check runs every second) and renew the page once: read until it is served from the store."""
    deadline = time.monotonic() + DEADLINE_SECONDS
    while True:
        headers, html = read(url)
        if headers["X-Page-Cache"] == "hit":
            return html
        assert time.monotonic() < deadline, f"{url} was never served from the page cache"


def seen_within_bound(url, text):
    """Read `url` as a reader would until it shows `text`; fails after DEADLINE_SECONDS."""
    deadline = time.monotonic() + DEADLINE_SECONDS
    while True:
        headers, html = read(url)
        if text in html:
            return headers, html
        assert time.monotonic() < deadline, f"{text!r} not on {url} {DEADLINE_SECONDS} s after it was published"
        time.sleep(0.05)


def test_an_edit_in_the_admins_process_reaches_the_readers_process(processes):
    readers, heavy, nginx = processes
    assert HOTLINE in stored(readers.url + CITY)

    staff = staff_browser(nginx)  # nginx sends the admin, its log-in included, to the heavy process
    hotline = python_on(readers, "from offices.models import Office; print(Office.objects.get(slug='unhcr-hotline').pk)")
    change_path = f"/admin/offices/office/{hotline}/change/"
    _headers, form = read(nginx.url + change_path, staff)
    values = FormValues(form).values
    values.update(phones="+77017000001", _save="Save")
    _headers, after = read(nginx.url + change_path, staff, values)
    assert "was changed successfully" in after

    headers, html = seen_within_bound(readers.url + CITY, "tel:+77017000001")
    assert HOTLINE not in html
    assert headers["X-Page-Cache"] in ("miss", "hit")  # a fresh render, or that render stored since


def test_a_publish_by_a_command_reaches_both_processes(processes):
    readers, heavy, _nginx = processes
    page = "/ru/guidance/refugees/"
    for process in (readers, heavy):
        assert "Правило из другого процесса" not in stored(process.url + page)

    python_on(readers, (
        "from guidance.models import GuidancePage, Revision\n"
        "from guidance.publishing import publish\n"
        "page = GuidancePage.objects.get(slug='refugees')\n"
        "publish(Revision.objects.create(page=page, title_en='Refugees', summary_en='Summary', body_en='Body',"
        " body_ru='## Новое\\n\\nПравило из другого процесса', change_note_en='New rule'))\n"
    ))

    for process in (readers, heavy):
        _headers, html = seen_within_bound(process.url + page, "Правило из другого процесса")
        assert html.count("Правило из другого процесса") == 1


def test_nginx_sends_the_heavy_requests_to_their_own_process(processes):
    readers, _heavy, _nginx = processes
    nobody = f"127.0.0.1:{free_port()}"  # a heavy process that is not running: what nginx sends there fails
    with running_nginx([f"127.0.0.1:{readers.port}"], heavy_upstreams=[nobody]) as nginx:
        for path in ("/admin/login/", "/sitemap.xml", "/sitemap-offices.xml", "/ru/open-data/hsds.json", "/api/v1/"):
            with pytest.raises(urllib.error.HTTPError) as refused:
                read(nginx.url + path)
            assert refused.value.code == 503, path
        headers, html = read(nginx.url + CITY)
        assert "Almaty" in html and headers["Content-Type"].startswith("text/html")
