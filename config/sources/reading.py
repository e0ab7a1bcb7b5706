"""What readers are told of an entry's source and last check, in their language, with absolute dates:
"As listed by UNHCR on help.unhcr.org, read 7 December 2026", "Confirmed by phone by UNHCR staff on …",
and "Not confirmed since …" once the entry's next check is overdue (config/sources/rounds.py)."""

from django.utils.formats import date_format
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext

from config.language_fallback import localized

from .models import Check


def _filled(template, **parts):
    """The translated sentence, escaped, with its (escaped or already safe) parts put in."""
    return mark_safe(conditional_escape(template) % {name: conditional_escape(part) for name, part in parts.items()})


def _text(obj, field):
    """A translated field of a source; marked with its language when it is not the page's."""
    value = localized(obj, field)
    if value.is_fallback:
        return format_html('<span lang="{}" dir="{}">{}</span>', value.language, value.direction, value.value)
    return value.value


def _date(day):
    return format_html('<time datetime="{}">{}</time>', day.isoformat(), date_format(day, "DATE_FORMAT"))


def source_text(check):
    """Where the entry's facts come from, and when that source was read (or its own date)."""
    source = check.source
    if source.url and check.checked_on:
        site = format_html('<a href="{}" rel="noreferrer" dir="ltr">{}</a>', source.url, source.site)
        publisher = _text(source, "publisher")
        if publisher:
            return _filled(gettext("As listed by %(publisher)s on %(site)s, read %(date)s"),
                           publisher=publisher, site=site, date=_date(check.checked_on))
        return _filled(gettext("As listed on %(site)s, read %(date)s"), site=site, date=_date(check.checked_on))
    title = _text(source, "title")
    if source.url:
        title = format_html('<a href="{}" rel="noreferrer">{}</a>', source.url, title)
    if check.checked_on:
        return _filled(gettext("Source: %(title)s (%(as_of)s), read %(date)s"),
                       title=title, as_of=_text(source, "as_of"), date=_date(check.checked_on))
    return _filled(gettext("Source: %(title)s (%(as_of)s)"), title=title, as_of=_text(source, "as_of"))


def check_text(check):
    """How and when the entry was last confirmed, when that was not a reading of its source."""
    if check.method == Check.Method.SOURCE and check.source_id:
        return source_text(check)
    sentences = {
        Check.Method.PHONE: gettext("Confirmed by phone by UNHCR staff on %(date)s"),
        Check.Method.VISIT: gettext("Confirmed by a visit of UNHCR staff on %(date)s"),
        Check.Method.PARTNER: gettext("Confirmed by the organisation itself on %(date)s"),
        Check.Method.STAFF: gettext("Checked by UNHCR staff on %(date)s"),
    }
    return _filled(sentences.get(check.method, sentences[Check.Method.PHONE]), date=_date(check.checked_on))


def not_confirmed_text(entry):
    """Said first of an entry past the due date of its next check: since when it is not confirmed.
    An absolute date, never "overdue by N days": the page may be read from a cache or a printout."""
    return format_html("<strong>{}</strong>", _filled(gettext("Not confirmed since %(date)s"), date=_date(entry.verified_on)))


def provenance(entry):
    """The lines readers see under an entry: that it is not confirmed since its last check when that is
    overdue, its source, its last check, or that it has no source."""
    lines = []
    if entry.is_overdue and entry.verified_on:
        lines.append(not_confirmed_text(entry))
    if entry.source_check_id:
        lines.append(source_text(entry.source_check))
    shown = entry.shown_check
    if shown is not None and shown.checked_on:
        lines.append(check_text(shown))
    if not lines:
        lines.append(gettext("No source is recorded for this information."))
    return lines
