"""Partner NGOs keep their own entries: a partner's account proposes changes to its organisation and
branches only; UNHCR staff review them with a diff and accept (through the directory's ordinary save:
field history, edit conflicts, translation flags) or reject; the partner is told by e-mail."""

import pytest
from django.contrib.auth.models import Group, User
from django.core import mail
from django.test import Client

from config.staff.models import StaffProfile
from partners.models import ChangeProposal, Partner, PartnerAccount

from .admin_forms import form_values, open_form
from .factories import committed

pytestmark = pytest.mark.django_db

PROPOSE = "/admin/partners/changeproposal/add/"
PROPOSALS = "/admin/partners/changeproposal/"


def partner_client(slug, username, language="en"):
    """A partner organisation's account (the "partner" role), logged in, its e-mails in `language`."""
    user = User.objects.create_user(username, email=f"{username}@example.org", is_staff=True, first_name=username.title())
    user.groups.add(Group.objects.get(name="partner"))
    PartnerAccount.objects.create(user=user, partner=Partner.objects.get(slug=slug))
    StaffProfile.objects.create(user=user, language=language)
    client = Client()
    client.force_login(user)
    client.user = user
    return client


def branch_prefix(partner_slug, form):
    branch = Partner.objects.get(slug=partner_slug).branches.order_by("city__order", "pk").first()
    assert f"branch-{branch.pk}-phones" in form
    return branch, f"branch-{branch.pk}"


def propose(client, submit=True, **changes):
    """Open the partner's proposal form, change these fields, send it (or save it as a draft)."""
    opened = client.get(PROPOSE)
    url = opened.url if opened.status_code == 302 else PROPOSE  # the open draft, when there is one
    data = open_form(client, url)
    data.update({name: [value] for name, value in changes.items()})
    data["submit" if submit else "save"] = ["x"]
    return client.post(url, data)


def review_url(proposal):
    return f"/admin/partners/changeproposal/{proposal.pk}/change/"


def test_a_partner_sees_and_proposes_only_for_its_own_organisation(staff_client):
    bhr, red = partner_client("bhr", "bhrstaff"), partner_client("red-crescent", "redstaff")
    red_name = Partner.objects.get(slug="red-crescent").name

    form_page = bhr.get(PROPOSE)
    assert form_page.status_code == 200
    html = form_page.content.decode()
    assert Partner.objects.get(slug="bhr").name in html and red_name not in html

    # The live directory's admin is closed to a partner's account: the admin's own 403 page, nothing of another partner.
    other = Partner.objects.get(slug="red-crescent")
    for url in (f"/admin/partners/partner/{other.pk}/change/", "/admin/partners/partner/",
                f"/admin/partners/branch/{other.branches.first().pk}/change/", "/admin/history/fieldchange/"):
        response = bhr.get(url)
        assert response.status_code == 403, url
        assert "Your role does not allow this page" in response.content.decode()
        assert red_name not in response.content.decode()

    # Another partner's proposal: 403, in the list not at all.
    _branch, prefix = branch_prefix("red-crescent", open_form(red, PROPOSE))
    assert propose(red, **{f"{prefix}-phones": "+7 727 300 00 01"}).status_code == 302
    theirs = ChangeProposal.objects.get(partner__slug="red-crescent")
    refused = bhr.get(review_url(theirs))
    assert refused.status_code == 403 and "Your role does not allow this page" in refused.content.decode()
    assert bhr.post(review_url(theirs), {"decision": "accept"}).status_code == 403
    listing = bhr.get(PROPOSALS)
    assert listing.status_code == 200 and red_name not in listing.content.decode()


def test_a_proposal_is_reviewed_with_its_diff_and_accepting_it_changes_the_public_page(staff_client):
    bhr = partner_client("bhr", "aigerim")
    branch, prefix = branch_prefix("bhr", open_form(bhr, PROPOSE))
    old_address = branch.address_en
    branch.address_ru = "Старый адрес"
    branch.save()
    sent = propose(bhr, **{f"{prefix}-phones": "8 727 300 00 02", f"{prefix}-address_en": "5 Abai Ave., office 2"})
    assert sent.status_code == 302
    branch.refresh_from_db()
    assert branch.phones != "+77273000002"  # nothing live changes before a review

    editor = staff_client("editor", username="erlan")
    home = editor.get("/admin/")
    assert home.status_code == 200 and "Partner proposals to review" in home.content.decode()
    proposal = ChangeProposal.objects.get(partner__slug="bhr")
    page = editor.get(review_url(proposal))
    html = page.content.decode()
    assert page.status_code == 200
    assert "+7 727 300 00 02" in html and "5 Abai Ave., office 2" in html and old_address in html
    assert 'class="old-value"' in html and "Address (English)" in html

    with committed():  # the e-mail goes once the request's transaction committed
        accepted = editor.post(review_url(proposal), {**form_values(html), "decision": "accept"})
    assert accepted.status_code == 302
    branch.refresh_from_db()
    assert branch.phones == "+77273000002" and branch.address_en == "5 Abai Ave., office 2"
    assert "address" in branch.outdated_translations and "ru" in branch.outdated_translations["address"]

    public = Client().get("/en/partners/bhr/")
    assert public.status_code == 200 and "+7 727 300 00 02" in public.content.decode()

    history = editor.get("/admin/history/fieldchange/?q=Abai")
    text = history.content.decode()
    assert history.status_code == 200 and "Aigerim" in text and "Partner: " + proposal.partner.name in text

    assert [message.to for message in mail.outbox if "accepted" in message.subject] == [["aigerim@example.org"]]


