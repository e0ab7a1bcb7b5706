"""Record which fields a save of a tracked entry changed, who changed them and when, as FieldChange rows."""

import datetime
import decimal
from contextlib import contextmanager
from contextvars import ContextVar
from functools import cache

from django.contrib.contenttypes.models import ContentType
from django.db import models, transaction
from django.utils import timezone
from modeltranslation.translator import NotRegistered, translator

from . import signals, stale_translations
from .models import FieldChange

# Bookkeeping, not content: never shown to readers, never restored.
UNTRACKED = {"id", "uuid", "version", "changed_at", "outdated_translations", "updated_at", "next_check_due"}
# Recorded, but not a change of what the entry says: checking it does not make it "updated".
NOT_CONTENT = {"verified_on", "check_every_days"}
CORRECTION_FLAG = "_history_correction_only"
RESTORES_FLAG = "_history_restores"

_acting_user = ContextVar("history_acting_user", default=None)
_note = ContextVar("history_note", default="")
_recording = ContextVar("history_recording", default=True)


@contextmanager
def acting_as(user):
    """Changes saved inside this block were made by `user` (the middleware wraps each request)."""
    token = _acting_user.set(user)
    try:
        yield
    finally:
        _acting_user.reset(token)


@contextmanager
def noted(note):
    """Changes saved inside this block carry `note` in their history: what made them and from which source
    (a directory update shipped with the code, which no person typed in)."""
    token = _note.set(note)
    try:
        yield
    finally:
        _note.reset(token)


@contextmanager
def not_recorded():
    """Saves inside this block leave no history and no date (loading the starting content)."""
    token = _recording.set(False)
    try:
        yield
    finally:
        _recording.reset(token)


def is_recording():
    """False inside `not_recorded()`: the save is neither history nor news."""
    return _recording.get()


def is_correction(entry):
    """Staff said the save being made only corrects a mistake (see mark_as_correction)."""
    return getattr(entry, CORRECTION_FLAG, False)


def mark_as_correction(entry, correction_only=True):
    """Staff said this save only corrects a mistake: the translations stay current, and Updates
    do not announce it (offices.directory_changes)."""
    setattr(entry, CORRECTION_FLAG, bool(correction_only))


def acting_user():
    user = _acting_user.get()
    return user if user is not None and user.is_authenticated else None


@cache
def tracked_fields(model):
    """The fields of `model` a person edits, each language of a translated field on its own."""
    try:
        translated = set(translator.get_options_for_model(model).all_fields)
    except NotRegistered:
        translated = set()
    return [
        field for field in model._meta.concrete_fields
        if field.editable and field.name not in UNTRACKED and field.name not in translated and not field.primary_key
    ]


def as_text(field, value):
    """A field's value as stored in the history: one string, "" for nothing."""
    if value is None:
        return ""
    if isinstance(field, models.DecimalField):
        return f"{decimal.Decimal(value):.{field.decimal_places}f}"
    if isinstance(value, (datetime.date, datetime.datetime)):
        return value.isoformat()
    return str(value)


def from_text(field, text):
    """The value to put back in the field from its text in the history (to restore it)."""
    if text == "":
        return None if field.null else field.to_python("")
    return field.to_python(text)


@contextmanager
def recorded_save(entry):
    """Around entry's save: compare it with the stored row, raise its version, then record what changed."""
    model = type(entry)
    fields = tracked_fields(model)
    if not _recording.get():
        yield
        return
    stored = None
    if entry.pk is not None:
        stored = model._base_manager.filter(pk=entry.pk).values("version", *(f.attname for f in fields)).first()
    before = {f.attname: as_text(f, stored[f.attname]) if stored else "" for f in fields}
    after = {f.attname: as_text(f, f.value_from_object(entry)) for f in fields}
    changed = [f for f in fields if before[f.attname] != after[f.attname]]
    now = timezone.now()
    if stored is None:
        entry.version, entry.changed_at = 1, now
    elif changed:
        entry.version = stored["version"] + 1
        if any(f.name not in NOT_CONTENT for f in changed):
            entry.changed_at = now
    else:
        entry.version = stored["version"]  # a save that changes nothing is not a new version
    flags_before = entry.outdated_translations or {}
    stale_translations.update_flags(
        entry, {f.attname for f in changed}, is_new=stored is None, correction=is_correction(entry)
    )
    yield
    _record(entry, changed, before, after, now)
    _announce_left_behind(entry, flags_before)


def _announce_left_behind(entry, flags_before):
    """Tell who translates (once the save is committed) which fields this save put behind the English.
    The driver's address is the editor's to redo, not a translation."""
    behind = {}
    for field, languages in (entry.outdated_translations or {}).items():
        if field == stale_translations.DRIVER_ADDRESS:
            continue
        for language in set(languages) - set(flags_before.get(field, ())):
            behind.setdefault(language, []).append(field)
    if behind:
        by = acting_user()
        transaction.on_commit(
            lambda: signals.translations_left_behind.send(sender=type(entry), entry=entry, behind=behind, by=by)
        )


def _record(entry, changed, before, after, now):
    user = acting_user()
    restores = getattr(entry, RESTORES_FLAG, None)
    content_type = ContentType.objects.get_for_model(entry)
    FieldChange.objects.bulk_create(
        FieldChange(
            content_type=content_type, object_id=entry.pk, entry_name=str(entry)[:250], field=field.attname,
            language=getattr(field, "language", "") or "", old_value=before[field.attname],
            new_value=after[field.attname], version=entry.version, changed_at=now, changed_by=user, note=_note.get()[:300],
            restores=restores if restores is not None and restores.field == field.attname else None,
        )
        for field in changed
    )
    for flag in (CORRECTION_FLAG, RESTORES_FLAG):
        entry.__dict__.pop(flag, None)  # the next save of this object is judged on its own
