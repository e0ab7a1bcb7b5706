"""Forget this site on this phone: what the site keeps on a phone, and one button that wipes it."""

from django.shortcuts import render
from django.utils.cache import add_never_cache_headers
from django.views.decorators.csrf import csrf_exempt

from config.middleware import serves
from config.page_cache import depends_on
from config.same_origin import is_same_origin

# Browsers that support it delete everything of this origin: HTTP cache, cookies, the offline
# worker and its copies, local storage. static/js/forget.js does the same where JavaScript runs.
CLEAR_SITE_DATA = '"cache", "cookies", "storage"'


@serves("POST")
@csrf_exempt  # the page is cached, the same for everyone: config.same_origin protects the button
@depends_on()
def forget(request):
    """GET: what the site keeps on this phone. POST (the button): delete it."""
    if request.method != "POST":
        return render(request, "site/forget.html", {"last_updated": None})
    if not is_same_origin(request):
        return render(request, "site/forget.html", {"last_updated": None, "refused": True}, status=403)
    response = render(request, "site/forget.html", {"last_updated": None, "done": True})
    response["Clear-Site-Data"] = CLEAR_SITE_DATA
    for name in request.COOKIES:  # for browsers without Clear-Site-Data
        response.delete_cookie(name)
    add_never_cache_headers(response)
    return response
