"""E-mails to staff: rendered from templates in each person's language, plain text, with absolute links.

They say what happened in the workflow and where to act; never anything about readers (no feedback,
address, search or visit).
"""

from django.conf import settings
from django.core.mail import EmailMessage, get_connection
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from .people import profile


def absolute(path):
    return settings.SITE_URL.rstrip("/") + path


def admin_link(name, *args, query=""):
    return absolute(reverse(name, args=args)) + (f"?{query}" if query else "")


def message(user, template, context, context_for=None):
    """One e-mail to one person, in the language they chose (`context_for(user)` too is worked out in it)."""
    with translation.override(profile(user).language):
        context = {
            "user": user, "name": user.get_full_name() or user.get_username(),
            "settings_url": admin_link("admin:staff_my_notifications"),
            **context, **(context_for(user) if context_for else {}),
        }
        subject = render_to_string(f"staff/email/{template}_subject.txt", context)
        body = render_to_string(f"staff/email/{template}.txt", context)
    return EmailMessage(
        " ".join(subject.split()), body, settings.DEFAULT_FROM_EMAIL, [user.email],
        headers={"Auto-Submitted": "auto-generated"},  # RFC 3834: no out-of-office replies to the site
    )


def send(users, template, context_for=None, **context):
    """Send the e-mail to each person (with their own extra context); returns how many went out."""
    messages = [message(user, template, context, context_for) for user in users]
    if not messages:
        return 0
    return get_connection().send_messages(messages)
