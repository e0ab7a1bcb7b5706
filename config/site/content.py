"""Load the notices that come with the content (config/site/content/notices.yaml); a notice already there is kept as staff left it."""

from pathlib import Path

from config.content_files import read_yaml, translated
from offices.models import City

from .models import Notice

CONTENT_DIR = Path(__file__).resolve().parent / "content"


def load(report):
    for entry in read_yaml(CONTENT_DIR / "notices.yaml"):
        report(Notice, load_notice(entry) is not None)


def load_notice(entry):
    """Create the notice unless its uuid is known (staff may have edited or ended it); the new notice or None."""
    if Notice.objects.filter(uuid=entry["uuid"]).exists():
        return None
    cities = list(City.objects.filter(slug__in=entry.get("cities", [])))
    if len(cities) != len(entry.get("cities", [])):
        return None  # its cities are not loaded yet: the next run adds it
    notice = Notice(
        uuid=entry["uuid"], level=entry.get("level", Notice.Level.INFORMATION), status=Notice.Status.PUBLISHED,
        starts_at=entry["starts_at"], published_at=entry["starts_at"], **translated(entry, "title", "text"),
    )
    notice.full_clean()
    notice.save()
    notice.cities.set(cities)
    return notice
