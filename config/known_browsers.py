"""Browsers that have logged in to a staff account before: OWASP's device cookie against slow guessing.

A browser that logs in to an account gets a signed, long-lived cookie naming that account and a
random id of its own. Wrong passwords are counted per account and browser (config/login_attempts.py):
each such browser has its own allowance, and every other browser, from whatever address, shares
the account's one allowance. So guessing from many addresses is stopped after AXES_FAILURE_LIMIT
wrong guesses, and the stranger who used that allowance up does not lock out the owner, whose own
browser still lets them in.

Axes locks by `AXES_LOCKOUT_PARAMETERS = [["username", "user_agent"]]`; KnownBrowserHandler puts
the browser's name from its cookie where axes reads the user agent, so its records never keep the
real one, and LogInMiddleware gives a browser that logged in its cookie.
"""

import secrets

from axes.handlers.database import AxesDatabaseHandler
from axes.helpers import get_client_username
from axes.middleware import AxesMiddleware
from django.conf import settings
from django.core import signing
from django.utils.crypto import salted_hmac

SALT = "config.known_browsers"
COOKIE_PREFIX = "staff_browser_"
# How log-in records (django-axes' "user agent" column) name the browser of an attempt.
UNKNOWN_BROWSER = "any browser that has not logged in to this account before"
KNOWN_BROWSER = "browser {} that has logged in to this account before"


def cookie_name(username):
    """One cookie per account; its name does not show the account's name."""
    return COOKIE_PREFIX + salted_hmac(SALT, username).hexdigest()[:16]


def browser_id(request, username):
    """The id of this browser for the account, if it carries a genuine and current cookie for it; else None."""
    value = request.COOKIES.get(cookie_name(username)) if username else None
    if not value:
        return None
    try:
        account, browser = signing.loads(value, salt=SALT, max_age=settings.KNOWN_BROWSER_COOKIE_AGE)
    except (signing.BadSignature, TypeError, ValueError):
        return None
    return browser if account == username else None


def label(request, username):
    """How the log-in records name this browser for the account: its own id, or the shared "unknown"."""
    browser = browser_id(request, username)
    return KNOWN_BROWSER.format(browser) if browser else UNKNOWN_BROWSER


def remember(request, response, username):
    """Give the browser that just logged in the account's cookie (keeping its id if it had one)."""
    browser = browser_id(request, username) or secrets.token_hex(8)
    response.set_cookie(
        cookie_name(username),
        signing.dumps([username, browser], salt=SALT),
        max_age=settings.KNOWN_BROWSER_COOKIE_AGE,
        path="/admin/",
        secure=settings.SESSION_COOKIE_SECURE,
        httponly=True,
        samesite="Strict",
    )


def name_the_browser(request, credentials=None):
    username = get_client_username(request, credentials)
    request.axes_user_agent = label(request, username)
    request.known_browser = browser_id(request, username) is not None


class KnownBrowserHandler(AxesDatabaseHandler):
    """Axes' database handler, with the browser named by its device cookie instead of its user agent."""

    def is_allowed(self, request, credentials=None):
        name_the_browser(request, credentials)
        return super().is_allowed(request, credentials)

    def get_failures(self, request, credentials=None):
        name_the_browser(request, credentials)
        return super().get_failures(request, credentials)

    def user_login_failed(self, sender, credentials, request=None, **kwargs):
        if request is not None:
            name_the_browser(request, credentials)
        return super().user_login_failed(sender, credentials, request, **kwargs)

    def user_logged_in(self, sender, request, user, **kwargs):
        name_the_browser(request, {"username": user.get_username()})
        request.logged_in_account = user.get_username()  # LogInMiddleware gives the browser its cookie
        return super().user_logged_in(sender, request, user, **kwargs)


class LogInMiddleware(AxesMiddleware):
    """Axes' middleware (the lockout page), which also gives a browser that logged in its device cookie."""

    async_capable = False

    def __call__(self, request):
        response = super().__call__(request)
        username = getattr(request, "logged_in_account", None)
        if username and response.status_code < 400:
            remember(request, response, username)
        return response
