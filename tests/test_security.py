"""Production settings pass Django's deployment checks; every page carries a strict CSP and the
headers that keep readers safe; no page runs inline script."""

import re
import secrets
import subprocess
import sys
import urllib.error
import urllib.request
from http.cookies import SimpleCookie

import pytest

from tests.pages import page_html

from .live_site import ROOT, running_site, server_environment
from .pages import public_paths

pytestmark = pytest.mark.same_on_every_database

PRODUCTION_ENV = {
    "SECRET_KEY": secrets.token_urlsafe(50),
    "DEBUG": "false",
    "HTTPS": "true",
    "BEHIND_PROXY": "true",
    "ALLOWED_HOSTS": "help.example.org",
    "CSRF_TRUSTED_ORIGINS": "https://help.example.org",
}


def check_deploy(**env):
    base = {k: v for k, v in server_environment().items() if k not in PRODUCTION_ENV and k != "DJANGO_SETTINGS_MODULE"}
    return subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT, env={**base, **env}, capture_output=True, text=True, timeout=120,
    )


def test_check_deploy_is_clean_with_production_settings():
    result = check_deploy(**PRODUCTION_ENV)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


def test_check_deploy_flags_a_laptop_configuration():
    result = check_deploy()
    assert result.returncode != 0
    for warning in ("security.W009", "security.W004", "security.W008", "security.W012", "security.W016"):
        assert warning in result.stderr + result.stdout


# --- headers in the test client (default settings) ------------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize("path", public_paths("en") + ["/ar/guidance/refugees/", "/en/no-such-page/", "/admin/login/"])
def test_every_page_carries_a_strict_csp_and_safe_headers(client, path):
    response = client.get(path)
    csp = response["Content-Security-Policy"]
    directives = dict(d.strip().split(" ", 1) for d in csp.split(";"))
    assert directives["default-src"] == "'self'"
    assert directives["script-src"] == "'self'"
    assert directives["object-src"] == "'none'"
    assert directives["frame-ancestors"] == "'none'"
    assert "unsafe-inline" not in csp and "unsafe-eval" not in csp and "*" not in csp
    assert response["Referrer-Policy"] == "same-origin"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["X-Frame-Options"] == "DENY"


@pytest.mark.django_db
@pytest.mark.parametrize("path", public_paths("en") + public_paths("ar"))
def test_pages_run_no_inline_script_or_style(client, path):
    html = page_html(client, path)
    scripts = re.findall(r"<script\b[^>]*>", html)
    assert scripts, "the offline script is loaded"
    for script in scripts:
        assert re.search(r'src="/static/[^"]+\.js"', script) and " defer" in script, script
    assert not re.search(r"<script\b[^>]*>\s*[^<\s]", html), "no inline script"
    assert not re.search(r"\son[a-z]+\s*=", html), "no inline event handler"
    assert not re.search(r"\sstyle\s*=", html), "no inline style"
    # Links to other sites do not tell them which page a person read.
    for link in re.findall(r'<a\b[^>]*href="https?://(?!testserver/)[^"]*"[^>]*>', html):
        assert 'rel="noreferrer"' in link, link


# --- headers from a real production server ---------------------------------------------------------


@pytest.fixture(scope="module")
def production_site():
    with running_site({**PRODUCTION_ENV, "ALLOWED_HOSTS": "127.0.0.1"}) as site:
        yield site


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def fetch(url, **headers):
    opener = urllib.request.build_opener(NoRedirect)
    try:
        return opener.open(urllib.request.Request(url, headers=headers), timeout=10)
    except urllib.error.HTTPError as error:
        return error


def cookies(response):
    jar = SimpleCookie()
    for header in response.headers.get_all("Set-Cookie") or []:
        jar.load(header)
    return jar


@pytest.mark.server
@pytest.mark.xdist_group("production-site")
def test_plain_http_is_sent_to_https(production_site):
    response = fetch(production_site.url + "/en/")
    assert response.status == 301
    assert response.headers["Location"] == "https://127.0.0.1:%d/en/" % production_site.port


@pytest.mark.server
@pytest.mark.xdist_group("production-site")
def test_https_pages_have_hsts_and_secure_cookies(production_site):
    response = fetch(production_site.url + "/en/cities/almaty/", **{"X-Forwarded-Proto": "https"})
    assert response.status == 200
    assert response.headers["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains; preload"
    assert response.headers["Referrer-Policy"] == "same-origin"
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert "script-src 'self'" in response.headers["Content-Security-Policy"]
    language = cookies(response)["django_language"]
    assert language["secure"] and language["httponly"] and language["samesite"] == "Lax"

    login = fetch(production_site.url + "/admin/login/", **{"X-Forwarded-Proto": "https"})
    csrf = cookies(login)["csrftoken"]
    assert csrf["secure"] and csrf["samesite"] == "Lax"
    assert login.headers["Strict-Transport-Security"]
