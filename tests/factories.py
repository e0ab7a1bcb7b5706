"""Content for tests, made the way staff make it: guidance pages and their revisions, offices, partners.

Tests ask for what they need here instead of building rows by hand, so that a change to how content
is stored changes one file.
"""

from django.test import TestCase

from config.site.models import Notice
from config.sources.models import Check
from guidance.models import GuidancePage, Revision
from guidance.publishing import publish
from offices.models import City, Office
from partners.models import Branch, Partner

QUERY_BUDGET = 8  # SQL queries any public page may run, whatever the amount of content (docs/architecture.md)

PLACEHOLDER_TEXT = {"title_en": "Title", "summary_en": "Summary", "body_en": "Body"}

# A sentence of the starting English of the asylum-seekers page, and the change to it that the translation
# tests make: one paragraph that translators must update, the rest of the page untouched.
ASYLUM_SEEKERS = "asylum-seekers"
DECISION_SENTENCE = "You stay an asylum-seeker until there is a final decision on your application."
APPEAL_SENTENCE = "You stay an asylum-seeker until there is a final decision on your application, including the time to appeal."


def guidance_page(page):
    """The GuidancePage itself, from a page or its slug."""
    return page if isinstance(page, GuidancePage) else GuidancePage.objects.get(slug=page)


def draft_revision(page="refugees", *, keep_current_text=False, **fields):
    """A new revision of a page that readers do not see yet.

    Its text is a short placeholder, or with keep_current_text the English readers see now; `fields`
    (title_ru=…, significance=…, change_note_en=…) override either.
    """
    page = guidance_page(page)
    values = dict(PLACEHOLDER_TEXT)
    if keep_current_text and page.current_revision is not None:
        values = {name: getattr(page.current_revision, name) for name in PLACEHOLDER_TEXT}
    values.update(fields)
    return Revision.objects.create(page=page, **values)


def committed():
    """A block whose changes are committed, as far as what waits for the commit is concerned (the
    search index, the page cache): tests run inside a transaction that is never committed."""
    return TestCase.captureOnCommitCallbacks(execute=True)


def published_revision(page="refugees", **kwargs):
    """A new revision of a page, published at once and committed (see draft_revision for the arguments)."""
    with committed():
        return publish(draft_revision(page, **kwargs))


def new_guidance_page(slug, *, audience="refugee", order=9, **fields):
    """A page that did not exist before, published with one revision (English unless fields say more)."""
    page = GuidancePage.objects.create(slug=slug, audience=audience, order=order)
    published_revision(page, **fields)
    page.refresh_from_db()
    return page


def starting_office(slug):
    """An office of the starting content, as stored now."""
    return Office.objects.get(slug=slug)


def office(slug, *, city="almaty", kind=Office.Kind.ASYLUM_AUTHORITY, **fields):
    """A current office in a city (a slug of City or a City)."""
    city = city if isinstance(city, City) else City.objects.get(slug=city)
    values = {"name_en": slug.replace("-", " ").title(), "address_en": "1 Test St.", **fields}
    return Office.objects.create(slug=slug, city=city, kind=kind, **values)


def partner(slug, *, branches=(), **fields):
    """An active partner, with a branch in each city slug given."""
    created = Partner.objects.create(slug=slug, name_en=fields.pop("name_en", slug.title()), **fields)
    for city_slug in branches:
        Branch.objects.create(partner=created, city=City.objects.get(slug=city_slug), address_en="1 Test St.")
    return created


def notice(title="The Astana office is closed", *, cities=(), offices=(), branches=(), pages=(), published=True, **fields):
    """A notice (published unless told otherwise), linked to the cities, offices, branches and pages given by slug."""
    status = Notice.Status.PUBLISHED if published else Notice.Status.DRAFT
    created = Notice.objects.create(title_en=fields.pop("title_en", title), status=status, **fields)
    created.cities.set(City.objects.filter(slug__in=cities))
    created.offices.set(Office.objects.filter(slug__in=offices))
    created.branches.set(branches)
    created.pages.set(GuidancePage.objects.filter(slug__in=pages))
    return created


def check(entry, on, *, method=Check.Method.PHONE, by=None, note=""):
    """A check of a directory entry recorded by staff on the day `on`: it sets the entry's public
    "checked on" and the due date of its next check."""
    Check(entry=entry, method=method, checked_on=on, checked_by=by, note=note).save()
    entry.refresh_from_db()
    return entry
