"""Forget this site on this phone: what the site keeps on a phone, and one button that wipes it."""

from django.conf import settings
from django.contrib.messages.storage.cookie import CookieStorage
from django.shortcuts import render
from django.utils.cache import add_never_cache_headers
from django.views.decorators.csrf import csrf_exempt

from config.middleware import serves
from config.page_cache import depends_on
from config.same_origin import is_same_origin
from guidance.feedback import ANSWERED_COOKIE

# Browsers that support it delete everything of this origin: HTTP cache, cookies, the offline
# worker and its copies, local storage. static/js/forget.js does the same where JavaScript runs.
CLEAR_SITE_DATA = '"cache", "cookies", "storage"'


def site_cookies():
    """{name: path} of every cookie the site or its nginx (config/nginx/help-site.conf) sets on a reader's
    phone. The fallback deletes them all, whether the request showed them or not: for the reader's pages
    nginx sends the site only the language cookie (`proxy_set_header Cookie`), so "answered" and the others
    never reach this view although the phone has them."""
    return {
        settings.LANGUAGE_COOKIE_NAME: settings.LANGUAGE_COOKIE_PATH,  # nginx sets it too, with Path=/
        ANSWERED_COOKIE: "/",
        settings.SESSION_COOKIE_NAME: settings.SESSION_COOKIE_PATH,
        settings.CSRF_COOKIE_NAME: settings.CSRF_COOKIE_PATH,
        CookieStorage.cookie_name: settings.SESSION_COOKIE_PATH,
    }


def expire_cookies(request, response):
    """For browsers without Clear-Site-Data: expire each cookie where it was set (its name and path), with the
    flags it was set with (SameSite=Lax; Secure when the phone reached us over HTTPS, as nginx and the site
    set it then)."""
    for name, path in {**dict.fromkeys(request.COOKIES, "/"), **site_cookies()}.items():
        response.delete_cookie(name, path=path, samesite="Lax")
        response.cookies[name]["secure"] = request.is_secure()
        response.cookies[name]["httponly"] = True


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
    expire_cookies(request, response)
    add_never_cache_headers(response)
    return response
