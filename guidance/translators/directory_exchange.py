"""The directory in exchange files: every translated field of every directory entry as one segment.

Cities, offices, partners, branches, kinds of help, key figures and notices are tracked entries
(config/history): they have no drafts, so a translation imported here is saved on the entry at
once, in the field history under the importer's name, like an edit in the admin. That is why it
is imported only when the English in the file is still the English of the entry now, the person
may change that kind of entry, and the quality checks find nothing that would mislead a reader
(a deadline of 5 days made 3); a segment that fails is listed with its reason and left as it was.

An entry is a "file" of the exchange file, named `<app>.<model>.<id>` (a guidance page's slug
never holds a dot), and each field a segment named after the field. The entry's version is
what the file records as its revision.
"""

from dataclasses import dataclass

from django.apps import apps
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from modeltranslation.utils import build_localized_fieldname

from config.history import recording, stale_translations
from config.history.labels import admin_url
from config.history.models import FieldChange
from config.history.tracked import TrackedEntry, tracked_models

from .. import roles
from ..segments.page_status import TranslationState
from ..segments.status import SOURCE_LANGUAGE, SegmentState
from .units import ChangedSince, PageReport, PageUnits, Unit, translation_hash

ORIGIN = "directory"


def translated_models():
    """The tracked entries with translated fields, in a fixed order (by app, then model)."""
    return [model for model in tracked_models() if stale_translations.translated_fields(model)]


def entry_key(entry):
    return f"{entry._meta.label_lower}.{entry.pk}"


def is_entry_key(key):
    return "." in key


def _model_and_pk(key):
    label, _sep, pk = key.rpartition(".")
    try:
        model = apps.get_model(label)
    except (LookupError, ValueError):
        return None, None
    if not issubclass(model, TrackedEntry) or not pk.isdigit():
        return None, None
    return model, int(pk)


def entry_for_key(key):
    """The directory entry a key names (`offices.office.2`), if it is one with translated fields; else None."""
    model, pk = _model_and_pk(key)
    if model is None or not stale_translations.translated_fields(model):
        return None
    return model._base_manager.filter(pk=pk).first()


def _english_when_translated(entry, name, language):
    """The English a translation behind the English was written for: the English field as it was when
    that language's text last changed, from the field history (None when the history does not say)."""
    changes = FieldChange.objects.of(entry)
    translated_at = (
        changes.filter(field=build_localized_fieldname(name, language)).order_by("-changed_at").values_list("changed_at", flat=True).first()
    )
    english_changes = changes.filter(field=build_localized_fieldname(name, SOURCE_LANGUAGE)).order_by("changed_at", "pk")
    if translated_at is not None:
        english_changes = english_changes.filter(changed_at__gt=translated_at)
    first = english_changes.first()
    return first.old_value if first is not None else None


def entry_units(entry, language):
    units = []
    order = [f.name for f in entry._meta.fields]
    for name in sorted(stale_translations.translated_fields(type(entry)), key=order.index):
        english = (getattr(entry, build_localized_fieldname(name, SOURCE_LANGUAGE)) or "").strip()
        if not english:
            continue
        target = (getattr(entry, build_localized_fieldname(name, language)) or "").strip()
        outdated = bool(target) and stale_translations.is_outdated(entry, name, language)
        state = SegmentState.NEEDS_UPDATE if outdated else SegmentState.CURRENT if target else SegmentState.MISSING
        previous = _english_when_translated(entry, name, language) if outdated else None
        units.append(Unit(entry_key(entry), name, f"{entry._meta.model_name}.{name}", english, target, state, previous))
    return PageUnits(entry_key(entry), entry.version, units, origin=ORIGIN) if units else None


ENTRY_STATES = {
    stale_translations.MISSING: TranslationState.MISSING,
    stale_translations.OUTDATED: TranslationState.NEEDS_UPDATE,
    stale_translations.CURRENT: TranslationState.UP_TO_DATE,
}


def entry_state(entry, language):
    """The state of the entry's translation in `language`, named as the translation status names a page's
    (None for an entry with no English)."""
    return ENTRY_STATES.get(stale_translations.language_state(entry, language))