def test_a_staff_edit_made_after_the_proposal_is_not_overwritten(staff_client):
    bhr = partner_client("bhr", "bhrstaff")
    branch, prefix = branch_prefix("bhr", open_form(bhr, PROPOSE))
    propose(bhr, **{f"{prefix}-phones": "+7 727 300 00 03", f"{prefix}-opening_hours_en": "Lunch 13:00-14:00"})
    branch.refresh_from_db()
    branch.phones = "+77273000009"  # a colleague corrected the phone meanwhile
    branch.save()

    editor = staff_client("editor")
    proposal = ChangeProposal.objects.get(partner__slug="bhr")
    page = editor.get(review_url(proposal))
    html = page.content.decode()
    assert "Changed since the partner proposed this" in html and "+7 727 300 00 09" in html

    unchosen = editor.post(review_url(proposal), {**form_values(html), "decision": "accept"})
    assert unchosen.status_code == 200 and "choose which value stays" in unchosen.content.decode()
    branch.refresh_from_db()
    assert branch.phones == "+77273000009" and branch.opening_hours_en != "Lunch 13:00-14:00"

    choice = f"choose_{proposal.values.get(field='phones').pk}"
    assert f'name="{choice}"' in html
    kept = editor.post(review_url(proposal), {**form_values(html), choice: "keep", "decision": "accept"})
    assert kept.status_code == 302
    branch.refresh_from_db()
    assert branch.phones == "+77273000009" and branch.opening_hours_en == "Lunch 13:00-14:00"


def test_a_review_page_opened_before_a_staff_edit_refuses_to_save_over_it(staff_client):
    bhr = partner_client("bhr", "bhrstaff")
    branch, prefix = branch_prefix("bhr", open_form(bhr, PROPOSE))
    propose(bhr, **{f"{prefix}-phones": "+7 727 300 00 04"})
    editor = staff_client("editor")
    proposal = ChangeProposal.objects.get(partner__slug="bhr")
    opened = form_values(editor.get(review_url(proposal)).content.decode())
    branch.refresh_from_db()
    branch.address_en = "A new address typed by a colleague"
    branch.save()

    refused = editor.post(review_url(proposal), {**opened, "decision": "accept"})
    assert refused.status_code == 200 and "Nothing was saved over their change." in refused.content.decode()
    branch.refresh_from_db()
    assert branch.phones != "+77273000004" and branch.address_en == "A new address typed by a colleague"
    assert ChangeProposal.objects.get(pk=proposal.pk).status == "submitted"


def test_rejecting_tells_the_partner_why_in_its_language(staff_client):
    bhr = partner_client("bhr", "bhrstaff", language="ru")
    _branch, prefix = branch_prefix("bhr", open_form(bhr, PROPOSE))
    propose(bhr, **{f"{prefix}-phones": "+7 727 300 00 05"})
    editor = staff_client("editor")
    proposal = ChangeProposal.objects.get(partner__slug="bhr")
    html = editor.get(review_url(proposal)).content.decode()

    no_reason = editor.post(review_url(proposal), {**form_values(html), "decision": "reject", "reason": " "})
    assert no_reason.status_code == 200 and "Say why" in no_reason.content.decode()
    with committed():
        rejected = editor.post(review_url(proposal), {**form_values(html), "decision": "reject",
                                                      "reason": "This number is a private mobile phone."})
    assert rejected.status_code == 302
    assert ChangeProposal.objects.get(pk=proposal.pk).status == "rejected"
    [message] = [message for message in mail.outbox if message.to == ["bhrstaff@example.org"]]
    assert "This number is a private mobile phone." in message.body
    assert "не принято" in message.subject and "Причина:" in message.body
    mine = bhr.get(review_url(proposal))
    assert mine.status_code == 200 and "This number is a private mobile phone." in mine.content.decode()


def test_an_invalid_phone_is_a_localized_error_and_nothing_typed_is_lost():
    bhr = partner_client("bhr", "bhrstaff")
    bhr.cookies["django_language"] = "ru"
    _branch, prefix = branch_prefix("bhr", open_form(bhr, PROPOSE))
    response = propose(bhr, **{f"{prefix}-phones": "call us", f"{prefix}-address_en": "7 Abai Ave."})
    assert response.status_code == 200
    html = response.content.decode()
    assert 'value="call us"' in html and 'value="7 Abai Ave."' in html
    assert "Исправьте ошибки ниже" in html
    assert "Не удалось прочитать «call us» как номер телефона" in html
    assert not ChangeProposal.objects.exists()


def test_a_draft_is_kept_until_sent_and_a_sent_proposal_is_no_longer_editable():
    bhr = partner_client("bhr", "bhrstaff")
    _branch, prefix = branch_prefix("bhr", open_form(bhr, PROPOSE))
    saved = propose(bhr, submit=False, **{f"{prefix}-phones": "+7 727 300 00 06"})
    assert saved.status_code == 302
    draft = ChangeProposal.objects.get()
    assert draft.status == "draft" and bhr.get(PROPOSE).url == review_url(draft)
    assert 'value="+77273000006"' in bhr.get(review_url(draft)).content.decode()  # the draft's value, not the live one
    assert propose(bhr).status_code == 302
    assert ChangeProposal.objects.get().status == "submitted"
    assert bhr.post(review_url(draft), {"decision": "accept"}).status_code == 403
