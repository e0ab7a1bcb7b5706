"""The guidance workflow's signals, turned into e-mails once the workflow's transaction has committed
(a refused or rolled-back action tells no one)."""

from django.db import transaction
from django.utils.text import Truncator
from django.utils.translation import get_language_info
from modeltranslation.utils import build_localized_fieldname

from config.history import signals as history_signals
from config.history import stale_translations as entry_translations
from config.history.labels import admin_url
from config.site import signals as site_signals
from guidance import recordings, roles, signals
from guidance.segments import status as segment_status
from guidance.segments.page_status import TranslationState, stored_map
from guidance.segments.status import OUTDATED, SOURCE_LANGUAGE, TRANSLATED_LANGUAGES
from guidance.translators import directory_exchange
from partners import signals as partner_signals

from . import directory, mail, people

NOTICE_PUBLISHERS = "site.publish_notice"
PROPOSAL_REVIEWERS = "partners.review_changeproposal"
SEGMENTS_LISTED = 20  # per language; the rest are counted, the translator sees them all in the admin


def connect():
    signals.draft_submitted.connect(draft_submitted, dispatch_uid="staff.draft_submitted")
    signals.draft_rejected.connect(draft_rejected, dispatch_uid="staff.draft_rejected")
    signals.page_published.connect(page_published, dispatch_uid="staff.page_published")
    signals.language_sent_back.connect(language_sent_back, dispatch_uid="staff.language_sent_back")
    signals.translations_carried.connect(translations_carried, dispatch_uid="staff.translations_carried")
    site_signals.notice_submitted.connect(notice_submitted, dispatch_uid="staff.notice_submitted")
    site_signals.notice_published.connect(notice_published, dispatch_uid="staff.notice_published")
    history_signals.translations_left_behind.connect(
        directory_translations_left_behind, dispatch_uid="staff.directory_translations_left_behind"
    )
    partner_signals.proposal_submitted.connect(proposal_submitted, dispatch_uid="staff.proposal_submitted")
    partner_signals.proposal_decided.connect(proposal_decided, dispatch_uid="staff.proposal_decided")


def revision_links(revision):
    return {
        "revision": revision,
        "review_url": mail.admin_link("admin:guidance_revision_review", revision.pk),
    }


def draft_submitted(sender, revision, by, **kwargs):
    def tell_publishers():
        reviewers = people.who_want(people.with_permission(roles.PUBLISH), "review_requests", besides=by)
        mail.send(reviewers, "review_requested", by=people_name(by), **revision_links(revision))

    transaction.on_commit(tell_publishers)


def draft_rejected(sender, revision, by, comment, **kwargs):
    def tell_author():
        author = people.wants_one(revision.author, "decisions", besides=by)
        mail.send(author, "rejected", by=people_name(by), comment=comment, **revision_links(revision))

    transaction.on_commit(tell_author)


def notice_submitted(sender, notice, by, **kwargs):
    """An editor's notice waits for a publisher: tell those who publish notices and asked for review requests."""
    def tell_publishers():
        reviewers = people.who_want(people.with_permission(NOTICE_PUBLISHERS), "review_requests", besides=by)
        mail.send(reviewers, "notice_review_requested", by=people_name(by), notice=notice,
                  review_url=mail.admin_link("admin:site_notice_change", notice.pk))

    transaction.on_commit(tell_publishers)


def language_sent_back(sender, revision, language, by, comment, translator=None, **kwargs):
    """Tell the person who last changed the language sent back, in their own language, where to fix it."""
    def tell_translator():
        # The page's editing link: it opens whichever draft holds the translation by the time they read this.
        mail.send(
            people.wants_one(translator, "decisions", besides=by), "language_sent_back",
            lambda user: {"language": get_language_info(language)["name_translated"]},
            by=people_name(by), comment=comment, revision=revision,
            translate_url=mail.admin_link("admin:guidance_guidancepage_edit", revision.page_id, query=f"lang={language}"),
        )

    transaction.on_commit(tell_translator)


