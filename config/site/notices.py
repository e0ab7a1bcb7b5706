"""Which notices a reader sees on a page, in one query, and when that page changes by itself.

Where a notice applies is read from the page's address: a city page (and its print sheet) shows the
notices of the city, of its offices and of the partner branches there; an office page those of the
office and its city; a partner page those of its branches; a guidance page (and its history) its own.
Every page shows the notices for the whole site. The page cache stores a page until the next start or
end of a notice it could show (`valid_until`), and its Last-Modified is never older than the last start
or end that changed it (`changed_at`), so a notice appears and disappears on time with no save.
"""

from dataclasses import dataclass, field

from django.db.models import Prefetch, Q, Subquery
from django.utils import timezone
from django.utils.functional import SimpleLazyObject

from config.page_cache import changed_at, declare, valid_until
from guidance.models import GuidancePage
from offices.models import Office
from partners.models import Branch

from .models import Notice

NOTICES = "notices"  # the page-cache tag of every page that shows notices


def _linked(relation, **lookups):
    """Notices linked through one of their many-to-many fields to rows matching `lookups` (a subquery)."""
    through = getattr(Notice, relation).through
    return Q(pk__in=through.objects.filter(**lookups).values("notice_id"))


def _city_scope(slug):
    return (
        _linked("cities", city__slug=slug)
        | _linked("offices", office__city__slug=slug)
        | _linked("branches", branch__city__slug=slug)
    )


# Page (URL name) → the notices it shows besides the site-wide ones, from the page's slug.
SCOPES = {
    "site:city": _city_scope,
    "site:city_print": _city_scope,
    "offices:office": lambda slug: _linked("offices", office__slug=slug) | _linked("cities", city__offices__slug=slug),
    "partners:partner": lambda slug: _linked("branches", branch__partner__slug=slug),
    "guidance:page": lambda slug: _linked("pages", guidancepage__slug=slug),
    "guidance:history": lambda slug: _linked("pages", guidancepage__slug=slug),
}
OWN_LIST = {"site:notices"}  # pages that list notices themselves, without the banner


@dataclass
class NoticeBoard:
    """The notices a page shows now, and the moments around now at which that changes."""

    current: list = field(default_factory=list)
    next_change: object = None  # the next start or end among the notices the page could show
    last_change: object = None  # the last start or end that changed what the page shows

    @property
    def urgent(self):
        return [notice for notice in self.current if notice.is_urgent]

    @property
    def information(self):
        return [notice for notice in self.current if not notice.is_urgent]

    def __bool__(self):
        return bool(self.current)


def board(notices, now):
    """Split notices (not over, plus the last ended one) into what shows now and when that changes."""
    shown, next_change, last_change = [], None, None
    for notice in notices:
        if notice.ends_at is not None and notice.ends_at <= now:
            last_change = _latest(last_change, notice.ends_at)
        elif notice.starts_at > now:
            next_change = _earliest(next_change, notice.starts_at)
        else:
            shown.append(notice)
            last_change = _latest(last_change, notice.starts_at)
            next_change = _earliest(next_change, notice.ends_at)
    shown.sort(key=lambda notice: (notice.starts_at, notice.pk), reverse=True)
    return NoticeBoard(shown, next_change, last_change)


def _earliest(one, other):
    return other if one is None else one if other is None else min(one, other)


def _latest(one, other):
    return other if one is None else one if other is None else max(one, other)


def notices_where(scope, now, prefetch=()):
    """Published notices in `scope` that are not over, and the one that ended last: one query."""
    published = Notice.objects.published().filter(scope)
    last_end = published.filter(ends_at__lte=now).order_by("-ends_at").values("ends_at")[:1]
    not_over = Q(ends_at__isnull=True) | Q(ends_at__gt=now) | Q(ends_at=Subquery(last_end))
    return list(published.filter(not_over).prefetch_related(*prefetch))


def follow(request, notice_board):
    """Tell the page cache about the notices the page shows: their tag and their moments."""
    if getattr(request, "cache_tags", None) is not None:  # a page that declares nothing depends on all content
        declare(request, NOTICES)
    valid_until(request, notice_board.next_change)
    changed_at(request, notice_board.last_change)


def page_scope(request):
    """The notices the requested page can show (a Q), or None for a page that lists them itself."""
    match = getattr(request, "resolver_match", None)
    view_name = match.view_name if match else ""
    if view_name in OWN_LIST:
        return None
    scope = Q(site_wide=True)
    slug = match.kwargs.get("slug") if match else None
    if view_name in SCOPES and slug:
        scope |= SCOPES[view_name](slug)
    return scope


def notices_for(request):
    """The NoticeBoard of the requested page, read once per request."""
    if not hasattr(request, "_notice_board"):
        scope = page_scope(request)
        now = timezone.now()
        request._notice_board = board(notices_where(scope, now), now) if scope is not None else NoticeBoard()
        follow(request, request._notice_board)
    return request._notice_board


def context(request):
    """Context processor: `page_notices`, read only when a template shows them (never on admin pages)."""
    return {"page_notices": SimpleLazyObject(lambda: notices_for(request))}


def started_notices(now, limit):
    """Published notices that have started, newest start first, and the next start to come: one query."""
    published = Notice.objects.published()
    next_start = published.filter(starts_at__gt=now).order_by("starts_at").values("starts_at")[:1]
    # The next one to start sorts first, so the slice never drops it.
    rows = list(published.filter(Q(starts_at__lte=now) | Q(starts_at=Subquery(next_start))).order_by("-starts_at", "-pk")[: limit + 1])
    coming = [notice.starts_at for notice in rows if notice.starts_at > now]
    return [notice for notice in rows if notice.starts_at <= now][:limit], min(coming, default=None)


def where_it_applies():
    """What the notice list shows of each notice's places: one query per kind of place."""
    return [
        "cities",
        Prefetch("offices", queryset=Office.objects.select_related("city")),
        Prefetch("branches", queryset=Branch.objects.select_related("partner", "city")),
        Prefetch("pages", queryset=GuidancePage.objects.select_related("current_revision")),
    ]


def open_data_alerts(request):
    """For the open data (HSDS): the notices in effect for each office and branch, by their uuid.

    Two queries whatever the number of notices; the document changes when one of them starts or ends.
    """
    now = timezone.now()
    alerts = {}
    for relation, place in (("offices", "office"), ("branches", "branch")):
        links = (
            getattr(Notice, relation).through.objects.filter(notice__in=Notice.objects.published().not_over(now))
            .select_related("notice", place)
            .order_by("-notice__starts_at")
        )
        for link in links:
            notice = link.notice
            if notice.starts_at > now:
                valid_until(request, notice.starts_at)
                continue
            valid_until(request, notice.ends_at)
            changed_at(request, notice.starts_at)
            alerts.setdefault(getattr(link, place).uuid, []).append(notice)
    return alerts
