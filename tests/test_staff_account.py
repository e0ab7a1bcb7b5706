"""The first staff account comes from the environment; there is no default password."""

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command

from .second_factor import verified

pytestmark = pytest.mark.django_db


def test_nothing_is_created_without_credentials(monkeypatch, capsys):
    monkeypatch.delenv("STAFF_USERNAME", raising=False)
    monkeypatch.delenv("STAFF_PASSWORD", raising=False)
    call_command("ensure_staff_user")
    assert get_user_model().objects.count() == 0
    assert "createsuperuser" in capsys.readouterr().out


def test_account_is_created_once_from_the_environment(monkeypatch):
    monkeypatch.setenv("STAFF_USERNAME", "amina")
    monkeypatch.setenv("STAFF_PASSWORD", "correct horse battery staple 42")
    call_command("ensure_staff_user")
    call_command("ensure_staff_user")
    user = get_user_model().objects.get()
    assert user.username == "amina" and user.is_staff and user.is_superuser
    assert user.check_password("correct horse battery staple 42")


def test_weak_password_is_refused(monkeypatch):
    monkeypatch.setenv("STAFF_USERNAME", "amina")
    monkeypatch.setenv("STAFF_PASSWORD", "12345")
    with pytest.raises(CommandError):
        call_command("ensure_staff_user")
    assert get_user_model().objects.count() == 0


def test_staff_can_log_in_to_the_admin(client):
    get_user_model().objects.create_superuser("amina", "a@example.org", "correct horse battery staple 42")
    response = client.post(
        "/admin/login/?next=/admin/",
        {"username": "amina", "password": "correct horse battery staple 42"},
    )
    assert response.status_code == 302
    assert client.get("/admin/")["Location"].startswith("/admin/second-factor/")  # a superuser enrols first
    assert client.get("/admin/second-factor/").status_code == 200
    verified(client, get_user_model().objects.get(username="amina"))
    assert client.get("/admin/").status_code == 200