def translations_carried(sender, draft, rejected, carried, by=None, **kwargs):
    """Tell whoever last worked on each language of a rejected draft that the new draft kept their translation."""
    def tell_translators():
        for language in carried:
            mail.send(
                people.wants_one(language.translator, "decisions", besides=by), "translation_carried",
                lambda user, code=language.language: {"language": get_language_info(code)["name_translated"]},
                by=people_name(by), revision=draft, comment=rejected.review_comment, kept=language.kept,
                left=language.left,
                translate_url=mail.admin_link("admin:guidance_revision_translate", draft.pk, language.language),
            )

    transaction.on_commit(tell_translators)


def page_published(sender, page, revision, by=None, **kwargs):
    if by is None:
        return  # the content loader publishing the recorded history: nobody decided anything now
    behind = left_behind(revision)
    heard = recordings.left_behind(revision)  # recordings of sections whose English changed

    def tell():
        author = people.wants_one(revision.author, "decisions", besides=by)
        mail.send(author, "published", by=people_name(by), **revision_links(revision))
        if behind or heard:
            tell_translators(revision, behind, heard)

    transaction.on_commit(tell)


def people_name(user):
    return (user.get_full_name() or user.get_username()) if user else ""


def left_behind(revision):
    """{language: [English segments]} that this publication put behind in each translated language.

    Read from the segment maps the workflow stored (this revision's and the one it replaced), not
    worked out again: a segment counts when it is outdated now and was not before.
    """
    if revision.based_on is None or "en" not in (revision.segments or {}):
        return {}
    before = stored_map(revision.based_on)
    english = segment_status.segments_by_id(revision, revision.segments, SOURCE_LANGUAGE)
    behind = {}
    for language in TRANSLATED_LANGUAGES:
        if not segment_status.language_complete(revision, language):
            continue
        was = segment_status.states(before, language)
        newly = [english[sid] for sid, state in segment_status.states(revision.segments, language).items()
                 if state in OUTDATED and was.get(sid) not in OUTDATED and sid in english]
        if newly:
            behind[language] = newly
    return behind


def tell_translators(revision, behind, heard=None):
    heard = heard or {}
    translators = [
        user for user in people.who_want(people.with_permission(roles.VIEW_REVISIONS), "translation_updates")
        if roles.can_edit_drafts(user) and set(people.profile(user).translates) & (set(behind) | set(heard))
    ]

    def context_for(user):
        languages = [code for code in TRANSLATED_LANGUAGES
                     if code in people.profile(user).translates and (code in behind or code in heard)]
        return {"languages": [
            {
                "name": get_language_info(code)["name_translated"],
                "segments": [Truncator(segment.text).chars(160) for segment in behind.get(code, [])[:SEGMENTS_LISTED]],
                "more": max(0, len(behind.get(code, [])) - SEGMENTS_LISTED),
                "recordings": heard.get(code, []),
            }
            for code in languages
        ]}

    mail.send(
        translators, "translations_behind", context_for,
        page=revision.page, revision=revision,
        edit_url=mail.admin_link("admin:guidance_guidancepage_edit", revision.page_id),
        status_url=mail.admin_link("admin:guidance_guidancepage_translations"),
    )


def directory_translations_left_behind(sender, entry, behind, by=None, **kwargs):
    """An English change of a directory entry put translations behind: tell who translates those languages and
    may write them (whoever may change that kind of entry, and translators; the directory has no drafts, so
    readers see the English meanwhile). Each is sent where they can act: the entry's page, or for a
    translator who may not change the entry, the translator's editor of that entry in their language."""
    opts = entry._meta
    change = f"{opts.app_label}.change_{opts.model_name}"
    translators = entry_translators(sender, behind, by)

    def context_for(user):
        languages = languages_for(user, behind)
        context = {"kind": opts.verbose_name, "languages": [
            {
                "name": get_language_info(code)["name_translated"],
                "fields": [
                    {"label": entry_translations.field_label(sender, field).capitalize(),
                     "english": Truncator(getattr(entry, build_localized_fieldname(field, SOURCE_LANGUAGE)) or "").chars(160)}
                    for field in sorted(behind[code])
                ],
            }
            for code in languages
        ]}
        if not user.has_perm(change) and entry_translations.translated_fields(sender):
            context["entry_url"] = mail.admin_link(
                "admin:guidance_guidancepage_translate_entry", directory_exchange.entry_key(entry), languages[0])
        return context

    status_url = mail.admin_link("admin:guidance_guidancepage_translations")
    entry_path = admin_url(opts.app_label, opts.model_name, entry.pk)  # "" for a former name: no page of its own
    mail.send(
        translators, "directory_translations_behind", context_for,
        entry=entry, entry_url=mail.absolute(entry_path) if entry_path else status_url, status_url=status_url,
    )


