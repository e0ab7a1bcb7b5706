"""Publishers and superusers give a second factor (an authenticator app's code, or a recovery code)
after their password; an account without one sets it up at its first log-in."""

from http import HTTPStatus

import pytest
from django.contrib.auth.models import Group, User
from django.core.management import call_command
from django.test import Client
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from guidance.models import Revision

from .second_factor import code, code_from_enrolment_page
from .staff import edited_draft, review_url

pytestmark = pytest.mark.django_db
PASSWORD = "a long enough passphrase"
VERIFY = "/admin/second-factor/"


def person(username, role=None, **flags):
    user = User.objects.create_user(username, password=PASSWORD, is_staff=True, **flags)
    if role:
        user.groups.add(Group.objects.get(name=role))
    return user


def logged_in(username, language="en"):
    """A browser in which this person gave their password (and nothing more yet)."""
    browser = Client()
    browser.cookies["django_language"] = language
    response = browser.post("/admin/login/?next=/admin/", {"username": username, "password": PASSWORD})
    assert response.status_code == HTTPStatus.FOUND
    return browser


def enrolled(user):
    device = TOTPDevice.objects.create(user=user, name="Authenticator app", confirmed=True)
    return device


def test_a_publisher_without_a_device_enrols_before_reaching_the_admin(staff_client, settings):
    settings.OTP_TOTP_THROTTLE_FACTOR = 0  # the right code follows a wrong one at once (waiting: test_a_wrong_code_is_refused)
    pavel = person("pavel", "publisher")
    draft = edited_draft(staff_client("editor"), submit=True, body_en="A text to review.")
    browser = logged_in("pavel")

    for url in ("/admin/", review_url(draft), "/admin/guidance/revision/"):
        response = browser.get(url)
        assert response.status_code == HTTPStatus.FOUND and response["Location"].startswith(VERIFY)
    refused = browser.post(review_url(draft), {"action": "publish"})
    assert refused.status_code == HTTPStatus.FOUND and refused["Location"] == VERIFY
    assert Revision.objects.get(pk=draft.pk).status == draft.status  # nothing published

    enrolment = browser.get(f"{VERIFY}?next=/admin/")
    html = enrolment.content.decode()
    assert enrolment.status_code == HTTPStatus.OK
    assert "Set up your second factor" in html and "<svg" in html
    assert 'src="http' not in html and "<script" not in html.split("</head>")[1]  # QR code made here, no request elsewhere
    assert code_from_enrolment_page(browser.get(VERIFY).content.decode()) == code_from_enrolment_page(html)

    wrong = browser.post(VERIFY, {"code": "000000", "next": "/admin/"})
    assert "This code is not right" in wrong.content.decode()
    assert browser.get("/admin/").status_code == HTTPStatus.FOUND

    done = browser.post(VERIFY, {"code": code_from_enrolment_page(html), "next": "/admin/"})
    assert done.status_code == HTTPStatus.OK
    codes = StaticToken.objects.filter(device__user=pavel).values_list("token", flat=True)
    assert len(codes) == 10 and all(token in done.content.decode() for token in codes)
    assert TOTPDevice.objects.get(user=pavel).confirmed
    assert browser.get("/admin/").status_code == HTTPStatus.OK


def test_a_wrong_code_is_refused(staff_client):
    device = enrolled(person("pavel", "publisher"))
    browser = logged_in("pavel")
    page = browser.get(VERIFY)
    assert "Second step of logging in" in page.content.decode() and "second-factor-qr" not in page.content.decode()
    wrong = browser.post(VERIFY, {"code": code(device, steps_ahead=5), "next": "/admin/"})
    assert wrong.status_code == HTTPStatus.OK
    assert "This code is not right" in wrong.content.decode()
    assert browser.get("/admin/").status_code == HTTPStatus.FOUND
    # Guessing is slowed down: right after a wrong code, even the right one must wait.
    waiting = browser.post(VERIFY, {"code": code(device), "next": "/admin/"})
    assert "Too many wrong codes" in waiting.content.decode()
    assert browser.get("/admin/").status_code == HTTPStatus.FOUND


def test_the_apps_code_lets_the_publisher_in():
    device = enrolled(person("pavel", "publisher"))
    browser = logged_in("pavel")
    response = browser.post(VERIFY, {"code": code(device), "next": "/admin/guidance/revision/"})
    assert response.status_code == HTTPStatus.FOUND and response["Location"] == "/admin/guidance/revision/"
    assert browser.get("/admin/").status_code == HTTPStatus.OK


def test_a_recovery_code_works_once():
    pavel = person("pavel", "publisher")
    enrolled(pavel)
    from config.second_factor.devices import new_recovery_codes

    recovery = new_recovery_codes(pavel)[0]
    first = logged_in("pavel")
    assert first.post(VERIFY, {"code": recovery.upper(), "next": "/admin/"})["Location"] == "/admin/"
    assert first.get("/admin/").status_code == HTTPStatus.OK

    second = logged_in("pavel")
    again = second.post(VERIFY, {"code": recovery, "next": "/admin/"})
    assert again.status_code == HTTPStatus.OK and "This code is not right" in again.content.decode()
    assert second.get("/admin/").status_code == HTTPStatus.FOUND


def test_new_recovery_codes_replace_the_old_ones(staff_client):
    publisher = staff_client("publisher")
    from config.second_factor.devices import new_recovery_codes

    old = new_recovery_codes(publisher.user)
    assert "Recovery codes" in publisher.get("/admin/").content.decode()
    response = publisher.post("/admin/second-factor/recovery-codes/")
    new = list(StaticToken.objects.filter(device__user=publisher.user).values_list("token", flat=True))
    assert len(new) == 10 and not set(new) & set(old)
    assert all(token in response.content.decode() for token in new)


def test_the_account_make_run_creates_enrols_at_its_first_log_in(monkeypatch):
    monkeypatch.setenv("STAFF_USERNAME", "amina")
    monkeypatch.setenv("STAFF_PASSWORD", PASSWORD)
    call_command("ensure_staff_user", stdout=open("/dev/null", "w"))
    browser = logged_in("amina")
    assert browser.get("/admin/")["Location"].startswith(VERIFY)
    assert "Set up your second factor" in browser.get(VERIFY).content.decode()


def test_editors_and_translators_need_no_second_factor():
    for username, role in (("erik", "editor"), ("tamara", "translator")):
        person(username, role)
        assert logged_in(username).get("/admin/").status_code == HTTPStatus.OK


@pytest.mark.parametrize("language", ["ar", "prs", "ug"])
def test_the_second_factor_pages_are_right_to_left_in_rtl_languages(language):
    person("pavel", "publisher")
    html = logged_in("pavel", language).get(VERIFY).content.decode()
    assert f'<html lang="{language}" dir="rtl"' in html
    assert "Set up your second factor" not in html  # translated
    assert 'class="second-factor-secret" dir="ltr"' in html


def test_resetting_a_device_means_enrolling_again():
    pavel = person("pavel", "publisher")
    enrolled(pavel)
    call_command("reset_second_factor", "pavel", stdout=open("/dev/null", "w"))
    assert not TOTPDevice.objects.filter(user=pavel).exists()
    assert "Set up your second factor" in logged_in("pavel").get(VERIFY).content.decode()
