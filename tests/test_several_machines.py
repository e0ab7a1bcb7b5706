"""Two gunicorn instances share one PostgreSQL and one Redis cache, as on several machines behind the
shipped nginx: what staff change through one instance, readers of the other see at once, and
readers through nginx (which keeps pages PROXY_CACHE_SECONDS) once that has run out: well within a minute,
however loaded the machine (the seconds it took are printed; how fast on an idle machine is for `make bench`)."""

import subprocess
import sys
import time

import pytest

from .live_site import ROOT, running_site
from .nginx_server import running_nginx
from .postgres_server import running_postgres
from .redis_server import running_redis
from .staff_over_http import STAFF, FormValues, read, staff_browser

pytestmark = [pytest.mark.server, pytest.mark.xdist_group("several-machines")]  # one set of servers

HOTLINE = "tel:+77017447238"
GIVE_UP_AFTER = 60  # seconds: PROXY_CACHE_SECONDS (3) plus a render, on a machine as loaded as can be


@pytest.fixture(scope="module")
def instances():
    with running_postgres() as database_url, running_redis() as cache_url:
        env = {"CACHE_URL": cache_url, "WEB_CONCURRENCY": "2", **STAFF}
        with running_site(env, database_url) as first:  # migrates and loads the content into the shared database
            first.manage("ensure_staff_user")
            with running_site(env, database_url, prepare=False) as second, \
                    running_nginx([f"127.0.0.1:{first.port}", f"127.0.0.1:{second.port}"]) as nginx:
                yield first, second, nginx


def python_on(site, code):
    """Run Python in Django with the site's settings: the same database and cache, another process."""
    result = subprocess.run([sys.executable, "manage.py", "shell", "-v", "0", "-c", code], cwd=ROOT, env=site.env,
                            capture_output=True, text=True, check=True, timeout=60)
    return result.stdout.strip()


def seen_after(url, text):
    """Seconds until a reader through the proxy sees `text`, reading as fast as a reader can."""
    started = time.monotonic()
    while text not in read(url)[1]:
        assert time.monotonic() - started < GIVE_UP_AFTER, f"{text!r} still not on {url}"
        time.sleep(0.05)
    return time.monotonic() - started


def test_an_edit_in_the_admin_of_one_instance_is_served_at_once_by_the_other(instances):
    first, second, nginx = instances
    read(second.url + "/en/cities/almaty/")
    headers, html = read(second.url + "/en/cities/almaty/")
    assert headers["X-Page-Cache"] == "hit" and HOTLINE in html
    read(nginx.url + "/en/cities/almaty/")
    assert read(nginx.url + "/en/cities/almaty/")[0]["X-Proxy-Cache"] == "HIT"

    staff = staff_browser(nginx)  # the admin through the proxy, on either instance
    hotline = python_on(first, "from offices.models import Office; print(Office.objects.get(slug='unhcr-hotline').pk)")
    change_url = f"{nginx.url}/admin/offices/office/{hotline}/change/"
    _headers, form = read(change_url, staff)
    values = FormValues(form).values
    values.update(phones="+77017000001", _save="Save")
    _headers, after = read(change_url, staff, values)
    assert "was changed successfully" in after

    headers, html = read(second.url + "/en/cities/almaty/")
    assert "tel:+77017000001" in html and HOTLINE not in html
    assert headers["X-Page-Cache"] == "miss"
    assert "tel:+77017000001" in read(second.url + "/ar/about/")[1]
    seconds = seen_after(nginx.url + "/en/cities/almaty/", "tel:+77017000001")
    print(f"\nan edit reached readers through nginx after {seconds:.2f} s")


def test_a_publish_on_one_machine_is_seen_by_readers_of_the_other(instances):
    first, second, nginx = instances
    read(nginx.url + "/ru/guidance/refugees/")
    read(second.url + "/ru/guidance/refugees/")
    headers, html = read(second.url + "/ru/guidance/refugees/")
    assert headers["X-Page-Cache"] == "hit" and "Новое правило для беженцев" not in html

    python_on(first, (
        "from guidance.models import GuidancePage, Revision\n"
        "from guidance.publishing import publish\n"
        "page = GuidancePage.objects.get(slug='refugees')\n"
        "publish(Revision.objects.create(page=page, title_en='Refugees', summary_en='Summary', body_en='Body',"
        " body_ru='## Новое\\n\\nНовое правило для беженцев', change_note_en='New rule'))\n"
    ))

    headers, html = read(second.url + "/ru/guidance/refugees/")
    assert "Новое правило для беженцев" in html
    assert "New rule" in read(second.url + "/ru/guidance/refugees/history/")[1]
    assert read(first.url + "/ru/guidance/refugees/")[1].count("Новое правило для беженцев") == 1
    seconds = seen_after(nginx.url + "/ru/guidance/refugees/", "Новое правило для беженцев")
    print(f"\na publish reached readers through nginx after {seconds:.2f} s")
