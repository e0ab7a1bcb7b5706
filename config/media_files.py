"""Uploaded media (recordings) served with HTTP Range requests and long caching.

whitenoise serves only the static files it collected, so uploads need this small view or nginx's
`location /media/` (config/nginx/help-site.conf). File names are new for every upload (a random
hex name), so an address always means the same bytes: cached for a year, immutable. Phones seek
and resume with `Range: bytes=…` (206 Partial Content); an unsatisfiable range gets 416.
"""

import re

from django.core.files.storage import default_storage
from django.http import Http404, HttpResponse
from django.views.decorators.http import require_safe

from config.page_cache import keep_out_of_cache

SERVED = re.compile(r"^recordings/[0-9a-f]{32}\.(opus|mp3)$")
CONTENT_TYPES = {"opus": "audio/ogg", "mp3": "audio/mpeg"}
RANGE = re.compile(r"^bytes=(\d*)-(\d*)$")
YEAR = 60 * 60 * 24 * 365


def byte_range(header, size):
    """(first, last) byte of a single `Range: bytes=…` header, None for no range, or "bad" (416)."""
    if not header:
        return None
    match = RANGE.match(header.strip())
    if not match or match.groups() == ("", ""):
        return "bad"  # several ranges, or another unit: we answer single ranges only
    start, end = match.groups()
    if start == "":  # the last N bytes
        length = int(end)
        return (max(0, size - length), size - 1) if length else "bad"
    first, last = int(start), min(int(end), size - 1) if end else size - 1
    return (first, last) if first < size and first <= last else "bad"


@require_safe
def media_file(request, path):
    keep_out_of_cache(request)  # the page cache is for pages; the browser and nginx cache these
    match = SERVED.match(path)
    if not match or not default_storage.exists(path):
        raise Http404
    size = default_storage.size(path)
    wanted = byte_range(request.headers.get("Range"), size)
    if wanted == "bad":
        response = HttpResponse(status=416)
        response["Content-Range"] = f"bytes */{size}"
        response["Accept-Ranges"] = "bytes"
        return response
    first, last = wanted or (0, size - 1)
    with default_storage.open(path, "rb") as stored:
        stored.seek(first)
        body = stored.read(last - first + 1) if request.method != "HEAD" else b""
    response = HttpResponse(body, content_type=CONTENT_TYPES[match.group(1)], status=206 if wanted else 200)
    response["Content-Length"] = str(last - first + 1)
    response["Accept-Ranges"] = "bytes"
    if wanted:
        response["Content-Range"] = f"bytes {first}-{last}/{size}"
    response["Cache-Control"] = f"public, max-age={YEAR}, immutable"
    return response
