"""A staff member who never chose an e-mail language is written to in the language of their admin,
remembered at their first log-in; a choice they made is never overwritten."""

import pytest
from django.contrib.auth.models import Group, User

from config.staff.models import StaffProfile

from .staff_profiles import member, sent_to
from .test_staff_notifications import submitted

pytestmark = pytest.mark.django_db
PASSWORD = "a long enough passphrase"


def publisher_logging_in(client, language, *, header=False):
    user = User.objects.create_user("pavel", email="pavel@example.org", password=PASSWORD, is_staff=True)
    user.groups.add(Group.objects.get(name="publisher"))
    if header:
        client.defaults["HTTP_ACCEPT_LANGUAGE"] = language
    else:
        client.cookies["django_language"] = language
    response = client.post("/admin/login/?next=/admin/", {"username": "pavel", "password": PASSWORD})
    assert response.status_code == 302 and response["Location"] == "/admin/"
    return user


def test_first_log_in_in_the_russian_admin_means_russian_mails(client, mailoutbox):
    pavel = publisher_logging_in(client, "ru")
    assert StaffProfile.objects.get(user=pavel).language == "ru"
    submitted(member("editor"))
    (mail,) = sent_to(mailoutbox, pavel)
    assert mail.subject.startswith("Ожидает вашей проверки: ")


def test_a_dari_browser_gives_dari(client):
    pavel = publisher_logging_in(client, "fa-AF,fa;q=0.8", header=True)
    assert StaffProfile.objects.get(user=pavel).language == "prs"


def test_a_choice_already_made_is_kept(client):
    pavel = User.objects.create_user("pavel", password=PASSWORD, is_staff=True)
    StaffProfile.objects.create(user=pavel, language="kk")
    client.cookies["django_language"] = "ru"
    assert client.post("/admin/login/", {"username": "pavel", "password": PASSWORD}).status_code == 302
    assert StaffProfile.objects.get(user=pavel).language == "kk"
