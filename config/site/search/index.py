"""What the site search can find, kept in `SearchEntry` rows: one row per section or directory entry and reader language.

Refreshed where content changes: when a revision is published (the `page_published` signal), and
for the directory by signals on every save or delete of a city, office, partner, branch or kind of
help (the admin and the content loader both go through them). Only the rows the change touched are
rebuilt (a city's own offices and partners, the partners that give a kind of help), all of them at
once after the transaction commits: a save costs the same however large the directory is, and a
change that is rolled back leaves the index alone. `rebuild()` (command `manage.py
rebuild_search_index`) redoes everything.
"""

import threading
from dataclasses import dataclass
from html.parser import HTMLParser

from django.conf import settings
from django.db import DEFAULT_DB_ALIAS, connection, transaction
from django.db.models.signals import m2m_changed, post_delete, post_migrate, post_save
from django.urls import reverse
from django.utils.translation import gettext, override

from config.language_fallback import Localized, localized
from guidance import signals as guidance_signals
from guidance.models import GuidancePage
from guidance.rendering import render_markdown
from offices.closures import closure_of
from offices.models import City, FormerCityName, Office
from partners.models import Branch, Partner, Service

from ..models import SearchEntry
from .query import POSTGRES_CONFIGS
from .text import index_text

LANGUAGE_CODES = [code for code, _name in settings.LANGUAGES]
Kind = SearchEntry.Kind
# Ties in ranking go to guidance first, then cities, kinds of help, offices and partners.
KIND_PRIORITY = {Kind.GUIDANCE: 0, Kind.CITY: 1000, Kind.SERVICE: 2000, Kind.OFFICE: 3000, Kind.PARTNER: 4000}
FORMER_OFFICE_PRIORITY = 500


# --- Guidance pages: one row per section ---------------------------------------------------------


@dataclass
class RenderedSection:
    """The text of one rendered h2/h3 section of a guidance page, with its deep-link anchor."""

    anchor: str
    heading: str
    text: str


class _SectionSplitter(HTMLParser):
    """Cuts rendered guidance HTML at its h2/h3 headings, whose ids are the page's deep-link anchors."""

    BLOCKS = {"p", "li", "tr", "td", "th", "br", "blockquote", "pre", "h4", "hr"}

    def __init__(self):
        super().__init__()
        self.sections = [RenderedSection("", "", "")]
        self.heading_tag = None
        self.parts = {"heading": [], "text": []}

    def handle_starttag(self, tag, attrs):
        if tag in ("h2", "h3") and dict(attrs).get("id"):
            self._close()
            self.sections.append(RenderedSection(dict(attrs)["id"], "", ""))
            self.heading_tag = tag
        elif tag in self.BLOCKS:
            self.parts["text"].append(" ")

    def handle_endtag(self, tag):
        if tag == self.heading_tag:
            self.heading_tag = None
        elif tag in self.BLOCKS:
            self.parts["text"].append(" ")

    def handle_data(self, data):
        self.parts["heading" if self.heading_tag else "text"].append(data)

    def _close(self):
        section = self.sections[-1]
        section.heading = " ".join("".join(self.parts["heading"]).split())
        section.text = " ".join("".join(self.parts["text"]).split())
        self.parts = {"heading": [], "text": []}

    def close(self):
        super().close()
        self._close()


def sections(html):
    """The text before the first heading, then each h2/h3 section: (anchor, heading, text)."""
    splitter = _SectionSplitter()
    splitter.feed(html)
    splitter.close()
    return splitter.sections


def _entry(language, kind, object_id, title, body_text, body_language, *, position=0, priority=0, path="",
           anchor="", heading="", other_languages=""):
    return SearchEntry(
        language=language, kind=kind, object_id=object_id, position=position, priority=priority,
        path=path, anchor=anchor, title=title.value, title_language=title.language,
        heading=heading, body=body_text, body_language=body_language,
        text_search_config=POSTGRES_CONFIGS.get(body_language, "simple"),
        search_title=index_text(title.value, title.language),
        search_heading=index_text(heading, body_language),
        search_body=index_text(body_text, body_language),
        search_other_languages=other_languages,
    )


