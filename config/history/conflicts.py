"""Edit conflicts: a save based on an older version of an entry is refused, saying who changed what, and when.

The form carries the version the person opened; the check reads the stored version under a row
lock (select_for_update on PostgreSQL; on SQLite the immediate transaction already holds the
database) so two saves of one entry happen one after the other, and the second one sees the first.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import format_html
from django.utils.text import format_lazy
from django.utils.translation import gettext

from .labels import change_label


class EditConflict(ValidationError):
    """Someone saved a change of the entry after this person opened it."""


def check_unchanged(entry, seen_version):
    """Refuse to save `entry` over changes made after `seen_version` of it was read."""
    with transaction.atomic():
        stored = type(entry)._base_manager.select_for_update().filter(pk=entry.pk).values_list("version", flat=True)
        current = stored.first()
    if current is not None and current != seen_version:
        raise EditConflict(conflict_message(entry, seen_version), code="conflict")


def conflict_message(entry, seen_version):
    """Who changed the entry, when and which fields, after `seen_version`; with a link to their change (safe HTML)."""
    from .models import FieldChange

    changes = list(FieldChange.objects.of(entry).filter(version__gt=seen_version).newest_first())
    people = list(dict.fromkeys(person(change.changed_by) for change in changes)) or [gettext("Someone")]
    fields = list(dict.fromkeys(change_label(change) for change in changes))
    if changes:
        text = gettext("%(who)s changed %(fields)s at %(when)s, after you opened this form.") % {
            "who": ", ".join(people), "fields": ", ".join(fields), "when": moment(changes[0].changed_at),
        }
    else:
        text = gettext("%(who)s saved a change to this entry after you opened this form.") % {"who": people[0]}
    text += " " + gettext(
        "Nothing was saved over their change. Your version is still in the form below: "
        "copy what you need, then open their version and add it there."
    )
    return format_html(
        '{} <a href="{}" target="_blank" rel="noopener">{}</a>', text, history_url(entry), gettext("See their change.")
    )


def history_url(entry):
    """The list of every field change of this entry, in the admin."""
    from django.contrib.contenttypes.models import ContentType

    content_type = ContentType.objects.get_for_model(entry)
    try:
        url = reverse("admin:history_fieldchange_changelist")
    except NoReverseMatch:  # the admin is not installed
        return ""
    return format_lazy("{}?content_type__id__exact={}&object_id={}", url, content_type.pk, entry.pk)


def person(user):
    if user is None:
        return gettext("Someone")
    return user.get_full_name() or user.get_username()


def moment(when):
    return date_format(timezone.localtime(when), "DATETIME_FORMAT") if when else ""
