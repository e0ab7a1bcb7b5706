"""/<lang>/check/: the form (GET, the same cached page for everyone) and its answer (POST, private,
never stored, never logged: the title and the address stay the form's); /<lang>/check/official/: the
printable list of official contacts."""

import logging

from django import forms
from django.db import transaction
from django.shortcuts import render
from django.utils import timezone
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext_lazy as _
from django.views.decorators.csrf import csrf_exempt

from config import flood_limit
from config.last_updated import latest
from config.middleware import serves
from config.page_cache import depends_on
from config.same_origin import is_same_origin
from offices.pagination import page_links, page_of

from .matching import check_contact, official_contacts
from .reading import read_contact

CHECKS_PER_HOUR = 30  # per client address: a family or an NGO office shares one
OFFICIAL_ENTRIES_PER_PAGE = 30  # offices and partners (with their branches) on one page of the official list

logger = logging.getLogger(__name__)


class CheckForm(forms.Form):
    contact = forms.CharField(
        label=_("Phone number, e-mail address, website or messenger name"), max_length=200,
        help_text=_("For example: +7 701 744 72 38, name@example.org, example.org or @name."),
        error_messages={"required": _("Please write the contact you were given.")},
        # The browser is asked not to remember what was typed (autocomplete="off").
        widget=forms.TextInput(attrs={"autocomplete": "off", "autocapitalize": "none", "spellcheck": "false", "dir": "ltr"}),
    )

    def clean_contact(self):
        contact = read_contact(self.cleaned_data["contact"])
        if contact is None:
            raise forms.ValidationError(
                _("This could not be read as a phone number, an e-mail address, a website or a messenger name."),
                code="unreadable",
            )
        return contact


def check_allowed(request):
    """Count one check from this client; False once it made CHECKS_PER_HOUR this clock hour (the same
    daily-keyed hash of the address as the feedback and report limits)."""
    return flood_limit.allowed(request, "check", CHECKS_PER_HOUR)


def _private(response):
    """What a person asked about: no browser cache, shared cache, page cache or offline copy keeps it."""
    add_never_cache_headers(response)  # private, no-store (and no-cache, max-age=0, must-revalidate)
    return response


@serves("POST")
@csrf_exempt  # the form's page is cached, the same for everyone: config.same_origin protects the POST
@transaction.non_atomic_requests  # it only reads: no savepoints to spend the query budget on
@depends_on()
def check(request):
    """GET: the form. POST: whether the contact is ours (never stored; the form's title and address)."""
    # Every name the template reads is set, so that no lookup fails (Django logs the context of those).
    context = {"form": CheckForm(), "answer": None, "refused": False, "too_many": False, "last_updated": None}
    if request.method != "POST":
        return render(request, "site/check.html", context)
    if not is_same_origin(request):
        return _private(render(request, "site/check.html", {**context, "refused": True}, status=403))
    if not check_allowed(request):
        return _private(render(request, "site/check.html", {**context, "too_many": True}, status=429))
    form = CheckForm(request.POST)
    if not form.is_valid():
        return _private(render(request, "site/check.html", {**context, "form": form}, status=400))
    answer = check_contact(form.cleaned_data["contact"])
    return _private(render(request, "site/check.html", {**context, "answer": answer}))


@transaction.non_atomic_requests
@depends_on("directory", query=("page",))
def official(request):
    """Every verified phone, e-mail address, website and address of UNHCR, the government's offices and
    the partners, with their source and last check: a list to print or keep."""
    contacts = official_contacts()
    # The list grows with the directory: a page of entries at a time, UNHCR first, then the government's
    # offices, then the partners, each group under its heading (the template regroups them).
    listed = [*(("unhcr", entry) for entry in contacts["unhcr_offices"]),
              *(("government", entry) for entry in contacts["government_offices"]),
              *(("partners", entry) for entry in contacts["partners"])]
    page = page_of(request, listed, OFFICIAL_ENTRIES_PER_PAGE)
    entries = [entry for _group, entry in page.object_list]
    checked = [entry.last_check.checked_on for entry in entries if entry.last_check_id and entry.last_check.checked_on]
    context = {"unhcr_domains": contacts["unhcr_domains"], **page_links(request, page),
               "last_checked": latest(*checked), "printed_on": timezone.localdate(), "last_updated": None}
    return render(request, "site/check_official.html", context)
