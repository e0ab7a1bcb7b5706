"""Partner accounts and their change proposals in the admin.

A partner's account sees only its own organisation's proposals: it edits its draft (a form per entry,
filled with the live values) and sends it for review; it never changes the live directory. UNHCR staff who
review (editors, publishers) see the submitted ones with a per-field diff, and accept or reject them.
Another partner's proposal answers the admin's own 403 page.
"""

from django import forms
from django.contrib import admin, messages
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from config.history.admin import old_to_new

from . import proposals
from .models import ChangeProposal, PartnerAccount, partner_of

REVIEW = "partners.review_changeproposal"
APPLY = ("partners.change_partner", "partners.change_branch")  # accepting saves the live entries
KEEP, TAKE = "keep", "take"


def may_review(user):
    return user.has_perm(REVIEW) and all(user.has_perm(perm) for perm in APPLY)


def is_reviewer(user):
    """May review, and speaks for UNHCR: a partner's account never reviews, whatever groups it was given."""
    return may_review(user) and partner_of(user) is None


@admin.register(PartnerAccount)
class PartnerAccountAdmin(admin.ModelAdmin):
    """Which staff account speaks for which partner; the account itself is made by a superuser (Users)."""

    list_display = ["user", "partner"]
    list_select_related = ["user", "partner"]
    search_fields = ["user__username", "partner__name"]

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "user":  # a partner's account is staff, never a superuser
            kwargs["queryset"] = get_user_model().objects.filter(is_staff=True, is_superuser=False).order_by("username")
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


class ReviewForm(forms.Form):
    """Accept or reject (the two buttons); a reason to reject; for each field changed since, which value stays."""

    decision = forms.ChoiceField(choices=[("accept", _("Accept")), ("reject", _("Reject"))])
    reason = forms.CharField(
        label=_("Reason for the rejection"), required=False, widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("The partner reads it in the e-mail that tells them your decision."),
    )

    def __init__(self, *args, rows, **kwargs):
        super().__init__(*args, **kwargs)
        self.conflicts = [row for row in rows if row.conflict]
        for row in self.conflicts:
            self.fields[row.choice_name] = forms.ChoiceField(
                label=row.label, required=False, widget=forms.RadioSelect,
                choices=[(KEEP, _("Keep the current value")), (TAKE, _("Take the partner's value"))],
            )

    def clean(self):
        data = super().clean()
        if data.get("decision") == "reject" and not data.get("reason", "").strip():
            self.add_error("reason", _("Say why, so that the partner can put it right."))
        if data.get("decision") == "accept":
            for row in self.conflicts:
                if not data.get(row.choice_name):
                    self.add_error(row.choice_name, _(
                        "This field changed after the partner proposed its value: choose which value stays."
                    ))
        return data

    def kept_live(self):
        return {row.value.pk for row in self.conflicts if self.cleaned_data.get(row.choice_name) == KEEP}


