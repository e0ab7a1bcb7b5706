"""Bring a running site's directory up to the facts shipped in the content files, recorded like a staff edit.

`load_content` never overwrites what staff edited, so a changed fact of an existing entry (an address, a
name, an office that closed) reaches a running site through the update files in `offices/content/updates/`
and `partners/content/updates/`, applied by `manage.py apply_directory_updates`. Each entry is saved the
normal way, so the change gets its field history (with a note naming the update and its source), its
translation flags and its Updates entry. The new values come from the same content files a new
installation loads, so both end with the same facts. Running it again changes nothing: an entry that
already says it is left alone, and so is one whose English staff changed since (`was` no longer matches).
"""

from contextlib import nullcontext
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.utils import translation

from config.content_files import read_yaml, translated
from config.history import recording
from config.history.models import FieldChange
from config.sources import content as sources_content
from config.sources.models import Check, Source
from offices import content as offices_content
from offices.models import City, FormerCityName, Office
from partners import content as partners_content
from partners.models import Partner, Service

from . import content as site_content

TRANSLATED_OFFICE_FIELDS = ("name", "address", "opening_hours", "notes")


@dataclass
class Report:
    """What one run did, line by line, for the person deploying."""

    changed: list = field(default_factory=list)
    unchanged: list = field(default_factory=list)
    skipped: list = field(default_factory=list)

    @property
    def lines(self):
        return [*(f"changed: {line}" for line in self.changed), *(f"left as staff edited it: {line}" for line in self.skipped),
                *(f"already current: {line}" for line in self.unchanged)]


def update_files(app_content_dir):
    return sorted((Path(app_content_dir) / "updates").glob("*.yaml"))


def source_note(note, key):
    """ "<the update>. Source: <title>, <url>, <read on / as of>", from config/sources/content/sources.yaml."""
    source = next((entry for entry in read_yaml(sources_content.CONTENT_DIR / "sources.yaml") if str(entry["key"]) == str(key)), None)
    if source is None:
        raise ValueError(f"unknown source {key!r}: add it to config/sources/content/sources.yaml")
    when = f"read {source['read_on']:%-d %B %Y}" if source.get("read_on") else source["as_of"]["en"]
    where = ", ".join(part for part in (source["title"]["en"], source.get("url", ""), when) if part)
    return f"{note}. Source: {where}"[:300]


def record_reading(entry, key):
    """The entry now says what the source says: readers see that source and the day it was read (a check
    of the kind "reading a public source"), once per source however often the update runs."""
    source = Source.objects.filter(key=str(key)).first()
    if source is None:
        raise ValueError(f"unknown source {key!r}: run `manage.py load_content`, or add it to config/sources/content/sources.yaml")
    content_type = ContentType.objects.get_for_model(entry)
    if not Check.objects.filter(content_type=content_type, object_id=entry.pk, source=source).exists():
        Check(entry=entry, method=Check.Method.SOURCE, source=source, checked_on=source.read_on).save()


def content_entry(path, slug):
    entry = next((entry for entry in read_yaml(path) if entry["slug"] == slug), None)
    if entry is None:
        raise ValueError(f"{path.name} has no entry {slug!r}")
    return entry


def apply_updates(user=None):
    """Apply every shipped update; a Report. An empty directory is left to load_content."""
    report = Report()
    if not City.objects.exists():
        report.unchanged.append("an empty directory: `manage.py load_content` loads the current facts")
        return report
    by = recording.acting_as(user) if user is not None else nullcontext()
    with transaction.atomic(), translation.override(settings.LANGUAGE_CODE), by:
        # The sources an update cites may be newer than the site: add the missing ones (never changes one).
        sources_content.load(lambda model, created: None)
        for path in update_files(offices_content.CONTENT_DIR):
            update = read_yaml(path)
            for entry in update.get("cities", []):
                with recording.noted(source_note(update["note"], entry["source"])):
                    add_city(entry["slug"], report)
            for entry in update.get("offices", []):
                with recording.noted(source_note(update["note"], entry["source"])):
                    office = update_office(entry, report)
                if office is not None:
                    record_reading(office, entry["source"])
        for path in update_files(partners_content.CONTENT_DIR):
            update = read_yaml(path)
            for entry in update.get("partners", []):
                add_services(entry, source_note(update["note"], entry["source"]), user, report)
        for entry in read_yaml(site_content.CONTENT_DIR / "notices.yaml"):
            notice = site_content.load_notice(entry)
            (report.changed if notice else report.unchanged).append(f"notice “{entry['title']['en']}”")
    return report


