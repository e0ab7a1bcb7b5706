"""The localization dashboard: each page × language, its segment counts, and what open drafts will leave behind."""

from dataclasses import dataclass

from django.urls import reverse
from django.utils.translation import get_language_info, gettext, ngettext

from .. import recordings
from ..models import GuidancePage, NativeReview, Recording, Revision, Significance
from ..segments import page_status


@dataclass(frozen=True)
class Cell:
    status: page_status.LanguageStatus
    edit_url: str
    draft_note: str  # "A major English change is waiting for review: 3 segments will need Russian", or ""
    draft_url: str
    recordings_behind: int = 0  # recordings of sections whose English changed since
    native_review: NativeReview | None = None  # marked as needing a native speaker's review (perhaps confirmed since)

    @property
    def awaits_native_review(self):
        return self.native_review is not None and self.native_review.waiting

    @property
    def segment_counts(self):
        """Short lines about the segments, in the staff member's language."""
        status = self.status
        if not status.total:
            return []
        lines = [ngettext(
            "%(current)s of %(total)s segment up to date", "%(current)s of %(total)s segments up to date", status.total
        ) % {"current": status.current, "total": status.total}]
        if status.outdated:
            lines.append(ngettext(
                "%(count)s segment behind the English", "%(count)s segments behind the English", status.outdated
            ) % {"count": status.outdated})
        if status.missing:
            lines.append(ngettext(
                "%(count)s segment not translated", "%(count)s segments not translated", status.missing
            ) % {"count": status.missing})
        if self.recordings_behind:
            lines.append(ngettext(
                "%(count)s recording of an earlier English text", "%(count)s recordings of an earlier English text",
                self.recordings_behind,
            ) % {"count": self.recordings_behind})
        return lines


def draft_change_phrase(draft):
    """What kind of English change an open draft is, and where it stands."""
    major = draft.significance == Significance.MAJOR
    if draft.status == Revision.Status.REVIEW:
        return gettext("A major English change is waiting for review") if major else gettext(
            "A minor English change is waiting for review")
    if draft.status == Revision.Status.SCHEDULED:
        return gettext("A major English change is scheduled") if major else gettext("A minor English change is scheduled")
    return gettext("A draft makes a major English change") if major else gettext("A draft makes a minor English change")


def draft_note(draft, outlook, language):
    if outlook is None or not outlook.count:
        return ""
    name = get_language_info(language)["name_translated"]
    return "%(change)s: %(will_need)s" % {
        "change": draft_change_phrase(draft),
        "will_need": ngettext(
            "%(count)s segment will need %(language)s", "%(count)s segments will need %(language)s", outlook.count
        ) % {"count": outlook.count, "language": name},
    }


def translate_url(draft, language):
    return reverse("admin:guidance_revision_translate", args=[draft.pk, language])


def dashboard_rows():
    """One row per page: its cells in each translated language, and its open draft."""
    pages = list(GuidancePage.objects.select_related("current_revision"))
    statuses = page_status.statuses_for_pages(pages)
    current_recordings = {}
    for recording in Recording.objects.current().filter(page__in=pages):
        current_recordings.setdefault(recording.page_id, []).append(recording)
    reviews = {(review.page_id, review.language): review
               for review in NativeReview.objects.filter(page__in=pages).select_related("confirmed_by")}
    drafts = {
        draft.page_id: draft
        for draft in Revision.objects.open().filter(page__in=pages).select_related("page__current_revision")
    }
    rows = []
    for page in pages:
        draft = drafts.get(page.pk)
        outlook = page_status.draft_outlook(draft) if draft is not None else {}
        edit_url = reverse("admin:guidance_guidancepage_edit", args=[page.pk])
        heard = recordings.behind_by_language(page.current_revision, current_recordings.get(page.pk, []))
        cells = []
        for code in page_status.TRANSLATED_LANGUAGES:
            draft_url = ""
            if draft is not None:
                draft_url = reverse("admin:guidance_revision_review", args=[draft.pk]) + f"?lang={code}"
                if draft.is_editable:
                    draft_url = translate_url(draft, code)
            cells.append(Cell(statuses[page.pk][code], edit_url, draft_note(draft, outlook.get(code), code), draft_url,
                              heard.get(code, 0), reviews.get((page.pk, code))))
        rows.append({
            "page": page, "draft": draft, "cells": cells,
            "native_reviews_waiting": sum(1 for cell in cells if cell.awaits_native_review),
            "draft_review_url": reverse("admin:guidance_revision_review", args=[draft.pk]) if draft else "",
        })
    return rows


def left_behind(draft):
    """Per language, the segments publishing this draft (as a minor or major change) leaves behind."""
    if not draft.is_open:
        return []
    significance = Significance.MINOR if draft.significance == Significance.TYPO else draft.significance
    outlook = page_status.draft_outlook(draft, significance)
    return [
        {
            "code": code,
            "name": get_language_info(code)["name_translated"],
            "outlook": outlook[code],
            "url": translate_url(draft, code) if draft.is_editable else "",
        }
        for code in page_status.TRANSLATED_LANGUAGES
        if code in outlook and outlook[code].left_behind
    ]


def quality_problems(draft):
    """Per language, the problems the quality checks find in the translations an open draft changes."""
    if not draft.is_open:
        return []
    from ..segments import checks as translation_checks  # a late import: the checks read the glossary file only when asked

    return [
        {"code": code, "name": get_language_info(code)["name_translated"], "problems": problems,
         "blocking": any(problem.blocking for problem in problems),
         "url": translate_url(draft, code) if draft.is_editable else ""}
        for code, problems in translation_checks.draft_problems(draft).items()
    ]
