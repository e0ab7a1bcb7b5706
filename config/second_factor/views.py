"""The second step of a publisher's or superuser's log-in: enrol an authenticator app, or give a code."""

from django import forms
from django.contrib import admin
from django.http import HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods
from django_otp import login as otp_login

from . import devices


class CodeForm(forms.Form):
    code = forms.CharField(
        label=_("Code"), max_length=40, strip=True,
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "autofocus": True, "dir": "ltr", "spellcheck": "false"}),
    )


def page(request, template, title, **context):
    """A page in the admin's look, without the admin's menus (they would only lead back here)."""
    return render(request, template, {
        **admin.site.each_context(request), "is_nav_sidebar_enabled": False, "available_apps": [],
        "title": title, **context,
    })


def next_url(request):
    wanted = request.POST.get("next") or request.GET.get("next", "")
    if url_has_allowed_host_and_scheme(wanted, {request.get_host()}, request.is_secure()) and wanted.startswith("/admin/"):
        return wanted
    return reverse("admin:index")


def to_log_in(request):
    return HttpResponseRedirect(reverse("admin:login") + "?next=" + reverse("second_factor:verify"))


@never_cache
@require_http_methods(["GET", "POST"])
def verify(request):
    """Ask for a code; an account without an authenticator app first sets one up."""
    user = request.user
    if not devices.needs_second_factor(user):
        return to_log_in(request) if not user.is_authenticated else HttpResponseRedirect(next_url(request))
    if user.is_verified():
        return HttpResponseRedirect(next_url(request))
    if devices.app_device(user) is None:
        return enrol(request)
    form = CodeForm(request.POST or None)
    if form.is_valid():
        device, waiting = devices.verify(user, form.cleaned_data["code"])
        if device is not None:
            otp_login(request, device)
            return HttpResponseRedirect(next_url(request))
        if waiting:
            form.add_error("code", gettext("Too many wrong codes. Wait a minute, then try again with a new code."))
        else:
            form.add_error("code", gettext("This code is not right. Type the code your app shows now, or a recovery code."))
    return page(request, "second_factor/verify.html", gettext("Second step of logging in"), form=form, next=next_url(request))


def enrol(request):
    """Set up the authenticator app: QR code and secret, then the first code; then show the recovery codes."""
    device = devices.device_to_enrol(request.user)
    form = CodeForm(request.POST or None)
    if form.is_valid():
        if devices.confirm(device, "".join(form.cleaned_data["code"].split())):
            otp_login(request, device)
            codes = devices.new_recovery_codes(request.user)
            return page(request, "second_factor/recovery_codes.html", gettext("Your recovery codes"), codes=codes, next=next_url(request))
        form.add_error("code", gettext("This code is not right. Check that the app shows this account, and type the code it shows now."))
    return page(
        request, "second_factor/enrol.html", gettext("Set up your second factor"),
        form=form, qr_code=devices.qr_code(device), secret=devices.secret_text(device), next=next_url(request),
    )


@never_cache
@require_http_methods(["GET", "POST"])
def recovery_codes(request):
    """New recovery codes for a verified person (the old ones stop working)."""
    user = request.user
    if not devices.needs_second_factor(user) or not user.is_verified():
        return HttpResponseRedirect(reverse("second_factor:verify"))
    if request.method == "POST":
        codes = devices.new_recovery_codes(user)
        return page(request, "second_factor/recovery_codes.html", gettext("Your recovery codes"), codes=codes, next=reverse("admin:index"))
    return page(request, "second_factor/new_recovery_codes.html", gettext("New recovery codes"))
