"""Load guidance pages, their dated revisions and the key figures from guidance/content/.

Each page is a folder: `page.yaml`, then one Markdown file per revision and language,
`<publish date>.<language>.md`. A revision already loaded is never touched again.
"""

import datetime
from collections import defaultdict
from pathlib import Path
from zoneinfo import ZoneInfo

from django.conf import settings

from config.content_files import LANGUAGE_CODES, localized_values, read_front_matter, read_yaml, translated

from .models import GuidancePage, KeyFigure, Revision, Significance
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
            if Revision.objects.filter(import_key=import_key).exists():
                report(Revision, False)
                continue
            load_revision(page, date, files, import_key)
            report(Revision, True)


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
    publish(revision, when=noon)


def load_key_figures(report):
    for entry in read_yaml(CONTENT_DIR / "key_figures.yaml"):
        _figure, created = KeyFigure.objects.get_or_create(
            value=entry["value"],
            as_of=entry["as_of"],
            defaults={
                "order": entry.get("order", 100),
                "is_current": entry.get("current", True),
                **translated(entry, "label", "detail", "source"),
            },
        )
        report(KeyFigure, created)
