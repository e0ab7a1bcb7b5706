"""Reader pages that draw on several apps: home, about, updates, notices, search, the personal plan, the offline page."""

from urllib.parse import urlencode

from django.db import transaction
from django.db.models import Q
from django.http import HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.cache import patch_cache_control
from django.utils.translation import get_language
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from config.last_updated import latest
from config.middleware import serves
from config.page_cache import depends_on
from config.same_origin import is_same_origin
from guidance.models import GuidancePage, KeyFigure
from offices.models import City

from .notices import NOTICES, board, follow, notices_where, where_it_applies
from .plan import DATE_QUESTIONS, FROM_DATES, PlanForm, Situation, add_partners, apply_offices, steps_for
from .plan_calendar import plan_calendar
from .search.query import find
from .search.text import parse_query
from .updates import recent_updates


@depends_on("guidance", "directory")
def home(request):
    menu = GuidancePage.objects.menu()
    return render(
        request,
        "site/home.html",
        {
            "pages": menu.choices,
            "more_pages": menu.more,
            **City.objects.chooser(),
            "last_updated": latest(*(p.last_major_update for p in menu.choices + menu.more)),
        },
    )


@depends_on("figures")
def about(request):
    figures = list(KeyFigure.objects.all())
    return render(
        request,
        "site/about.html",
        {
            "current_figures": [f for f in figures if f.is_current],
            "earlier_figures": [f for f in figures if not f.is_current],
            "last_updated": latest(*(f.last_changed for f in figures)),
        },
    )


@transaction.non_atomic_requests
@depends_on("guidance", "directory", NOTICES)
def updates(request):
    """Major guidance changes, directory changes and notices, newest first (the feed lists the same)."""
    items = recent_updates(request=request)
    return render(
        request,
        "site/updates.html",
        {"updates": items, "last_updated": items[0].date if items else None},
    )


@transaction.non_atomic_requests
@depends_on(NOTICES, "directory", "guidance")  # and the names of the places each notice applies to
def notices(request):
    """The notices in effect now, newest first, each with its dates and where it applies."""
    now = timezone.now()
    current = board(notices_where(Q(), now, where_it_applies()), now)
    follow(request, current)
    return render(request, "site/notices.html", {"notice_list": current.current, "last_updated": current.last_change})


@serves("POST")
@csrf_exempt  # the search box is on every cached page; a search changes nothing, wherever it was sent from
def search(request):
    """The site's search box posts, so the words are in no address and no history; a partner's link
    (`?q=`, the URL contract) is answered too, and static/js/quick_exit.js takes its words out of the address."""
    words = request.POST if request.method == "POST" else request.GET
    query = parse_query(words.get("q", ""), get_language())
    results = find(query)
    context = {"search_query": query, "results": results, "last_updated": None}
    # The language links carry a link's words as far as they were used (200 characters); posted words, never.
    request.language_query = urlencode({"q": query.text}) if request.method == "GET" and query.text else ""
    if not results:
        # Nothing found (or nothing asked): show the ways on that every page starts from.
        menu = GuidancePage.objects.menu()
        context.update(pages=menu.choices, more_pages=menu.more, **City.objects.chooser())
    response = render(request, "site/search.html", context)
    # What a person typed is theirs: no shared cache, no browser cache, no offline copy keeps it.
    patch_cache_control(response, private=True, no_store=True)
    return response


@depends_on()
def offline(request):
    """What the service worker shows for a page that is not saved on the device."""
    return render(request, "site/offline.html", {"last_updated": None})


@serves("POST")
@csrf_exempt  # the short form is on the cached home page; it changes and stores nothing
@never_cache  # what a person typed about themselves: private, never stored, never kept offline
@transaction.non_atomic_requests  # it only reads: no savepoints to spend the query budget on
def plan(request):
    """"What should I do now?": the person's steps with their own dates. The form posts, so the
    situation and the date are in no address and no history; nothing is stored."""
    cities = list(City.objects.listed())
    form = PlanForm((request.POST if request.method == "POST" else request.GET) or None, cities=cities)
    context = {"form": form, "date_questions": DATE_QUESTIONS, "last_updated": None}
    status = 200
    if form.is_valid():
        situation = Situation(form.cleaned_data["situation"])
        steps = steps_for(situation, form.cleaned_data["date"], form.cleaned_data["time"])
        city = next((c for c in cities if c.slug == form.cleaned_data["city"]), None)
        add_partners(steps, city)
        context.update(
            situation=situation, steps=steps, city=city, dates_are_from=situation in FROM_DATES,
            has_dates=any(step.deadline for step in steps),
            apply_offices=apply_offices(city),
        )
    elif form.is_bound:
        status = 400
    return render(request, "site/plan.html", context, status=status)


@never_cache  # the person's own dates: never stored anywhere but where they choose to save the file
@csrf_exempt  # the plan page carries no per-visitor token; config.same_origin protects the button instead
@serves("POST")
@require_POST
@transaction.non_atomic_requests
def plan_calendar_file(request):
    """The plan's dates as a calendar file, for a person who asked for it after the warning (never stored)."""
    form = PlanForm(request.POST, cities=[])
    if not is_same_origin(request) or not form.is_valid():
        return render(request, "site/plan.html", {"form": form, "last_updated": None, "calendar_refused": True}, status=400)
    steps = steps_for(form.cleaned_data["situation"], form.cleaned_data["date"], form.cleaned_data["time"])
    response = HttpResponse(plan_calendar(steps, made_at=timezone.now()), content_type="text/calendar; charset=utf-8")
    # A neutral file name: it stays in the phone's downloads.
    response["Content-Disposition"] = 'attachment; filename="dates.ics"'
    return response