def _other_languages(shown):
    """Languages whose names and titles a reader may also type: a Kazakh reader may search in Russian."""
    return [code for code in LANGUAGE_CODES if code not in shown]


def _names_in_other_languages(objects, fields, shown):
    """Normalised names (short fields) of the objects in every language but those shown."""
    return "".join(
        index_text(getattr(obj, f"{field}_{code}", "") or "", code)
        for code in _other_languages(shown)
        for obj in objects
        for field in fields
    )


def _guidance_entries(page):
    revision = page.current_revision
    for language in LANGUAGE_CODES:
        with override(language):
            path = page.get_absolute_url()
        title = localized(revision, "title", language)
        summary = localized(revision, "summary", language)
        body = localized(revision, "body", language)
        top, *rest = sections(render_markdown(body.value).html)
        other = "".join(
            index_text(getattr(revision, f"title_{code}", "") or "", code)
            + "".join(
                index_text(heading.text, code)
                for heading in render_markdown(getattr(revision, f"body_{code}", "") or "").headings
            )
            for code in _other_languages({title.language, body.language})
        )
        yield _entry(
            language, Kind.GUIDANCE, page.pk, title, f"{summary.value} {top.text}".strip(), summary.language,
            priority=page.order, path=path, other_languages=other,
        )
        for position, section in enumerate(rest, start=1):
            yield _entry(
                language, Kind.GUIDANCE, page.pk, title, section.text, body.language, position=position,
                priority=page.order, path=path, anchor=section.anchor, heading=section.heading,
            )


def refresh_guidance_page(page):
    """Make search find what readers now see of this page (call after publishing)."""
    page = GuidancePage.objects.select_related("current_revision").get(pk=page.pk)
    _replace(Kind.GUIDANCE, [page.pk], _guidance_entries(page) if page.current_revision else [])


# --- The directory: one row per entry ----------------------------------------------------------


def _joined(values, language):
    """Several localized values as one text, in the language most of it is written in."""
    present = [value for value in values if value.value]
    text = " · ".join(value.value for value in present)
    languages = [value.language for value in present]
    return text, max(set(languages), key=languages.count) if languages else language


def _city_entries(city):
    former = list(city.former_names.all())
    for language in LANGUAGE_CODES:
        with override(language):
            path = city.get_absolute_url()
        text, text_language = _joined([localized(name, "name", language) for name in former], language)
        yield _entry(
            language, Kind.CITY, city.pk, localized(city, "name", language), text, text_language,
            priority=KIND_PRIORITY[Kind.CITY] + city.order, path=path,
            other_languages=_names_in_other_languages([city, *former], ["name"], {language}),
        )


def _closures(places, language):
    """Each place's temporary closure with its dates, as indexed text (true whenever it is read)."""
    closures = [closure_of(place) for place in places]
    label = gettext("Temporarily closed")
    return [Localized(closure.summary(label), language, False) for closure in closures if closure is not None]


def _office_entries(office):
    for language in LANGUAGE_CODES:
        with override(language):
            path = office.get_absolute_url()
            kind = Localized(str(office.get_kind_display()), language, False)
            former = [] if office.is_current else [Localized(gettext("This office no longer does this work."), language, False)]
            closure = _closures([office], language)
        city = [localized(office.city, "name", language)] if office.city else []
        fields = [localized(office, name, language) for name in ("address", "opening_hours", "notes")]
        text, text_language = _joined([*former, *closure, kind, *city, *fields], language)
        # The address as a taxi driver reads it is findable, but not shown in an excerpt of another language.
        driver_address = index_text(office.driver_address, office.address_local_language)
        yield _entry(
            language, Kind.OFFICE, office.pk, localized(office, "name", language), text, text_language,
            priority=KIND_PRIORITY[Kind.OFFICE] + (0 if office.is_current else FORMER_OFFICE_PRIORITY) + office.order,
            path=path, other_languages=_names_in_other_languages([office], ["name"], {language}) + driver_address,
        )