def add_city(slug, report):
    if City.objects.filter(slug=slug).exists():
        report.unchanged.append(f"city {slug}")
        return
    entry = content_entry(offices_content.CONTENT_DIR / "cities.yaml", slug)
    city = City(slug=slug, order=entry.get("order", 100), **translated(entry, "name"))
    city.full_clean()
    city.save()
    for former in entry.get("former_names", []):
        if not FormerCityName.objects.filter(slug=former["slug"]).exists():
            FormerCityName.objects.create(
                city=city, slug=former["slug"], used_until=former.get("used_until"), **translated(former, "name")
            )
    report.changed.append(f"city {slug} added, with its former names")


def update_office(entry, report):
    """Apply one office's update; the office when it now says what the update ships, None when it is not
    in this directory or staff changed it since (their edit stands)."""
    data = content_entry(offices_content.CONTENT_DIR / "offices.yaml", entry["slug"])
    office = Office.objects.filter(slug=entry["slug"]).first()
    if entry.get("create"):
        if office is not None:
            report.unchanged.append(f"office {entry['slug']}")
            return office
        office = offices_content.office_from(data, {city.slug: city for city in City.objects.all()})
        office.full_clean()
        office.save()  # recorded: its field history, and "New office" in Updates
        report.changed.append(f"office {entry['slug']} added")
        return office
    if office is None:
        report.skipped.append(f"office {entry['slug']} (not in this directory)")
        return None
    pending = {name: value for name, value in new_values(data, entry["fields"]).items() if getattr(office, name) != value}
    if not pending:
        report.unchanged.append(f"office {entry['slug']}: {', '.join(entry['fields'])}")
        return office
    edited = [name for name, old in entry.get("was", {}).items() if name in pending and (getattr(office, name) or "") != old]
    if edited:
        report.skipped.append(f"office {entry['slug']}: {', '.join(edited)} no longer says what this update replaces")
        return None  # staff's own edit stands, and so does its source
    for name, value in pending.items():
        setattr(office, name, value)
    recording.mark_as_correction(office, entry.get("correction", False))
    office.full_clean(validate_unique=False)
    office.save()
    report.changed.append(f"office {entry['slug']}: {', '.join(sorted(pending))}")
    return office


def new_values(data, fields):
    """{attribute: value} that the content file gives for these fields of an office."""
    values = {}
    for name in fields:
        if name == "current":
            values["is_current"] = data.get("current", True)
        elif name == "hours":
            values["hours"] = data.get("hours", [])
        elif name in TRANSLATED_OFFICE_FIELDS:
            values.update(translated(data, name))
        else:
            values[name] = data.get(name, "")
    return values


def add_services(entry, note, user, report):
    """Offer a partner (and each of its branches) under more services. Related rows have no field of their
    own in the history, so the change is written there by hand, with the same note."""
    partner = Partner.objects.filter(slug=entry["slug"]).first()
    if partner is None:
        report.skipped.append(f"partner {entry['slug']} (not in this directory)")
        return
    services = list(Service.objects.filter(slug__in=entry["add_services"]))
    for holder in [partner, *partner.branches.all()]:
        before = sorted(holder.services.values_list("slug", flat=True))
        missing = [service for service in services if service.slug not in before]
        if not missing:
            report.unchanged.append(f"services of {holder}")
            continue
        holder.services.add(*missing)
        FieldChange.objects.create(
            content_type=ContentType.objects.get_for_model(holder), object_id=holder.pk, entry_name=str(holder)[:250],
            field="services", old_value=", ".join(before), new_value=", ".join(sorted([*before, *(s.slug for s in missing)])),
            version=holder.version, changed_by=user, note=note,
        )
        report.changed.append(f"services of {holder}: + {', '.join(s.slug for s in missing)}")