@admin.register(ChangeProposal)
class ChangeProposalAdmin(admin.ModelAdmin):
    list_display = ["__str__", "status", "proposed_by", "submitted_at", "reviewed_by"]
    list_filter = ["status"]
    list_select_related = ["partner", "proposed_by", "reviewed_by"]

    class Media:
        css = {"all": ["css/admin.css"]}

    def lookup_allowed(self, lookup, value, request=None):
        # the admin home's link to the proposals of the reviewer's cities (config/staff/dashboard.py)
        return lookup == "partner__branches__city__id__in" or super().lookup_allowed(lookup, value, request)

    def get_queryset(self, request):
        proposals_ = super().get_queryset(request)
        partner = partner_of(request.user)
        if partner is not None:
            return proposals_.filter(partner=partner)
        if is_reviewer(request.user):
            return proposals_.exclude(status=ChangeProposal.Status.DRAFT)  # a draft is the partner's own
        return proposals_.none()

    def may_see(self, request, proposal):
        partner = partner_of(request.user)
        if partner is not None:
            return proposal.partner_id == partner.pk
        return is_reviewer(request.user) and proposal.status != ChangeProposal.Status.DRAFT

    def has_view_permission(self, request, obj=None):
        return super().has_view_permission(request, obj) and (obj is None or self.may_see(request, obj))

    def has_add_permission(self, request):
        return super().has_add_permission(request) and partner_of(request.user) is not None  # permissions are cached

    def has_change_permission(self, request, obj=None):
        if obj is None:  # from the permissions alone (cached): the admin home asks for every model
            return super().has_change_permission(request) or may_review(request.user)
        if partner_of(request.user) is not None:
            return self.may_see(request, obj) and obj.status == ChangeProposal.Status.DRAFT and super().has_change_permission(request, obj)
        return is_reviewer(request.user) and obj.status == ChangeProposal.Status.SUBMITTED

    def has_delete_permission(self, request, obj=None):
        return False  # a decided proposal is history; a draft is simply changed

    def add_view(self, request, form_url="", extra_context=None):
        """ "Propose a change": the partner's open proposal, or a new one."""
        partner = partner_of(request.user)
        if partner is None or not self.has_add_permission(request):
            raise PermissionDenied
        open_one = partner.proposals.filter(status__in=ChangeProposal.OPEN).first()
        if open_one is not None:
            return HttpResponseRedirect(reverse("admin:partners_changeproposal_change", args=[open_one.pk]))
        return self.propose_view(request, partner, None)

    def change_view(self, request, object_id, form_url="", extra_context=None):
        proposal = ChangeProposal.objects.select_related("partner").filter(pk=object_id if object_id.isdigit() else 0).first()
        if proposal is None:
            raise Http404
        if not self.has_view_permission(request, proposal):
            raise PermissionDenied  # another partner's proposal, or a draft not yet sent: the admin's 403
        partner = partner_of(request.user)
        if partner is not None and proposal.status == ChangeProposal.Status.DRAFT:
            return self.propose_view(request, partner, proposal)
        return self.review_view(request, proposal)

    def context(self, request, title, **extra):
        return {**self.admin_site.each_context(request), "opts": self.opts, "title": title, **extra}

    def propose_view(self, request, partner, proposal):
        posted = request.method == "POST"
        entry_forms = proposals.ProposalForms(partner, proposal, request.POST if posted else None)
        error = None
        if posted and entry_forms.is_valid():
            submit = "submit" in request.POST
            try:
                proposal = proposals.save_proposal(partner, request.user, entry_forms, proposal, submit=submit)
            except proposals.NothingProposed as nothing:
                error = nothing.message
            else:
                if submit:
                    self.message_user(request, gettext("Your proposal was sent. UNHCR staff review it; you get an e-mail "
                                                       "with their decision."), messages.SUCCESS)
                    return HttpResponseRedirect(reverse("admin:partners_changeproposal_changelist"))
                self.message_user(request, gettext("Your draft is saved. Nothing changes on the site until you send "
                                                   "it and it is accepted."), messages.SUCCESS)
                return HttpResponseRedirect(reverse("admin:partners_changeproposal_change", args=[proposal.pk]))
        elif posted:
            error = gettext("Please correct the errors below. Nothing you typed was lost.")
        return TemplateResponse(request, "admin/partners/changeproposal/propose.html", self.context(
            request, gettext("Propose a change: %(partner)s") % {"partner": partner.name},
            forms=entry_forms, proposal=proposal, error=error,
        ))

    def review_view(self, request, proposal):
        rows = proposals.review_rows(proposal)
        may_decide = self.has_change_permission(request, proposal) and partner_of(request.user) is None
        form = ReviewForm(request.POST if request.method == "POST" else None, rows=rows)
        if request.method == "POST":
            if not may_decide:
                raise PermissionDenied
            if form.is_valid():
                versions = {key: int(value) for key, value in request.POST.items()
                            if key.startswith("seen_") and value.isdigit()}
                try:
                    self.decide(request, proposal, form, {key.removeprefix("seen_"): value for key, value in versions.items()})
                except ValidationError as error:
                    rows = proposals.review_rows(proposal)  # what changed meanwhile, with its new versions
                    form = ReviewForm(request.POST, rows=rows)
                    form.is_valid()
                    form.add_error(None, error)
                else:
                    return HttpResponseRedirect(reverse("admin:partners_changeproposal_changelist"))
        return TemplateResponse(request, "admin/partners/changeproposal/review.html", self.context(
            request, str(proposal), proposal=proposal, form=form, may_decide=may_decide,
            rows=[(row, old_to_new(row.proposed), old_to_new(row.current) if row.conflict else "",
                   form[row.choice_name] if may_decide and row.choice_name in form.fields else None) for row in rows],
            versions=proposals.seen_versions(rows), staff=partner_of(request.user) is None,
        ))

    def decide(self, request, proposal, form, versions):
        if form.cleaned_data["decision"] == "accept":
            proposals.accept(proposal, request.user, versions=versions, keep_live=form.kept_live())
            message = gettext("Accepted: the changes of %(partner)s are on the site, and the partner is told.")
        else:
            proposals.reject(proposal, request.user, form.cleaned_data["reason"].strip())
            message = gettext("Rejected: %(partner)s is told why.")
        self.message_user(request, message % {"partner": proposal.partner.name}, messages.SUCCESS)
