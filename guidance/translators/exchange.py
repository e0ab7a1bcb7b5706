"""Exchange files for translators' own tools: a language's segments out as PO or XLIFF 2.0, and back into drafts.

A file holds, for each segment of each page, the English source, the current translation and its
state (outdated segments are "fuzzy" in PO and `state="initial"` in XLIFF, with the English they
were translated from), and which revision each page was exported from. Reading one back compares
each segment's English with the English of the page's draft now: a segment made from an older
English text is not imported but listed; a file none of whose segments matches is refused.
"""

import re

import polib
from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import to_locale
from modeltranslation.utils import build_localized_fieldname

from .. import publishing, roles
from ..models import GuidancePage
from ..segments import page_status
from ..segments.status import TRANSLATED_LANGUAGES, SegmentState
from . import directory_exchange, xliff
from .editor import apply_segments, segment_rows
from .languages import languages_refusal
from .units import ChangedSince, ImportRefused, Incoming, PageReport, PageUnits, Unit, translation_hash

NOTE = "change-note"  # the unit of a draft's change note
BASE = "base="  # in a PO entry's comment: the translation_hash of the translation when exported
PO_CONTEXT = "{page}/{segment}"


def exported_revision(page):
    """The text to translate: the page's open draft if it can still be edited, else the published text."""
    draft = page.revisions.open().first()
    return draft if draft is not None and draft.is_editable else page.current_revision


def page_units(page, language):
    revision = exported_revision(page)
    if revision is None:
        return None
    segment_map = page_status.draft_map(revision) if revision.is_open else page_status.stored_map(revision)
    units = [
        Unit(page.slug, row.sid, row.english.kind, row.english.text, row.translation, row.state, row.old_english)
        for row in segment_rows(revision, language, segment_map)
    ]
    note = getattr(revision, build_localized_fieldname("change_note", settings.LANGUAGE_CODE)) or ""
    if revision.is_open and note:
        translated_note = getattr(revision, build_localized_fieldname("change_note", language)) or ""
        state = SegmentState.CURRENT if translated_note else SegmentState.MISSING
        units.append(Unit(page.slug, NOTE, "note", note, translated_note, state))
    return PageUnits(page.slug, revision.pk, units, version=revision.version)


def segment_name(kind, english):
    """How a refusal names a segment: its kind and the start of its English ("Paragraph “Apply within…”")."""
    english = " ".join((english or "").split())
    return f"{kind} “{english[:60]}{'…' if len(english) > 60 else ''}”"


def changed_since(item, translation_now):
    """Was this segment's translation changed after the file was exported, and would the file overwrite it?"""
    return (item.base is not None and item.base != translation_hash(translation_now)
            and item.target.strip() != (translation_now or "").strip())


def export(pages, language):
    return [found for page in pages if (found := page_units(page, language)) is not None]


def to_po(exported, language):
    catalog = polib.POFile(wrapwidth=78)
    catalog.metadata = {
        "Project-Id-Version": "Directory" if {item.origin for item in exported} == {"directory"} else "Guidance pages",
        "Language": to_locale(language),
        "MIME-Version": "1.0",
        "Content-Type": "text/plain; charset=UTF-8",
        "Content-Transfer-Encoding": "8bit",
        "POT-Creation-Date": timezone.now().strftime("%Y-%m-%d %H:%M%z"),
        "X-Source-Language": settings.LANGUAGE_CODE,
        "X-Guidance-Revisions": " ".join(f"{item.page}:{item.revision_id}" for item in exported),
        "X-Guidance-Versions": " ".join(f"{item.page}:{item.version or item.revision_id}" for item in exported),
    }
    for item in exported:
        for unit in item.units:
            entry = polib.POEntry(
                msgctxt=PO_CONTEXT.format(page=unit.page, segment=unit.sid), msgid=unit.source, msgstr=unit.target,
                comment=f"{unit.kind}; {unit.state}; {BASE}{unit.base}",
            )
            if unit.outdated:
                entry.flags.append("fuzzy")
                entry.previous_msgid = unit.previous_source or None
            catalog.append(entry)
    return str(catalog)


def read_po(text):
    if "\n" not in text.strip("\n") and "msgid" not in text:
        # polib.pofile() reads a file when given an existing path: an upload must never name one.
        raise ValueError(_("no PO entries"))
    try:
        catalog = polib.pofile(text if text.endswith("\n") else text + "\n")
    except OSError as error:  # polib's own message is English ("Syntax error in po file (line 3)")
        line = re.search(r"line (\d+)", str(error))
        raise ValueError(
            _("the PO file is broken at line %(line)s") % {"line": line.group(1)} if line else _("the PO file is broken")
        ) from error
    incoming = []
    for entry in catalog:
        if entry.obsolete or not entry.msgctxt or "/" not in entry.msgctxt:
            continue
        page, sid = entry.msgctxt.split("/", 1)
        base = next((part.strip()[len(BASE):] for part in (entry.comment or "").split(";")
                     if part.strip().startswith(BASE)), None)
        incoming.append(Incoming(page, sid, entry.msgid, entry.msgstr, "fuzzy" not in entry.flags, base))
    language = catalog.metadata.get("Language", "").replace("_", "-").lower()
    return language, incoming


