"""The admin home's "What needs you" list: for the person looking, each thing waiting, with a count and a
link to the admin list that shows exactly those. Only what the person may open; one query per line."""

import datetime
from dataclasses import dataclass
from urllib.parse import urlencode

from django.db.models import F
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import get_language_info, gettext

from config.history import stale_translations
from config.history.tracked import tracked_models
from config.reports import queue
from config.site.models import Notice, NoticeChange
from guidance import native_review, roles
from guidance.models import GuidancePage, Revision
from guidance.segments.page_status import TRANSLATED_LANGUAGES, TranslationState
from partners import models as partners

from . import directory, people

NOTICES_ENDING_WITHIN = datetime.timedelta(days=7)
ENTRIES_SHOWN = 10  # of the directory entries due for a check; the line's link lists them all
BEHIND = (TranslationState.NEEDS_UPDATE, TranslationState.IMMEDIATE_UPDATE)


@dataclass(frozen=True)
class Line:
    label: str
    count: int
    url: str
    entries: tuple = ()  # the first few things it counts, each an Entry


@dataclass(frozen=True)
class Entry:
    name: str
    url: str
    note: str


def admin_list(name, **query):
    return f"{reverse(name)}?{urlencode(query)}"


def lines(user):
    profile = people.profile(user)
    found = []
    if roles.can_edit_drafts(user) and user.has_perm(roles.VIEW_REVISIONS):
        found.append(my_drafts(user))
    if roles.can_publish(user) and user.has_perm(roles.VIEW_REVISIONS):
        found.append(waiting_for_review())
    if user.has_perm("guidance.view_guidancepage"):
        found.extend(translations_to_update(profile.translates))
        found.extend(native_reviews_waiting(profile.translates))
        found.extend(directory_translations_to_update(profile.translates))
        found.extend(notices_to_translate(profile.translates))  # a translator needs no access to the notices' admin
    cities = directory.city_ids(profile)
    if user.has_perm("offices.view_office"):
        found.append(entries_to_check(directory.OFFICES, cities, gettext("Offices to check in my cities"),
                                      gettext("Offices to check")))
    if user.has_perm("partners.view_branch"):
        found.append(entries_to_check(directory.BRANCHES, cities, gettext("Partner branches to check in my cities"),
                                      gettext("Partner branches to check")))
    if user.has_perm("partners.view_partner"):
        found.append(entries_to_check(directory.PARTNERS, cities, gettext("Partners to check in my cities"),
                                      gettext("Partners to check")))
    if user.has_perm("partners.review_changeproposal"):  # the partner role never has it
        found.append(proposals_to_review(cities))
    if user.has_perm("reports.view_report"):
        found.append(reports_to_look_into(cities))
    if user.has_perm("site.view_notice"):
        if user.has_perm("site.publish_notice"):
            found.append(notices_waiting_for_review())
            found.append(notice_changes_waiting_for_review())
        found.append(notices_ending_soon())
    return found


def my_drafts(user):
    statuses = ",".join(Revision.OPEN_STATUSES)
    return Line(
        gettext("My drafts"), Revision.objects.open().filter(author=user).count(),
        admin_list("admin:guidance_revision_changelist", author__id__exact=user.pk, status__in=statuses),
    )


def waiting_for_review():
    return Line(
        gettext("Waiting for my review"), Revision.objects.awaiting_review().count(),
        admin_list("admin:guidance_revision_changelist", status__exact=Revision.Status.REVIEW),
    )


def translations_to_update(languages):
    """Pages behind the English in each of the person's languages, from the states stored on the pages."""
    languages = [code for code in TRANSLATED_LANGUAGES if code in languages]
    if not languages:
        return []
    stored = list(GuidancePage.objects.published().values_list("translation_status", flat=True))
    url = reverse("admin:guidance_guidancepage_translations")
    return [
        Line(
            gettext("Translations to update: %(language)s") % {"language": get_language_info(code)["name_translated"]},
            sum(1 for states in stored if (states or {}).get(code) in BEHIND), url,
        )
        for code in languages
    ]


def native_reviews_waiting(languages):
    """Pages and directory entries whose translation in one of the person's languages waits for a native speaker's
    review, counted together (one query), for the languages that have any."""
    if not any(code in languages for code in TRANSLATED_LANGUAGES):
        return []
    waiting = native_review.waiting_by_language()
    url = reverse("admin:guidance_guidancepage_translations")
    return [
        Line(gettext("Translations waiting for a native speaker’s review: %(language)s")
             % {"language": get_language_info(code)["name_translated"]}, waiting[code], url)
        for code in TRANSLATED_LANGUAGES if code in languages and waiting.get(code)
    ]