def export(language):
    """Every directory entry with English text to translate, for one language."""
    exported = []
    for model in translated_models():
        for entry in model.entries_to_translate().order_by("pk"):
            if (found := entry_units(entry, language)) is not None:
                exported.append(found)
    return exported


@dataclass
class EntryReport(PageReport):
    """What importing a file did to one directory entry (the import page shows it like a page's)."""

    entry_url: str = ""
    is_directory = True

    @property
    def has_news(self):
        """Worth a line on the import page: an entry the file leaves as it was is not listed."""
        return bool(self.imported or self.stale or self.unknown or self.problems or self.refused or self.changed_since)


def import_entries(language, items, *, by, despite_problems=False):
    """Import the directory segments of a file; [EntryReport], one per entry the file names.

    `despite_problems`: the person saw the quality checks' warnings and saves anyway, as the entry's form allows.
    """
    by_entry = {}
    for item in items:
        by_entry.setdefault(item.page, []).append(item)
    reports = [_import_entry(key, entry_items, language, by, despite_problems) for key, entry_items in by_entry.items()]
    return [report for report in reports if report.has_news]


@transaction.atomic
def _import_entry(key, items, language, by, despite_problems=False):
    model, pk = _model_and_pk(key)
    entry = model._base_manager.select_for_update().filter(pk=pk).first() if model else None
    if entry is None:
        return EntryReport(key, refused=_("There is no directory entry “%(entry)s”.") % {"entry": key})
    opts = entry._meta
    report = EntryReport(entry, entry_url=admin_url(opts.app_label, opts.model_name, entry.pk))
    if not roles.may_translate_entries(by, model):
        report.refused = _("You may not change this kind of entry: ask an editor to import this part of the file.")
        return report
    fields = stale_translations.translated_fields(model)
    report.names = {name: stale_translations.field_label(model, name).capitalize() for name in fields}
    wanted = {}
    for item in items:
        if item.sid not in fields:
            report.unknown.append((item.sid, item.source))
            continue
        english = (getattr(entry, build_localized_fieldname(item.sid, SOURCE_LANGUAGE)) or "").strip()
        if english != item.source.strip():
            report.stale.append((item.sid, item.source))
        elif not item.done or not item.target.strip():
            report.not_done.append(item.sid)
        elif _changed_since(item, getattr(entry, build_localized_fieldname(item.sid, language)) or ""):
            now = getattr(entry, build_localized_fieldname(item.sid, language)) or ""
            report.changed_since.append(ChangedSince(item.sid, report.name(item.sid), now, item.target))
        else:
            wanted[item.sid] = item.target.strip()
    _apply(entry, wanted, language, report, despite_problems)
    if report.imported:
        with recording.acting_as(by):
            entry.save()
    elif (report.stale or report.unknown) and not wanted and not report.changed_since:
        report.refused = _(
            "This file was made from an older English text: none of its segments matches the English of the "
            "entry now. Export the directory again and translate the new file."
        )
    return report


def _changed_since(item, translation_now):
    return (item.base is not None and item.base != translation_hash(translation_now)
            and item.target.strip() != translation_now.strip())


def _apply(entry, wanted, language, report, despite_problems=False):
    """Put each wanted translation on the entry, unless it fails the quality checks or the field's rules."""
    for name, text in wanted.items():
        attname = build_localized_fieldname(name, language)
        before = getattr(entry, attname) or ""
        if text == before.strip() and not stale_translations.is_outdated(entry, name, language):
            continue  # the file gives the translation the entry has: nothing to check or save
        setattr(entry, attname, text)
        blocking = [] if despite_problems else stale_translations.blocking_problems(entry, [name], language)
        try:
            entry.clean_fields(exclude=[f.name for f in entry._meta.fields if f.name != attname])
        except ValidationError as invalid:
            blocking += [_Invalid(name, message) for messages in invalid.message_dict.values() for message in messages]
        if blocking:
            setattr(entry, attname, before)
            report.problems += blocking
        else:
            if text == before.strip():
                stale_translations.confirm(entry, [f"{name}:{language}"])  # the translator says it is still right
            report.imported.append(name)


@dataclass(frozen=True)
class _Invalid:
    """A field's own rule refused the text (too long, say): shown like a quality check, never saved."""

    sid: str
    message: str
    code: str = "invalid"
    blocking: bool = True
