"""Record the directory changes readers must be told about, when an office or a branch is saved.

A new office, a closed one, a new address or new phone numbers become a DirectoryChange, listed
in Updates and its feed. Translating an address, fixing the spelling of a name or re-saving does not.
"""

from django.conf import settings
from django.db.models.signals import post_save, pre_save
from modeltranslation.utils import build_localized_fieldname

from config.history import recording
from config.history.stale_translations import is_outdated

from .models import DirectoryChange, Office
from .phones import parse_phone_list

LANGUAGE_CODES = [code for code, _name in settings.LANGUAGES]
# A move changes the address in the site's main language or the one for a driver; adding a
# translation of the address does not move anything.
MAIN_ADDRESS = build_localized_fieldname("address", settings.LANGUAGE_CODE)
WATCHED_FIELDS = ("is_current", "city_id", MAIN_ADDRESS, "address_local", "phones")

def _state(place):
    return {field: getattr(place, field, True) for field in WATCHED_FIELDS}


def remember_before_save(sender, instance, raw=False, **kwargs):
    """pre_save: keep what the entry said before, to compare after the save."""
    instance._directory_state_before = None
    if raw or instance.pk is None or not recording.is_recording():
        return
    fields = [f for f in WATCHED_FIELDS if hasattr(instance, f)]
    instance._directory_state_before = sender._default_manager.filter(pk=instance.pk).values(*fields).first()


def record_after_save(sender, instance, created, raw=False, **kwargs):
    """post_save: turn what changed into DirectoryChange rows."""
    before = getattr(instance, "_directory_state_before", None)
    if raw or not recording.is_recording() or recording.is_correction(instance):
        return
    for kind in changes(before if not created else None, _state(instance)):
        DirectoryChange.objects.create(kind=kind, **_subject(instance), **snapshot(instance))


def changes(before, after):
    """The kinds of change between two states of an entry; `before` is None for a new entry."""
    if not after["is_current"]:
        return [DirectoryChange.Kind.CLOSED] if before and before.get("is_current", True) else []
    if before is None or not before.get("is_current", True):
        return [DirectoryChange.Kind.OPENED]
    kinds = []
    if before["city_id"] != after["city_id"] or _text(before[MAIN_ADDRESS]) != _text(after[MAIN_ADDRESS]) or _text(
        before["address_local"]
    ) != _text(after["address_local"]):
        kinds.append(DirectoryChange.Kind.MOVED)
    if before["phones"] != after["phones"] and _numbers(before["phones"]) != _numbers(after["phones"]):
        kinds.append(DirectoryChange.Kind.PHONES)
    return kinds


def snapshot(place):
    """The entry's address (in every language) and phones as they are now."""
    # A translation written for the address before is not the new address: leave it out (readers get the English).
    values = {
        build_localized_fieldname("address", code): ""
        if is_outdated(place, "address", code) else getattr(place, build_localized_fieldname("address", code)) or ""
        for code in LANGUAGE_CODES
    }
    return {
        **values,
        "address_local": place.driver_address,
        "address_local_language": place.address_local_language,
        "phones": ", ".join(phone.e164 for phone in place.phone_list),
    }


def _subject(place):
    return {"office": place} if isinstance(place, Office) else {"branch": place}


def _text(value):
    return " ".join((value or "").split())


def _numbers(value):
    return [phone.e164 for phone in parse_phone_list(value)]


def watch(model):
    """Record the changes of this kind of directory entry (called from the apps' ready())."""
    label = model._meta.label_lower
    pre_save.connect(remember_before_save, sender=model, dispatch_uid=f"directory_changes.before.{label}")
    post_save.connect(record_after_save, sender=model, dispatch_uid=f"directory_changes.after.{label}")
