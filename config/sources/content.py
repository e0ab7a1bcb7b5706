"""Load the list of sources from config/sources/content/sources.yaml, and give a loaded directory
entry the source its data file names. Existing rows are left as staff edited them."""

from pathlib import Path

from django.contrib.contenttypes.models import ContentType

from config.content_files import read_yaml, translated

from .models import Check, Source

CONTENT_DIR = Path(__file__).resolve().parent / "content"


def load(report):
    for entry in read_yaml(CONTENT_DIR / "sources.yaml"):
        _source, created = Source.objects.get_or_create(
            key=entry["key"],
            defaults={
                "year": entry["year"],
                "kind": entry.get("kind", Source.Kind.DOCUMENT),
                "url": entry.get("url", ""),
                "read_on": entry.get("read_on"),
                **translated(entry, "title", "as_of", "publisher"),
            },
        )
        report(Source, created)


def record_source(entry, data, path=""):
    """Give a loaded entry (office, branch, partner, key figure) a reading of the source its data
    names (`source: "000"`), unless it has checks already: staff's own records are kept."""
    key = data.get("source")
    if not key:
        return
    source = Source.objects.filter(key=str(key)).first()
    if source is None:
        raise ValueError(f"{path}: unknown source {key!r} (keys of config/sources/content/sources.yaml)")
    checks = Check.objects.filter(content_type=ContentType.objects.get_for_model(entry), object_id=entry.pk)
    if checks.exists():
        return
    Check(entry=entry, method=Check.Method.SOURCE, source=source, checked_on=source.read_on).save()