def read_file(data):
    """(language, [Incoming]) from the bytes of a PO or XLIFF 2.0 file."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ImportRefused(_("This file is not text in UTF-8: save it as a PO or XLIFF file and try again.")) from error
    try:
        language, incoming = xliff.read(text) if text.lstrip().startswith("<") else read_po(text)
    except (ValueError, OSError) as error:
        raise ImportRefused(_("This file could not be read as PO or XLIFF 2.0: %(error)s") % {"error": error}) from error
    if language not in TRANSLATED_LANGUAGES:
        raise ImportRefused(_("This file does not say which of our languages it translates into."))
    if not incoming:
        raise ImportRefused(_("This file holds no segment of our guidance pages."))
    return language, incoming


def import_file(data, *, by, expected_language=None, checks=None, despite_problems=False):
    """Import a translated file into the drafts of its pages. Returns (language, [PageReport]).

    A draft takes segments with quality problems (they are shown, and stop its publication until fixed or
    overridden); the directory, which has no drafts, takes them only `despite_problems`."""
    language, incoming = read_file(data)
    if expected_language and language != expected_language:
        raise ImportRefused(_("This file translates into another language (%(language)s).") % {"language": language})
    if not roles.may_translate(by, language):
        raise ImportRefused(languages_refusal(by, language))
    by_page, directory_items = {}, []
    for item in incoming:
        if directory_exchange.is_entry_key(item.page):
            directory_items.append(item)
        else:
            by_page.setdefault(item.page, []).append(item)
    pages = {page.slug: page for page in GuidancePage.objects.filter(slug__in=by_page).select_related("current_revision")}
    reports = []
    for slug, items in by_page.items():
        if slug not in pages:
            report = PageReport(slug, refused=_("There is no guidance page “%(page)s”.") % {"page": slug})
        else:
            report = _import_page(pages[slug], language, items, by, checks)
        reports.append(report)
    if directory_items:
        reports += directory_exchange.import_entries(language, directory_items, by=by, despite_problems=despite_problems)
    return language, reports


@transaction.atomic
def _import_page(page, language, items, by, checks):
    report = PageReport(page)
    base = exported_revision(page)
    if base is None or (page.revisions.open().exists() and not base.is_open):
        report.refused = _("A change of this page is scheduled: cancel the schedule before importing translations.")
        return report
    segment_map = page_status.draft_map(base) if base.is_open else page_status.stored_map(base)
    rows = {row.sid: row for row in segment_rows(base, language, segment_map)}
    english = {sid: row.english.text for sid, row in rows.items()}
    report.names = {sid: segment_name(row.kind_label, row.english.text) for sid, row in rows.items()}
    note_field = build_localized_fieldname("change_note", language)
    english_note = getattr(base, build_localized_fieldname("change_note", settings.LANGUAGE_CODE)) or ""
    by_text = {}
    for sid, text in english.items():
        by_text.setdefault(text, []).append(sid)
    texts, note = {}, None
    for item in items:
        if item.sid == NOTE:
            if base.is_open and item.source.strip() == english_note.strip() and item.done and item.target.strip():
                note = item.target.strip()
            continue
        matches = by_text.get(item.source.strip(), [])
        sid = item.sid if item.sid in english else (matches[0] if len(matches) == 1 else None)
        if sid is None:
            report.unknown.append((item.sid, item.source))
        elif english[sid].strip() != item.source.strip():
            report.stale.append((sid, item.source))
        elif not item.done or not item.target.strip():
            report.not_done.append(sid)
        elif changed_since(item, rows[sid].translation):
            report.changed_since.append(ChangedSince(sid, report.name(sid), rows[sid].translation, item.target))
        elif item.target.strip() != rows[sid].translation.strip() or rows[sid].state != SegmentState.CURRENT:
            texts[sid] = item.target  # a new translation, or one the translator confirmed against the new English
    if not texts and note is None:
        if (report.stale or report.unknown) and not report.changed_since:
            report.refused = _(
                "This file was made from an older English text: none of its segments matches the English of the "
                "page now. Export the page again and translate the new file."
            )
        return report
    draft = publishing.open_draft(page, by=by)
    confirmed = set((draft.segments or {}).get("confirmed", {}).get(language, ())) | set(texts)
    apply_segments(draft, language, texts, confirmed=confirmed, by=by)
    if note is not None:
        setattr(draft, note_field, note)
    publishing.save_draft(draft, by=by, seen_version=draft.version)
    report.draft, report.imported = draft, sorted(texts)
    if checks is not None:
        report.problems = checks(draft, language, set(texts))
    return report
