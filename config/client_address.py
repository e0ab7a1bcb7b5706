"""The address of the person at the other end of a request, also behind the reverse proxy.

Behind a proxy every request comes from the proxy's address; the proxy says whom it serves in
X-Forwarded-For, appending the address it saw to what the client sent. We read that header only
when the request comes from a trusted proxy (FORWARDED_ALLOW_IPS, the same list gunicorn trusts),
from the right, and take the first address that is not one of our proxies: what a client writes
into the header itself stays on the left and is never believed.
"""

import ipaddress

from django.conf import settings


def _address(text):
    try:
        return ipaddress.ip_address(text.strip())
    except ValueError:
        return None


def is_trusted_proxy(address):
    """Whether requests from `address` (an ip_address) come through one of our reverse proxies."""
    for entry in settings.TRUSTED_PROXIES:  # never "*": config/settings.py refuses it
        try:
            if address in ipaddress.ip_network(entry, strict=False):
                return True
        except ValueError:
            continue
    return False


def client_address(request):
    """The client's IP address as text (e.g. for log-in throttling and the feedback flood limit)."""
    remote = request.META.get("REMOTE_ADDR", "")
    hop = _address(remote)
    if hop is None or not is_trusted_proxy(hop):
        return remote
    forwarded = [entry for entry in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if entry.strip()]
    for entry in reversed(forwarded):
        address = _address(entry)
        if address is None:
            break  # not written by our proxy: nothing further left can be believed
        hop = address
        if not is_trusted_proxy(address):
            break
    return str(hop)


class ForwardedByProxyOnlyMiddleware:
    """X-Forwarded-Proto (SECURE_PROXY_SSL_HEADER, with BEHIND_PROXY) believed only from one of our
    proxies: from anyone else it would let a client on plain HTTP pass for HTTPS."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        hop = _address(request.META.get("REMOTE_ADDR", ""))
        if hop is None or not is_trusted_proxy(hop):
            request.META.pop("HTTP_X_FORWARDED_PROTO", None)
        return self.get_response(request)


def describe_for_log(username, ip_address, user_agent, path_info, request):
    """How django-axes names a log-in attempt in the log: the account, never the address or browser."""
    return f'{{username: "{username}"}}'