def _service_entries(service):
    for language in LANGUAGE_CODES:
        with override(language):
            path = f"{reverse('partners:partners')}?service={service.slug}"
        description = localized(service, "description", language)
        yield _entry(
            language, Kind.SERVICE, service.pk, localized(service, "name", language), description.value,
            description.language, priority=KIND_PRIORITY[Kind.SERVICE] + service.order, path=path,
            other_languages=_names_in_other_languages([service], ["name"], {language}),
        )


def _partner_entries(partner):
    services = list(partner.services.all())
    cities = {branch.city_id: branch.city for branch in partner.branches.all()}.values()
    branches = list(partner.branches.all())
    for language in LANGUAGE_CODES:
        with override(language):
            path = partner.get_absolute_url()
            closures = _closures(branches, language)
        text, text_language = _joined(
            [*closures, localized(partner, "short_name", language), localized(partner, "description", language)]
            + [localized(service, "name", language) for service in services]
            + [localized(city, "name", language) for city in cities],
            language,
        )
        yield _entry(
            language, Kind.PARTNER, partner.pk, localized(partner, "name", language), text, text_language,
            priority=KIND_PRIORITY[Kind.PARTNER] + partner.order, path=path,
            other_languages=_names_in_other_languages([partner], ["name", "short_name"], {language}),
        )


# What each kind of entry is made from: the rows to index (the queryset) and how.
SOURCES = {
    Kind.CITY: (lambda: City.objects.prefetch_related("former_names"), _city_entries),
    Kind.SERVICE: (lambda: Service.objects.all(), _service_entries),
    Kind.OFFICE: (lambda: Office.objects.select_related("city"), _office_entries),
    Kind.PARTNER: (
        lambda: Partner.objects.filter(is_active=True).prefetch_related("services", "branches__city"),
        _partner_entries,
    ),
}


def refresh(kind, ids=None):
    """Rebuild the rows of these directory entries (all of the kind when ids is None)."""
    queryset, build = SOURCES[kind]
    objects = queryset() if ids is None else queryset().filter(pk__in=list(ids))
    entries = [entry for obj in objects for entry in build(obj)]
    _replace(kind, ids, entries)


def _replace(kind, ids, entries):
    stale = SearchEntry.objects.filter(kind=kind)
    if ids is not None:
        stale = stale.filter(object_id__in=list(ids))
    stale.delete()
    SearchEntry.objects.bulk_create(entries, batch_size=500)


def refresh_after_commit(kind, ids=None):
    """Refresh these rows (all of the kind when ids is None) once the transaction commits, together
    with every other row the same transaction changed."""
    waiting = transaction.get_connection().run_on_commit
    if not any(entry[1] is _refresh_pending for entry in waiting):
        _pending.rows = {}  # rows gathered by a transaction that rolled back: nothing of it happened
    pending = _pending.__dict__.setdefault("rows", {})
    if kind in pending and pending[kind] is None:
        return
    pending[kind] = None if ids is None else pending.get(kind, set()) | set(ids)
    transaction.on_commit(_refresh_pending)  # a no-op when an earlier callback already did the work


_pending = threading.local()


def _refresh_pending():
    rows, _pending.rows = getattr(_pending, "rows", {}), {}
    with transaction.atomic():
        for kind, ids in rows.items():
            if kind == Kind.GUIDANCE:
                for page in GuidancePage.objects.filter(pk__in=ids):
                    refresh_guidance_page(page)
            else:
                refresh(kind, ids)


def rebuild():
    """Index everything readers can see now."""
    for page in GuidancePage.objects.published():
        refresh_guidance_page(page)
    for kind in SOURCES:
        refresh(kind)


