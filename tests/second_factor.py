"""Second factors for tests: a verified authenticator app for a test client, and codes as the app shows them."""

import base64
import re

from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from config.second_factor.devices import needs_second_factor


def verified(client, user):
    """Enrol a publisher or superuser who logged in with this client, and verify the session, as
    the second-factor page does; staff who need no second factor are left as they are."""
    if needs_second_factor(user):
        device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
        device = device or TOTPDevice.objects.create(user=user, name="Authenticator app", confirmed=True)
        session = client.session
        session[DEVICE_ID_SESSION_KEY] = device.persistent_id
        session.save()
    return client


def code(device, *, steps_ahead=0):
    """The code the person's app shows now (or that many 30-second steps later)."""
    return f"{totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits, drift=steps_ahead):06d}"


def code_from_enrolment_page(html):
    """What a person types after setting up their app from the enrolment page's key (for live sites)."""
    secret = re.search(r'class="second-factor-secret" dir="ltr">([A-Z2-7 ]+)<', html).group(1).replace(" ", "")
    key = base64.b32decode(secret + "=" * (-len(secret) % 8))
    return f"{totp(key):06d}"


RECOVERY_CODES_AT_ONCE = 10
_unused_recovery_codes = {}  # (the site's folder, username) -> codes made on that site, not typed yet


def recovery_code_on(site, username):
    """A recovery code for `username` on a live site, not used before (django-otp's own helper, in the site's
    database). They are made ten at a time: each time is a Django process started, 1–2 s of a core."""
    unused = _unused_recovery_codes.setdefault((site.workdir, username), [])
    if not unused:
        unused.extend(site.python(
            "from django_otp.plugins.otp_static.lib import add_static_token; "
            f"print(*(add_static_token({username!r}).token for _ in range({RECOVERY_CODES_AT_ONCE})))"
        ).split()[-RECOVERY_CODES_AT_ONCE:])
    return unused.pop()


def code_for_page(html, site, username):
    """What a publisher or superuser types on the second-factor page of a live site: the app's first
    code on the enrolment page, a fresh recovery code once the app is set up."""
    if "second-factor-secret" in html:
        return code_from_enrolment_page(html)
    return recovery_code_on(site, username)


def pass_in_tab(tab, site, username):
    """In a browser tab that just gave the password: give the second factor if the site asks for it."""
    if "/admin/second-factor/" not in tab.url:
        return
    tab.fill("input[name=code]", code_for_page(tab.content(), site, username))
    with tab.expect_navigation():  # the click does not wait for the next page: recovery codes, or the admin
        tab.click(".second-factor-form input[type=submit]")
    if tab.locator(".recovery-codes").count():
        tab.click("a.button")
