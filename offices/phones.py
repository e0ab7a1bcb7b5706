"""Phone numbers: typed as people write them, stored in E.164, shown grouped the way Kazakhstan writes them.

Staff may type spaces, dashes, dots and brackets, and the local form with the trunk prefix 8
(`8 727 249 60 44`); we store `+77272496044`. Readers see the local grouping of each area code:
Almaty +7 727 249 60 44 (three-digit code), Astana +7 7172 69 65 45 (four-digit codes), mobiles
+7 701 744 7238. A number of Kazakhstan (+7 7…, ten digits) is accepted by its shape: the library's
list of allocated ranges lags behind the operators'. Numbers of other countries must be valid there.
"""

import re
from dataclasses import dataclass

import phonenumbers
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

SEPARATORS = re.compile(r"[,;\n]")
KAZAKHSTAN = re.compile(r"7\d{9}")  # the national number of a Kazakh phone: 7 and nine digits
THREE_DIGIT_CODES = ("727",)  # Almaty; the other cities have four-digit codes (7172 Astana, 7252 Shymkent…)
MOBILE_PREFIXES = ("70", "74", "75", "76", "77")


@dataclass(frozen=True)
class Phone:
    e164: str
    display: str

    @property
    def tel_url(self):
        return f"tel:{self.e164}"


def _items(value):
    return [raw.strip() for raw in SEPARATORS.split(value or "") if raw.strip()]


def _parse(raw):
    """The phonenumbers number for what a person typed, or None when it cannot be read as one."""
    try:
        number = phonenumbers.parse(raw, "KZ")  # "8 727 …" and "727 …" are read as numbers of Kazakhstan
    except phonenumbers.NumberParseException:
        return None
    national = str(number.national_number)
    if number.country_code == 7 and KAZAKHSTAN.fullmatch(national):
        return number
    return number if phonenumbers.is_valid_number(number) else None


def kazakh_grouping(number):
    """+7 727 249 60 44, +7 7172 69 65 45, +7 701 744 7238; other countries in their international form."""
    national = str(number.national_number)
    if number.country_code != 7 or not KAZAKHSTAN.fullmatch(national):
        return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.INTERNATIONAL)
    if national.startswith(MOBILE_PREFIXES):
        return f"+7 {national[:3]} {national[3:6]} {national[6:]}"
    if national.startswith(THREE_DIGIT_CODES):
        return f"+7 {national[:3]} {national[3:6]} {national[6:8]} {national[8:]}"
    return f"+7 {national[:4]} {national[4:6]} {national[6:8]} {national[8:]}"


def parse_phone_list(value):
    """Turn a stored list ("+77172696545, +77017447238") into Phones, in order; unreadable items are left out."""
    phones = []
    for raw in _items(value):
        number = _parse(raw)
        if number is not None:
            e164 = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
            phones.append(Phone(e164=e164, display=kazakh_grouping(number)))
    return phones


def normalize_phone_list(value):
    """What staff typed, as it is stored: E.164 numbers separated by ", " (items that cannot be read stay as typed)."""
    stored = []
    for raw in _items(value):
        number = _parse(raw)
        stored.append(phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164) if number else raw)
    return ", ".join(stored)


def validate_phone_list(value):
    """Each item, separated by commas, must be a phone number, written in any usual way."""
    for raw in _items(value):
        if _parse(raw) is None:
            raise ValidationError(
                _("“%(number)s” could not be read as a phone number. Write it like +7 727 249 60 44 or 8 727 249 60 44."),
                code="invalid",
                params={"number": raw[:40]},
            )