# --- Keeping the directory rows fresh ----------------------------------------------------------


def _renamed(kind, obj):
    """Whether the name a reader of some language sees differs from the one the index holds: one query.

    Offices and partners are indexed with the names of their city and their kinds of help, so only
    a new name (not a new order, say) needs their rows rebuilt.
    """
    held = dict(SearchEntry.objects.filter(kind=kind, object_id=obj.pk).values_list("language", "title"))
    return any(held.get(code) != localized(obj, "name", code).value for code in LANGUAGE_CODES)


def _city_dependents(city, deleted):
    if not deleted and not _renamed(Kind.CITY, city):
        return [(Kind.CITY, [city.pk])]
    return [
        (Kind.CITY, [city.pk]),
        (Kind.OFFICE, Office.objects.filter(city=city.pk).values_list("pk", flat=True)),
        (Kind.PARTNER, Partner.objects.filter(branches__city=city.pk).values_list("pk", flat=True).distinct()),
    ]


def _service_dependents(service, deleted):
    if deleted:  # its links to partners are gone with it: refresh them all
        return [(Kind.SERVICE, [service.pk]), (Kind.PARTNER, None)]
    if not _renamed(Kind.SERVICE, service):
        return [(Kind.SERVICE, [service.pk])]
    return [(Kind.SERVICE, [service.pk]), (Kind.PARTNER, Partner.objects.filter(services=service.pk).values_list("pk", flat=True))]


# The rows to refresh when one of these is saved or deleted: (kind, ids), ids None for all of the kind.
DEPENDENT_ROWS = {
    City: _city_dependents,
    FormerCityName: lambda name, deleted: [(Kind.CITY, [name.city_id])],
    Office: lambda office, deleted: [(Kind.OFFICE, [office.pk])],
    Service: _service_dependents,
    Partner: lambda partner, deleted: [(Kind.PARTNER, [partner.pk])],
    Branch: lambda branch, deleted: [(Kind.PARTNER, [branch.partner_id])],
}


def _directory_changed(sender, instance, raw=False, signal=None, **kwargs):
    if raw:  # loading fixtures: `rebuild_search_index` afterwards
        return
    for kind, ids in DEPENDENT_ROWS[sender](instance, signal is post_delete):
        refresh_after_commit(kind, None if ids is None else list(ids))


def _partner_services_changed(sender, instance, action, reverse, pk_set, **kwargs):
    if action in ("post_add", "post_remove", "post_clear"):
        # Seen from a service, pk_set holds the partners; a clear (pk_set None) refreshes them all.
        refresh_after_commit(Kind.PARTNER, pk_set if reverse else [instance.pk])


def rebuild_if_empty(sender, using=DEFAULT_DB_ALIAS, **kwargs):
    """After `migrate`: a database that has content but no index yet (an upgrade) gets one."""
    if using != DEFAULT_DB_ALIAS or SearchEntry._meta.db_table not in connection.introspection.table_names():
        return
    if not SearchEntry.objects.exists() and (GuidancePage.objects.published().exists() or City.objects.exists()):
        rebuild()


def page_published(sender, page, revision, **kwargs):
    refresh_after_commit(Kind.GUIDANCE, [page.pk])


def connect_signals(guidance_app):
    guidance_signals.page_published.connect(page_published, dispatch_uid="search_index.page_published")
    for model in DEPENDENT_ROWS:
        name = model._meta.label_lower
        post_save.connect(_directory_changed, sender=model, dispatch_uid=f"search_index.{name}.save")
        post_delete.connect(_directory_changed, sender=model, dispatch_uid=f"search_index.{name}.delete")
    m2m_changed.connect(
        _partner_services_changed, sender=Partner.services.through, dispatch_uid="search_index.partner_services"
    )
    post_migrate.connect(rebuild_if_empty, sender=guidance_app, dispatch_uid="search_index.rebuild_if_empty")
