"""The admin refuses publishers and superusers whose session is not verified by their second factor."""

from urllib.parse import urlencode

from django.http import HttpResponseRedirect
from django.urls import reverse

from .devices import needs_second_factor

# What a person who has given only their password may open: logging in and out, and this step itself.
OPEN_BEFORE_VERIFYING = ("/admin/login/", "/admin/logout/", "/admin/second-factor/", "/admin/jsi18n/")


class SecondFactorMiddleware:
    """Below django-otp's OTPMiddleware, which says whether the session is verified."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        path = request.path_info
        if path.startswith("/admin/") and not path.startswith(OPEN_BEFORE_VERIFYING):
            user = request.user
            if needs_second_factor(user) and not user.is_verified():
                query = urlencode({"next": request.get_full_path()}) if request.method == "GET" else ""
                return HttpResponseRedirect(reverse("second_factor:verify") + (f"?{query}" if query else ""))
        return self.get_response(request)
