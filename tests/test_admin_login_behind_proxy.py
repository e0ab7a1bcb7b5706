"""Behind the reverse proxy, the site sees each client's own address (from the trusted proxy's
X-Forwarded-For only); a stranger's wrong passwords never lock a staff member out of their own browser
(tests/test_admin_login_browsers.py: the limit per account, whatever the address)."""

import logging

import pytest
from django.conf import settings
from django.contrib.auth.models import User
from django.test import RequestFactory

from config.client_address import client_address

pytestmark = pytest.mark.django_db

PASSWORD = "a long enough passphrase"
PROXY = "10.0.0.5"


@pytest.fixture(autouse=True)
def behind_a_proxy(settings):
    settings.TRUSTED_PROXIES = ["127.0.0.1", "::1", "10.0.0.0/24"]


@pytest.fixture
def amina():
    return User.objects.create_user("amina", password=PASSWORD, is_staff=True, is_superuser=True)


def log_in(client, password, *, through=PROXY, forwarded_for):
    return client.post(
        "/admin/login/?next=/admin/",
        {"username": "amina", "password": password},
        REMOTE_ADDR=through,
        HTTP_X_FORWARDED_FOR=forwarded_for,
    )


def test_wrong_passwords_from_a_stranger_do_not_lock_the_owner_out_of_their_browser(client, amina):
    staff = client.__class__()
    assert log_in(staff, PASSWORD, forwarded_for="198.51.100.20").status_code == 302
    staff.post("/admin/logout/")

    for _attempt in range(settings.AXES_FAILURE_LIMIT):
        log_in(client, "guess", forwarded_for="203.0.113.7")
    locked = log_in(client, PASSWORD, forwarded_for="203.0.113.7")
    assert locked.status_code == 429
    assert "Too many failed log-ins" in locked.content.decode()

    response = log_in(staff, PASSWORD, forwarded_for="198.51.100.20")
    assert response.status_code == 302 and response["Location"] == "/admin/"


def test_a_forged_header_does_not_escape_the_lock(client, amina):
    # The client writes its own X-Forwarded-For; the proxy appends the address it really saw.
    for attempt in range(settings.AXES_FAILURE_LIMIT):
        log_in(client, "guess", forwarded_for=f"192.0.2.{attempt}, 203.0.113.7")
    assert log_in(client, PASSWORD, forwarded_for="192.0.2.99, 203.0.113.7").status_code == 429


def test_the_header_is_believed_only_from_a_trusted_proxy(client, amina):
    for attempt in range(settings.AXES_FAILURE_LIMIT):
        log_in(client, "guess", through="203.0.113.7", forwarded_for=f"192.0.2.{attempt}")
    assert log_in(client, PASSWORD, through="203.0.113.7", forwarded_for="192.0.2.99").status_code == 429


@pytest.mark.parametrize(
    ("remote", "forwarded", "expected"),
    [
        ("203.0.113.7", "", "203.0.113.7"),  # no proxy
        ("203.0.113.7", "192.0.2.1", "203.0.113.7"),  # not our proxy: header ignored
        (PROXY, "", PROXY),  # our proxy, saying nothing
        (PROXY, "198.51.100.20", "198.51.100.20"),
        (PROXY, "192.0.2.1, 198.51.100.20", "198.51.100.20"),  # the client's own entry is ignored
        (PROXY, "198.51.100.20, 10.0.0.9", "198.51.100.20"),  # two of our proxies in a row
        (PROXY, "nonsense, 198.51.100.20", "198.51.100.20"),
        (PROXY, "198.51.100.20, nonsense", PROXY),
        ("127.0.0.1", "2001:db8::1", "2001:db8::1"),
    ],
)
def test_client_address(remote, forwarded, expected):
    request = RequestFactory().get("/", REMOTE_ADDR=remote, HTTP_X_FORWARDED_FOR=forwarded)
    assert client_address(request) == expected


def test_failed_log_ins_are_logged_without_the_address_and_not_kept_when_they_succeed(client, amina, caplog):
    from axes.models import AccessAttempt, AccessLog

    with caplog.at_level(logging.INFO):
        log_in(client, "guess", forwarded_for="203.0.113.7")
        assert log_in(client, PASSWORD, forwarded_for="203.0.113.7").status_code == 302
    assert "amina" in caplog.text
    assert "203.0.113.7" not in caplog.text and PROXY not in caplog.text
    assert not AccessAttempt.objects.exists()  # reset by the successful log-in
    assert not AccessLog.objects.exists()  # successful log-ins are not logged with address and browser


@pytest.mark.parametrize(("remote", "secure"), [(PROXY, True), ("203.0.113.9", False)])
def test_x_forwarded_proto_is_believed_from_the_proxy_only(client, settings, remote, secure):
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")  # BEHIND_PROXY=true
    settings.SECURE_SSL_REDIRECT = True  # HTTPS=true: plain HTTP is sent to https://
    response = client.get("/en/about/", REMOTE_ADDR=remote, HTTP_X_FORWARDED_PROTO="https")
    if secure:
        assert response.status_code == 200
    else:  # a client on plain HTTP that claims HTTPS is still on plain HTTP
        assert response.status_code == 301 and response["Location"] == "https://testserver/en/about/"
