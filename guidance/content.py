"""Load guidance pages, their dated revisions and the key figures from guidance/content/.

Each page is a folder: `page.yaml`, then one Markdown file per revision and language,
`<publish date>.<language>.md`. The English file's header names the revision's sources (keys of
`config/sources/content/sources.yaml`, the documents its facts come from, each with as of when they were true) and, for a
text taken from older documents, `dated_by_source: true`: its file date only keeps the history in
order, and readers are shown the sources' dates instead. A machine-assisted translation's header says
`machine_assisted: true`: loaded, it waits for a native speaker's review (guidance/native_review.py). A
revision already loaded is never touched again, except that one loaded before revisions had sources is
given those its file names.
"""

import datetime
from collections import defaultdict
from pathlib import Path
from zoneinfo import ZoneInfo

from django.conf import settings

from config.content_files import LANGUAGE_CODES, localized_values, read_front_matter, read_yaml, translated

from . import native_review
from .models import GuidancePage, KeyFigure, Revision, Significance, Source
from .publishing import publish

CONTENT_DIR = Path(__file__).resolve().parent / "content"


def load(report):
    load_pages(report)
    load_key_figures(report)


def load_pages(report):
    for page_dir in sorted(p for p in (CONTENT_DIR / "pages").iterdir() if p.is_dir()):
        meta = read_yaml(page_dir / "page.yaml")
        page, created = GuidancePage.objects.get_or_create(
            slug=page_dir.name, defaults={"audience": meta["audience"], "order": meta.get("order", 100)}
        )
        report(GuidancePage, created)
        for date, files in sorted(revision_files(page_dir).items()):
            import_key = f"{page.slug}/{date}"
            header, _body = read_front_matter(files[settings.LANGUAGE_CODE])
            revision = Revision.objects.filter(import_key=import_key).first()
            report(Revision, revision is None)
            if revision is None:
                revision = load_revision(page, date, files, import_key)
                for language in machine_assisted(files):
                    native_review.mark(page, language)
            record_sources(revision, header, files[settings.LANGUAGE_CODE])


def record_sources(revision, header, path):
    """Give a loaded revision the sources its English file names, unless it has sources already."""
    keys = [str(key) for key in header.get("sources") or []]
    if not keys:
        raise ValueError(f"{path}: name the revision's sources (keys of config/sources/content/sources.yaml)")
    sources = list(Source.objects.filter(key__in=keys))
    if len(sources) != len(set(keys)):
        raise ValueError(f"{path}: unknown source(s) {sorted(set(keys) - {s.key for s in sources})}")
    if revision.sources.exists():
        return  # staff may have corrected them in the admin
    revision.sources.set(sources)
    if header.get("dated_by_source") and not revision.dated_by_source:
        # Only how the history dates it; the text of a published revision stays frozen (update()
        # skips Revision.save(), which refuses any change to a published revision).
        Revision.objects.filter(pk=revision.pk).update(dated_by_source=True)


def machine_assisted(files):
    return [language for language, path in files.items() if read_front_matter(path)[0].get("machine_assisted")]


def revision_files(page_dir):
    """{"2022-09-17": {"en": path, "ru": path}} for the page's Markdown files."""
    found = defaultdict(dict)
    for path in page_dir.glob("*.md"):
        date, language = path.stem.split(".", 1)
        if language not in LANGUAGE_CODES:
            raise ValueError(f"{path}: unknown language {language!r}")
        found[date][language] = path
    return found


def load_revision(page, date, files, import_key):
    values = {}
    significance = Significance.MAJOR
    for language, path in files.items():
        header, body = read_front_matter(path)
        for field in ("title", "summary", "change_note"):
            values.update(localized_values(field, {language: header.get(field, "")}))
        values.update(localized_values("body", {language: body}))
        if language == settings.LANGUAGE_CODE:
            significance = header.get("significance", significance)
    revision = Revision(page=page, significance=significance, import_key=import_key, **values)
    revision.full_clean()  # SQLite would store an over-long field that PostgreSQL refuses
    revision.save()
    noon = datetime.datetime.combine(datetime.date.fromisoformat(date), datetime.time(12), ZoneInfo(settings.TIME_ZONE))
    return publish(revision, when=noon)


def load_key_figures(report):
    for entry in read_yaml(CONTENT_DIR / "key_figures.yaml"):
        as_of, year_only = figure_date(entry["as_of"])
        _figure, created = KeyFigure.objects.get_or_create(
            value=entry["value"],
            as_of=as_of,
            defaults={
                "as_of_year_only": year_only,
                "order": entry.get("order", 100),
                "is_current": entry.get("current", True),
                **translated(entry, "label", "detail", "source"),
            },
        )
        report(KeyFigure, created)


def figure_date(as_of):
    """(date, only the year is known) for a figure dated `2025-01-01`, or only `2009` when no day is known."""
    if isinstance(as_of, int):
        return datetime.date(as_of, 1, 1), True
    return as_of, False
