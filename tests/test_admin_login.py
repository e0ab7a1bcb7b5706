"""Admin log-in is throttled (django-axes) and staff sessions expire."""

import pytest
from django.conf import settings
from django.contrib.auth.models import User

pytestmark = pytest.mark.django_db

PASSWORD = "a long enough passphrase"


@pytest.fixture
def amina():
    return User.objects.create_user("amina", password=PASSWORD, is_staff=True, is_superuser=True)


def log_in(client, username, password):
    return client.post("/admin/login/?next=/admin/", {"username": username, "password": password})


def test_right_password_logs_in(client, amina):
    response = log_in(client, "amina", PASSWORD)
    assert response.status_code == 302 and response["Location"] == "/admin/"


def test_repeated_failures_lock_the_account_even_with_the_right_password(client, amina):
    for _attempt in range(settings.AXES_FAILURE_LIMIT - 1):
        response = log_in(client, "amina", "guess")
        assert response.status_code == 200
        assert "Please enter the correct username and password" in response.content.decode()
    response = log_in(client, "amina", "guess")
    assert response.status_code == 429
    response = log_in(client, "amina", PASSWORD)
    assert response.status_code == 429
    assert "Too many failed log-ins" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_lockout_is_per_account(client, amina):
    User.objects.create_user("boris", password=PASSWORD, is_staff=True)
    for _attempt in range(settings.AXES_FAILURE_LIMIT):
        log_in(client, "amina", "guess")
    assert log_in(client, "boris", PASSWORD).status_code == 302


def test_staff_session_ends_with_the_browser_and_after_a_working_day(client, amina):
    response = log_in(client, "amina", PASSWORD)
    cookie = response.cookies[settings.SESSION_COOKIE_NAME]
    assert cookie["expires"] == "" and cookie["max-age"] == ""
    assert cookie["httponly"]
    assert client.session.get_expiry_age() <= 8 * 60 * 60