def directory_translations_to_update(languages):
    """Directory entries with a field whose translation is behind the English, per language: one query (a
    union over the kinds of entry) of the flags the entries keep."""
    languages = [code for code in TRANSLATED_LANGUAGES if code in languages]
    querysets = [model._base_manager.exclude(outdated_translations={}).order_by().values_list("outdated_translations", flat=True)
                 for model in tracked_models()]
    if not languages or not querysets:
        return []
    flags = list(querysets[0].union(*querysets[1:], all=True))
    url = reverse("admin:guidance_guidancepage_translations") + "#directory-entries"
    return [
        Line(
            gettext("Directory translations to update: %(language)s") % {"language": get_language_info(code)["name_translated"]},
            sum(1 for entry_flags in flags if any(code in flagged for flagged in entry_flags.values())), url,
        )
        for code in languages
    ]


def entries_to_check(kind, cities, label_mine, label_all):
    """The count and the first ENTRIES_SHOWN entries due, most overdue first, in one query."""
    due = list(kind.to_check(cities).order_by(F("next_check_due").asc(nulls_first=True), "pk"))
    shown = tuple(
        Entry(str(entry), reverse(f"admin:{entry._meta.app_label}_{entry._meta.model_name}_change", args=[entry.pk]),
              gettext("due on %(date)s") % {"date": date_format(entry.next_check_due, "DATE_FORMAT")}
              if entry.next_check_due else gettext("Never checked"))
        for entry in due[:ENTRIES_SHOWN]
    )
    return Line(label_mine if cities else label_all, len(due), kind.list_url(cities), shown)


def proposals_to_review(cities):
    """Changes partners proposed to their entries, waiting for a decision; those of partners in the person's cities."""
    waiting = partners.ChangeProposal.objects.filter(status=partners.ChangeProposal.Status.SUBMITTED)
    query = {"status__exact": partners.ChangeProposal.Status.SUBMITTED}
    if cities:
        waiting = waiting.filter(partner__branches__city__in=cities).distinct()
        query["partner__branches__city__id__in"] = ",".join(str(pk) for pk in cities)
    label = gettext("Partner proposals to review in my cities") if cities else gettext("Partner proposals to review")
    return Line(label, waiting.count(), admin_list("admin:partners_changeproposal_changelist", **query))


def reports_to_look_into(cities):
    """Readers' open reports of wrong information on the entries of the person's cities (and of no city)."""
    label = gettext("Reports of wrong information in my cities") if cities else gettext("Reports of wrong information")
    return Line(label, queue.open_reports(cities).count(), queue.queue_url(status="open", **queue.city_query(cities)))


def notices_waiting_for_review():
    return Line(
        gettext("Notices waiting for my review"), Notice.objects.awaiting_review().count(),
        admin_list("admin:site_notice_changelist", status__exact=Notice.Status.REVIEW),
    )


def notices_ending_soon():
    now = timezone.now()
    ending = {"ends_at__gt": now.isoformat(), "ends_at__lte": (now + NOTICES_ENDING_WITHIN).isoformat()}
    count = Notice.objects.filter(status=Notice.Status.PUBLISHED, **ending).count()
    return Line(
        gettext("Notices ending in the next 7 days"), count,
        admin_list("admin:site_notice_changelist", status__exact=Notice.Status.PUBLISHED, **ending),
    )


def notice_changes_waiting_for_review():
    return Line(
        gettext("Proposed changes of notices waiting for my review"), NoticeChange.objects.waiting().count(),
        admin_list("admin:site_noticechange_changelist", status__exact=NoticeChange.Status.WAITING),
    )


def notices_to_translate(languages):
    """Published notices, not over, shown in English (missing or behind) in each of the person's languages: one query."""
    languages = [code for code in TRANSLATED_LANGUAGES if code in languages]
    if not languages:
        return []
    notices = list(Notice.objects.published().not_over(timezone.now()))
    url = reverse("admin:guidance_guidancepage_translations") + "#notice-translations"
    return [
        Line(
            gettext("Notices to translate: %(language)s") % {"language": get_language_info(code)["name_translated"]},
            sum(1 for notice in notices if stale_translations.language_state(notice, code) != stale_translations.CURRENT), url,
        )
        for code in languages
    ]