def entry_translators(model, languages, by):
    """Who translates one of `languages` (named in their profile), may write this kind of entry's translations
    (whoever may change such entries, and translators) and asked to hear of translations to update."""
    opts = model._meta
    change = f"{opts.app_label}.change_{opts.model_name}"
    candidates = {user.pk: user for perm in (change, roles.TRANSLATE_DRAFTS) for user in people.with_permission(perm)}
    return [
        user for user in people.who_want(sorted(candidates.values(), key=lambda user: user.pk), "translation_updates",
                                         besides=by)
        if roles.may_translate_entries(user, model) and languages_for(user, languages)
    ]


def notice_published(sender, notice, by, **kwargs):
    """A published notice shows at once, in English in each language without a translation: tell who translates
    those languages, with a link to the translator's editor of the notice in each of theirs."""
    waiting = [code for code in TRANSLATED_LANGUAGES
               if directory_exchange.entry_state(notice, code) in (TranslationState.MISSING, TranslationState.NEEDS_UPDATE)]
    if not waiting:
        return
    key = directory_exchange.entry_key(notice)

    def context_for(user):
        return {"languages": [
            {"name": get_language_info(code)["name_translated"],
             "url": mail.admin_link("admin:guidance_guidancepage_translate_entry", key, code)}
            for code in languages_for(user, waiting)
        ]}

    def tell_translators():
        mail.send(entry_translators(sender, waiting, by), "notice_to_translate", context_for, notice=notice,
                  status_url=mail.admin_link("admin:guidance_guidancepage_translations") + "#notice-translations")

    transaction.on_commit(tell_translators)


def languages_for(user, behind):
    """The languages behind that this person translates (named in their profile) and may write."""
    return [code for code in TRANSLATED_LANGUAGES
            if code in behind and code in people.profile(user).translates and roles.may_translate(user, code)]


def proposal_submitted(sender, proposal, by, **kwargs):
    """A partner sent changes of its entry: tell who reviews them and edits one of its cities (or every city)."""
    cities = set(proposal.partner.branches.values_list("city_id", flat=True))

    def tell_reviewers():
        reviewers = [
            user for user in people.who_want(people.with_permission(PROPOSAL_REVIEWERS), "review_requests", besides=by)
            if edits_one_of(user, cities)
        ]
        mail.send(reviewers, "proposal_review_requested", partner=proposal.partner,
                  review_url=mail.admin_link("admin:partners_changeproposal_change", proposal.pk))

    transaction.on_commit(tell_reviewers)


def proposal_decided(sender, proposal, by, **kwargs):
    """Tell the partner's account, in its own language, whether its proposal was accepted, and why not."""
    def tell_partner():
        mail.send(people.wants_one(proposal.proposed_by, "decisions", besides=by), "proposal_decided",
                  partner=proposal.partner, accepted=proposal.status == "accepted",
                  reason=proposal.rejection_reason,
                  proposal_url=mail.admin_link("admin:partners_changeproposal_change", proposal.pk))

    transaction.on_commit(tell_partner)


def edits_one_of(user, cities):
    """The person chose none of their cities (so every city), or one of these."""
    chosen = set(directory.city_ids(people.profile(user)))
    return not chosen or bool(chosen & cities)
