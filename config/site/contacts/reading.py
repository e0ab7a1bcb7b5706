"""What a person typed, read as one kind of contact in the form the check compares: a phone in E.164
(through offices.phones, however it is written), an e-mail address or a website's host in lower case
(scheme, `www.`, path and trailing slash left out; international names in their ASCII form, so a
look-alike letter never matches), a messenger name without its `@`.

The official domains are here, in one place: UNHCR's own (UNHCR_DOMAINS, with their sub-domains) and
those of the directory's websites and e-mail addresses (matching.py reads them from the directory).
"""

import re
from dataclasses import dataclass
from urllib.parse import urlsplit

from django.db import models
from django.utils.translation import gettext_lazy as _

from offices.phones import parse_phone_list

# UNHCR's own domains: the domain and every sub-domain of it (help.unhcr.org) are UNHCR's. The domains
# of the directory's entries count only as written there (matching.py).
UNHCR_DOMAINS = ("unhcr.org",)

PHONE_LIKE = re.compile(r"\+?[\d\s().\-]{6,30}")
MESSENGER_LINK = re.compile(r"(?:https?://)?(?:www\.)?(t\.me|telegram\.me|wa\.me)/([^/?#\s]+)")
HANDLE = re.compile(r"[a-z0-9_.]{3,40}")
EMAIL = re.compile(r"([^@\s]+)@([^@\s]+)")
DOMAIN_LABEL = re.compile(r"[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?")


class ContactKind(models.TextChoices):
    PHONE = "phone", _("Phone number")
    EMAIL = "email", _("E-mail address")
    WEBSITE = "website", _("Website")
    HANDLE = "handle", _("Messenger name")


@dataclass(frozen=True, repr=False)
class Contact:
    kind: str
    value: str  # compared: +77017447238, someone@unhcr.org, help.unhcr.org, unhcr_kazakhstan
    display: str  # shown: +7 701 744 7238, the others as the value

    def __repr__(self):  # never the value: a debug log of a template's context must not show it
        return f"<Contact: {self.kind}>"

    @property
    def domain(self):
        """The domain of an e-mail address or a website."""
        if self.kind == ContactKind.EMAIL:
            return self.value.rpartition("@")[2]
        return self.value if self.kind == ContactKind.WEBSITE else ""


def host_of(text, *, website=True):
    """The host of a web address or a bare domain, lower case (a website's without `www.`); '' when it is none."""
    text = (text or "").strip().lower()
    if not text:
        return ""
    try:
        host = urlsplit(text if "//" in text else f"//{text}").hostname or ""
        host = host.rstrip(".").encode("idna").decode("ascii")
    except (ValueError, UnicodeError):
        return ""
    if website:
        host = host.removeprefix("www.")
    labels = host.split(".")
    if len(labels) < 2 or not all(DOMAIN_LABEL.fullmatch(label) for label in labels) or labels[-1].isdigit():
        return ""
    return host


def is_unhcr_domain(host):
    """unhcr.org and its sub-domains; never a look-alike (unhcr.org.help, unhcr-org.com)."""
    return any(host == domain or host.endswith(f".{domain}") for domain in UNHCR_DOMAINS)


def _phone(text):
    phones = parse_phone_list(text.replace(",", " "))
    if len(phones) != 1:
        return None
    return Contact(ContactKind.PHONE, phones[0].e164, phones[0].display)


def _email(text):
    match = EMAIL.fullmatch(text.strip().lower().removeprefix("mailto:"))
    domain = host_of(match.group(2), website=False) if match else ""
    if not domain:
        return None
    value = f"{match.group(1)}@{domain}"
    return Contact(ContactKind.EMAIL, value, value)


def _handle(text):
    name = text.strip().lower().removeprefix("@")
    return Contact(ContactKind.HANDLE, name, f"@{name}") if HANDLE.fullmatch(name) else None


def _website(text):
    host = host_of(text)
    return Contact(ContactKind.WEBSITE, host, host) if host else None


READERS = {ContactKind.PHONE: _phone, ContactKind.EMAIL: _email, ContactKind.HANDLE: _handle, ContactKind.WEBSITE: _website}


def read_contact(text, kind=None):
    """The Contact a person (or staff, saying its kind) wrote, or None when it cannot be read as one."""
    text = (text or "").strip()
    if not text:
        return None
    if kind:
        return READERS[kind](text)
    link = MESSENGER_LINK.fullmatch(text.lower().rstrip("/"))
    if link:  # t.me/name is a messenger name, wa.me/77011234567 a phone number
        return _phone(f"+{link.group(2)}") if link.group(1) == "wa.me" else _handle(link.group(2))
    if "@" in text.lstrip("@"):
        return _email(text)
    if text.startswith("@"):
        return _handle(text)
    if PHONE_LIKE.fullmatch(text):
        return _phone(text)
    if "." not in text:
        return _handle(text)
    return _website(text)
