"""Who needs a second factor, and their devices: the authenticator app (TOTP) and the recovery codes."""

import base64

import segno
from django.db import transaction
from django.utils.safestring import mark_safe
from django_otp import devices_for_user
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from guidance.roles import can_publish

RECOVERY_CODES = 10
APP_DEVICE = "Authenticator app"
CODES_DEVICE = "Recovery codes"


def needs_second_factor(user):
    """Publishers and superusers: those who can change what thousands read."""
    return user.is_authenticated and user.is_active and user.is_staff and (user.is_superuser or can_publish(user))


def app_device(user):
    """The person's confirmed authenticator app, or None before they enrolled."""
    return TOTPDevice.objects.filter(user=user, confirmed=True).first()


def device_to_enrol(user):
    """The authenticator app being set up: the same secret until it is confirmed, so a reload keeps the QR code."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    return device or TOTPDevice.objects.create(user=user, name=APP_DEVICE, confirmed=False)


def secret_text(device):
    """The secret as an app asks for it when typed by hand: base32, in groups of four."""
    secret = base64.b32encode(device.bin_key).decode().rstrip("=")
    return " ".join(secret[start:start + 4] for start in range(0, len(secret), 4))


def qr_code(device):
    """The QR code of the secret as inline SVG, made here: no request leaves the site."""
    return mark_safe(segno.make(device.config_url, error="m").svg_inline(scale=4, border=2, omitsize=False))


def new_recovery_codes(user):
    """Replace the person's recovery codes with new ones; each works once."""
    device, _created = StaticDevice.objects.get_or_create(user=user, name=CODES_DEVICE, defaults={"confirmed": True})
    device.token_set.all().delete()
    codes = [StaticToken.random_token() for _code in range(RECOVERY_CODES)]
    StaticToken.objects.bulk_create(StaticToken(device=device, token=code) for code in codes)
    return codes


def confirm(device, token):
    """Confirm the app being set up if `token` is its current code; returns whether it was."""
    if not device.verify_token(token):
        return False
    TOTPDevice.objects.filter(user=device.user).exclude(pk=device.pk).delete()
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    return True


def verify(user, token):
    """(the device that accepts `token`, None) or (None, whether wrong codes make the person wait).

    Six digits are the app's code, anything else a recovery code; each device throttles wrong codes
    itself (django-otp: each failure doubles the wait before the next try)."""
    token = "".join(token.split()).lower()
    kind = TOTPDevice if len(token) == 6 and token.isdigit() else StaticDevice
    with transaction.atomic():
        device = kind.objects.select_for_update().filter(user=user, confirmed=True).first()
        if device is None:
            return None, False
        allowed, _why = device.verify_is_allowed()
        if allowed and device.verify_token(token):
            return device, False
        return None, not allowed


def reset(user):
    """Remove the person's app and recovery codes: they enrol again at their next log-in."""
    return sum(device.delete()[0] for device in devices_for_user(user, confirmed=None))
