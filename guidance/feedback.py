"""Anonymous "Was this page useful?" answers: where they may come from, how many, and the staff readout.

No answer creates a session or stores anything that points back to a person:
- one answer per guidance page per browser: a signed cookie that ends when the browser closes
  (ANSWERED_COOKIE) lists the pages answered, and the id of a "No" vote only until its reason is given;
- at most VOTES_PER_HOUR answers per client address and clock hour, counted in the cache under a keyed
  hash of the address whose key changes every day (`vote_allowed`), so a client that throws its
  cookies away cannot flood the counts, and the count cannot be traced back to an address afterwards
  (config/flood_limit.py, shared with the reports of wrong information).
"""

from dataclasses import dataclass, field

from django.conf import settings
from django.db.models import Count, Q

from config import flood_limit
from config.language_fallback import language_name

from .models import FeedbackVote, GuidancePage, Revision

ANSWERED_COOKIE = "answered"
COOKIE_SALT = "guidance.feedback.answered"
MAX_REMEMBERED = 50  # pages a cookie lists; nobody answers more in one sitting
VOTES_PER_HOUR = 20  # per client address: a family or an NGO office shares one


# --- The flood limit -------------------------------------------------------------------------------


def vote_allowed(request):
    """Count one answer from this client; False once it sent VOTES_PER_HOUR this clock hour."""
    return flood_limit.allowed(request, "feedback", VOTES_PER_HOUR)


# --- Answers this browser gave, in a signed cookie ------------------------------------------------


def answered(request):
    """{page pk: pk of a "No" vote awaiting its reason, or 0} from this browser's cookie."""
    value = request.get_signed_cookie(ANSWERED_COOKIE, default="", salt=COOKIE_SALT)
    pages = {}
    for item in value.split(",")[:MAX_REMEMBERED]:
        page_pk, _colon, vote_pk = item.partition(":")
        if page_pk.isdigit() and vote_pk.isdigit():
            pages[int(page_pk)] = int(vote_pk)
    return pages


def remember(response, pages):
    """Write the answered pages into the response's cookie (it ends when the browser closes)."""
    value = ",".join(f"{page_pk}:{vote_pk}" for page_pk, vote_pk in list(pages.items())[-MAX_REMEMBERED:])
    response.set_signed_cookie(
        ANSWERED_COOKIE, value, salt=COOKIE_SALT, httponly=True, samesite="Lax", secure=settings.SESSION_COOKIE_SECURE,
    )
    return response


def has_answered(pages, page):
    return page.pk in pages


def vote_awaiting_reason(pages, page):
    """The pk of this browser's "No" vote on the page whose reason is not given yet, or None."""
    return pages.get(page.pk) or None


def record_vote(pages, revision, language, useful):
    """Count an answer about the revision read in this language; the pages answered afterwards."""
    if has_answered(pages, revision.page):
        return pages
    vote = FeedbackVote.objects.create(revision=revision, language=language, useful=useful)
    return {**pages, revision.page_id: 0 if useful else vote.pk}


def add_reason(pages, page, reason):
    """Add the reason to this browser's "No" vote on the page, once; the pages answered afterwards."""
    vote_pk = vote_awaiting_reason(pages, page)
    if vote_pk is None:
        return pages
    FeedbackVote.objects.filter(pk=vote_pk, revision__page=page, useful=False, reason="").update(reason=reason)
    return {**pages, page.pk: 0}  # forget which vote it was


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
