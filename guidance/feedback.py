"""Anonymous "Was this page useful?" answers: where they may come from, one per page per session, and the staff readout.

Flood limit: one answer per guidance page per browser session. The session (Django's, ended when
the browser closes) remembers which pages were answered, and the id of a "No" vote only until its
reason is given or the session ends; votes themselves hold nothing that points back to a person.
"""

from dataclasses import dataclass, field
from urllib.parse import urlsplit

from django.conf import settings
from django.db.models import Count, Q

from config.language_fallback import language_name

from .models import FeedbackVote, GuidancePage, Revision

SESSION_KEY = "guidance_feedback"  # {str(page pk): pk of a "No" vote awaiting its reason, or 0}


# --- Where a vote may come from ------------------------------------------------------------------


def is_same_origin(request):
    """Whether the browser says this POST was sent from one of our own pages.

    This is the vote form's CSRF protection. The form sits on guidance pages that are cached whole
    and served to every reader, so it cannot carry Django's per-visitor CSRF token: a cached token
    would be another reader's, and varying the cache on Cookie would give every reader (they all have
    the language cookie) a private copy, which is no cache at all. Instead we rely on headers a web
    page cannot set: Sec-Fetch-Site (sent by every current browser), else Origin (sent with every
    POST since 2020), else Referer, which our `same-origin` Referrer-Policy keeps for our own pages.
    A request with none of them is refused.
    """
    fetch_site = request.headers.get("Sec-Fetch-Site")
    if fetch_site:
        return fetch_site == "same-origin"
    origin = request.headers.get("Origin")
    if origin and origin != "null":
        return _is_our_origin(origin, request)
    referer = request.headers.get("Referer")
    return bool(referer) and _is_our_origin(referer, request)


def _is_our_origin(url, request):
    parts = urlsplit(url)
    origin = f"{parts.scheme}://{parts.netloc}"
    return origin == f"{request.scheme}://{request.get_host()}" or origin in settings.CSRF_TRUSTED_ORIGINS


# --- Votes, one per page per session -------------------------------------------------------------


def has_answered(session, page):
    return str(page.pk) in session.get(SESSION_KEY, {})


def vote_awaiting_reason(session, page):
    """The pk of this session's "No" vote on the page whose reason is not given yet, or None."""
    return session.get(SESSION_KEY, {}).get(str(page.pk)) or None


def _remember(session, page, vote_pk):
    answered = dict(session.get(SESSION_KEY, {}))
    answered[str(page.pk)] = vote_pk
    session[SESSION_KEY] = answered


def record_vote(session, revision, language, useful):
    """Count an answer about the revision read in this language, unless this session answered for the page."""
    if has_answered(session, revision.page):
        return None
    vote = FeedbackVote.objects.create(revision=revision, language=language, useful=useful)
    _remember(session, revision.page, 0 if useful else vote.pk)
    return vote


def add_reason(session, page, reason):
    """Add the reason to this session's "No" vote on the page; only once, and only to that vote."""
    vote_pk = vote_awaiting_reason(session, page)
    if vote_pk is None:
        return False
    FeedbackVote.objects.filter(pk=vote_pk, revision__page=page, useful=False, reason="").update(reason=reason)
    _remember(session, page, 0)  # forget which vote it was
    return True


# --- The staff readout ---------------------------------------------------------------------------


@dataclass
class LanguageCounts:
    language: str
    useful: int = 0
    not_useful: int = 0
    reasons: dict = field(default_factory=dict)  # reason value -> count

    @property
    def language_name(self):
        return language_name(self.language)

    @property
    def total(self):
        return self.useful + self.not_useful

    @property
    def percent_useful(self):
        return round(100 * self.useful / self.total) if self.total else None

    @property
    def reason_counts(self):
        """Counts in the order of FeedbackVote.Reason, then answers with no reason given."""
        given = [self.reasons.get(reason, 0) for reason in FeedbackVote.Reason.values]
        return [*given, self.not_useful - sum(given)]


@dataclass
class RevisionCounts:
    revision: Revision
    is_current: bool
    languages: list

    @property
    def all_languages(self):
        total = LanguageCounts(language="")
        for counts in self.languages:
            total.useful += counts.useful
            total.not_useful += counts.not_useful
            for reason, count in counts.reasons.items():
                total.reasons[reason] = total.reasons.get(reason, 0) + count
        return total


@dataclass
class PageCounts:
    page: GuidancePage
    revisions: list  # the current revision, then the one before it


def readout():
    """For every published page: answers per language for its current and previous revisions."""
    pages = list(GuidancePage.objects.for_reading())
    published = (
        Revision.objects.published()
        .filter(page__in=pages)
        .order_by("page", "-published_at", "-pk")
    )
    shown = {}
    for revision in published:
        revisions = shown.setdefault(revision.page_id, [])
        if len(revisions) < 2:
            revisions.append(revision)
    counts = (
        FeedbackVote.objects.filter(revision__in=[r for revisions in shown.values() for r in revisions])
        .values("revision", "language", "reason")
        .annotate(yes=Count("pk", filter=Q(useful=True)), no=Count("pk", filter=Q(useful=False)))
        .order_by()
    )
    by_revision = {}
    for row in counts:
        languages = by_revision.setdefault(row["revision"], {})
        entry = languages.setdefault(row["language"], LanguageCounts(language=row["language"]))
        entry.useful += row["yes"]
        entry.not_useful += row["no"]
        if row["reason"]:
            entry.reasons[row["reason"]] = entry.reasons.get(row["reason"], 0) + row["no"]
    order = [code for code, _name in settings.LANGUAGES]
    return [
        PageCounts(
            page=page,
            revisions=[
                RevisionCounts(
                    revision=revision,
                    is_current=revision.pk == page.current_revision_id,
                    languages=sorted(
                        by_revision.get(revision.pk, {}).values(),
                        key=lambda counts: order.index(counts.language) if counts.language in order else len(order),
                    ),
                )
                for revision in shown.get(page.pk, [])
            ],
        )
        for page in pages
    ]
