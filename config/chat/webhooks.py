"""What both webhooks share: their secrets, and answers that no cache, browser or log keeps."""

import hmac
import json

from django.http import JsonResponse
from django.utils.cache import add_never_cache_headers


def secret_matches(given, expected):
    """True only when a secret is configured and the request names it (in constant time)."""
    return bool(expected) and hmac.compare_digest((given or "").encode(), expected.encode())


def quiet(response):
    """A refusal Django's request logger does not write down: its line would name the address, which holds the
    webhook's secret (Telegram's). The status alone says enough to the caller."""
    response._has_been_logged = True  # the flag Django's own log_response reads
    return response


def private_json(data, status=200):
    """JSON in UTF-8 that no cache keeps (Cache-Control: no-store): it answers what one person sent."""
    response = JsonResponse(data, status=status, json_dumps_params={"ensure_ascii": False, "separators": (",", ":")})
    add_never_cache_headers(response)
    return response


def refused(status):
    """A quiet, private refusal (404 when not configured, 403 for a wrong token, 405 for another method), in JSON
    like the rest of the webhook: callers are servers, and a body keeps the reader's error page away."""
    return quiet(private_json({"status": status}, status))


def json_body(request):
    """The request's JSON object, or None when it is not one."""
    try:
        body = json.loads(request.body)
    except (ValueError, UnicodeDecodeError):
        return None
    return body if isinstance(body, dict) else None
