"""Wrong passwords are limited per account whatever addresses they come from, and the owner's own
browser (OWASP's device cookie) keeps its own allowance, so a guesser cannot lock them out."""

import os
import subprocess
import sys
from http import HTTPStatus

import pytest
from django.conf import settings
from django.contrib.auth.models import User
from django.test import Client

from config import known_browsers

pytestmark = pytest.mark.django_db

PASSWORD = "a long enough passphrase"
PROXY = "10.0.0.5"
ADDRESSES = [f"203.0.113.{number}" for number in range(1, 31)]


@pytest.fixture(autouse=True)
def behind_a_proxy(settings):
    settings.TRUSTED_PROXIES = ["127.0.0.1", "::1", "10.0.0.0/24"]


@pytest.fixture
def amina():
    return User.objects.create_user("amina", password=PASSWORD, is_staff=True)


def log_in(client, password, *, address="198.51.100.20", username="amina"):
    return client.post(
        "/admin/login/?next=/admin/", {"username": username, "password": password},
        REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR=address,
    )


def guess_from_many_addresses(guesses_per_address=4):
    """A guesser with 30 addresses and no cookies kept; returns how many guesses were checked."""
    checked, guesser = 0, Client()  # one client, its cookies thrown away: a new client loads the middleware again
    for address in ADDRESSES:
        for _guess in range(guesses_per_address):
            guesser.cookies.clear()
            response = log_in(guesser, f"guess {checked}", address=address)
            if response.status_code == HTTPStatus.OK:
                checked += 1
            else:
                assert response.status_code == HTTPStatus.TOO_MANY_REQUESTS
    return checked


def test_guesses_from_thirty_addresses_are_stopped_after_the_limit(amina):
    checked = guess_from_many_addresses()
    assert checked <= 10
    assert checked == settings.AXES_FAILURE_LIMIT - 1  # the last one is answered with the lockout page
    locked = log_in(Client(), PASSWORD, address="192.0.2.200")
    assert locked.status_code == HTTPStatus.TOO_MANY_REQUESTS
    assert "from browsers it has not logged in from before" in locked.content.decode()


def test_the_owner_still_logs_in_from_a_browser_that_logged_in_before(amina):
    owner = Client()
    assert log_in(owner, PASSWORD).status_code == HTTPStatus.FOUND
    owner.post("/admin/logout/")

    guess_from_many_addresses(guesses_per_address=1)

    response = log_in(owner, PASSWORD, address="198.51.100.77")  # on another network today
    assert response.status_code == HTTPStatus.FOUND and response["Location"] == "/admin/"
    assert log_in(Client(), PASSWORD).status_code == HTTPStatus.TOO_MANY_REQUESTS  # a new browser is still locked


def test_the_owners_browser_has_its_own_allowance_and_its_own_lock(amina):
    owner = Client()
    log_in(owner, PASSWORD)
    owner.post("/admin/logout/")
    for _attempt in range(settings.AXES_FAILURE_LIMIT):
        log_in(owner, "guess")
    locked = log_in(owner, PASSWORD)
    assert locked.status_code == HTTPStatus.TOO_MANY_REQUESTS
    assert "so this browser is locked" in locked.content.decode()
    assert log_in(Client(), PASSWORD).status_code == HTTPStatus.FOUND  # the other browsers' allowance is untouched


def test_the_device_cookie_is_signed_per_account_and_kept_from_scripts(amina, settings):
    settings.SESSION_COOKIE_SECURE = True
    response = log_in(Client(), PASSWORD)
    cookie = response.cookies[known_browsers.cookie_name("amina")]
    assert cookie["httponly"] and cookie["secure"] and cookie["samesite"] == "Strict"
    assert cookie["path"] == "/admin/" and int(cookie["max-age"]) >= 180 * 24 * 60 * 60
    assert "amina" not in cookie.key


def test_a_cookie_for_another_account_or_a_forged_one_counts_as_unknown(amina):
    User.objects.create_user("boris", password=PASSWORD, is_staff=True)
    boris_browser = Client()
    log_in(boris_browser, PASSWORD, username="boris")
    forged = boris_browser.cookies[known_browsers.cookie_name("boris")].value
    stranger = Client()
    stranger.cookies[known_browsers.cookie_name("amina")] = forged  # Boris's cookie under Amina's name
    for _attempt in range(settings.AXES_FAILURE_LIMIT):
        log_in(stranger, "guess")
    assert log_in(Client(), PASSWORD).status_code == HTTPStatus.TOO_MANY_REQUESTS


@pytest.mark.parametrize("proxies", ["*", "10.0.0.5,*", "0.0.0.0/0"])
def test_trusting_every_address_as_a_proxy_is_refused_at_start_up(proxies):
    env = {**os.environ, "FORWARDED_ALLOW_IPS": proxies, "DJANGO_SETTINGS_MODULE": "config.settings"}
    started = subprocess.run(
        [sys.executable, "-c", "import django; django.setup()"],
        cwd=settings.BASE_DIR, env=env, capture_output=True, text=True, timeout=60,
    )
    assert started.returncode != 0
    assert "ImproperlyConfigured: FORWARDED_ALLOW_IPS must name the reverse proxies" in started.stderr
