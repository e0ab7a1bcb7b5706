"""Staff members with a role, and the admin steps of the publishing workflow, for tests."""

import itertools

from django.conf import settings
from django.contrib.auth.models import Group, User
from django.test import Client
from modeltranslation.utils import build_localized_fieldname

from guidance.models import GuidancePage, Revision

from .second_factor import verified

TRANSLATED_FIELDS = ("title", "summary", "body", "change_note")
_numbers = itertools.count(1)


def staff_client(role=None, *, superuser=False, username=None):
    """A test client logged in as a new staff member with the role (a group), or a superuser;
    publishers and superusers have passed their second factor (tests/second_factor.py)."""
    user = User.objects.create_user(
        username or f"{role or 'admin'}{next(_numbers)}", is_staff=True, is_superuser=superuser,
        first_name=(role or "admin").title(),
    )
    if role:
        user.groups.add(Group.objects.get(name=role))
    client = Client()
    client.force_login(user)
    verified(client, user)
    client.user = user
    return client


def page(slug="refugees"):
    return GuidancePage.objects.select_related("current_revision").get(slug=slug)


def edit_url(guidance_page):
    return f"/admin/guidance/guidancepage/{guidance_page.pk}/edit/"


def change_url(revision):
    return f"/admin/guidance/revision/{revision.pk}/change/"


def review_url(revision):
    return f"/admin/guidance/revision/{revision.pk}/review/"


def start_draft(client, guidance_page):
    """Click "Start a draft" on the page; returns the open draft."""
    response = client.post(edit_url(guidance_page))
    assert response.status_code == 302, response.content.decode()[:500]
    return guidance_page.revisions.open().get()


def edited_draft(client, slug="refugees", submit=False, **changes):
    """A draft of the page started and saved by this client with these changes, as stored now."""
    draft = start_draft(client, page(slug))
    save_draft(client, draft, submit=submit, **changes)
    return Revision.objects.get(pk=draft.pk)


def appended(text, slug="refugees"):
    """The page's published English body with `text` added: a real change to publish."""
    return {"body_en": page(slug).current_revision.body_en + text}


def form_data(revision, **changes):
    """What the draft's change form posts: every translated field, the significance and the version seen."""
    data = {
        build_localized_fieldname(field, code): getattr(revision, build_localized_fieldname(field, code)) or ""
        for field in TRANSLATED_FIELDS
        for code, _name in settings.LANGUAGES
    }
    data.update(significance=revision.significance, seen_version=revision.version)
    data["sources"] = [source.pk for source in revision.sources.all()]  # the checkboxes as they are ticked
    data.update(changes)
    return data


def save_draft(client, revision, submit=False, **changes):
    data = form_data(revision, **changes)
    data["_submit_for_review" if submit else "_save"] = "1"
    return client.post(change_url(revision), data)


def decide(client, revision, action, **fields):
    """Post a publisher's decision on the review page, based on what it shows now."""
    revision = Revision.objects.select_related("page").get(pk=revision.pk)
    data = {
        "action": action,
        "seen_version": revision.version,
        "seen_current": revision.page.current_revision_id or "",
        "significance": revision.significance,
        "change_note": revision.change_note_en or "",
        **fields,
    }
    return client.post(review_url(revision), data)
