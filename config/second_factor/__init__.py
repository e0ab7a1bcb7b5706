"""A second factor for the staff who can change what thousands read: publishers and superusers.

They log in with their password (throttled by django-axes, config/known_browsers.py), then with a
six-digit code from an authenticator app (a django-otp TOTP device) or one of their recovery codes
(a django-otp static device). An account without a device enrols at its first log-in. Until the
session is verified, the admin answers every page with the second-factor page (middleware.py).
"""
