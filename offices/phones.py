"""Phone numbers: stored in E.164, shown grouped the way Kazakhstan writes them."""

from dataclasses import dataclass

import phonenumbers
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class Phone:
    e164: str
    display: str

    @property
    def tel_url(self):
        return f"tel:{self.e164}"


def parse_phone_list(value):
    """Turn a stored list ("+77172696545, +77017447238") into Phones, in order."""
    phones = []
    for raw in (value or "").replace(";", ",").split(","):
        raw = raw.strip()
        if not raw:
            continue
        number = phonenumbers.parse(raw, "KZ")
        display = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.INTERNATIONAL)
        phones.append(Phone(e164=phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164), display=display))
    return phones


def validate_phone_list(value):
    """Each comma-separated item must be a real phone number written in E.164 (+7…)."""
    for raw in (value or "").replace(";", ",").split(","):
        raw = raw.strip()
        if not raw:
            continue
        if not raw.startswith("+") or not raw[1:].isdigit():
            raise ValidationError(
                _("“%(number)s” is not in international form; write it like +77172696545."),
                code="e164",
                params={"number": raw[:40]},
            )
        try:
            valid = phonenumbers.is_valid_number(phonenumbers.parse(raw, None))
        except phonenumbers.NumberParseException:
            valid = False
        if not valid:
            raise ValidationError(
                _("“%(number)s” is not a valid phone number."), code="invalid", params={"number": raw[:40]}
            )
