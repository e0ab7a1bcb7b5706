"""A partner's change proposals: the forms it fills in, what they propose, and what reviewing them does.

The partner edits a copy of its entry and of each branch (never saved); what differs from the live entry
becomes ProposedValue rows, each with the live value and version it was proposed against. Accepting
saves the live entries the way a staff edit does (config.history records every field, credited to the
partner's account with the organisation's name, and flags the translations behind the English); a field
someone changed since the proposal is shown with both values, and only the reviewer's choice is saved.
"""

import json
from dataclasses import dataclass

from django import forms
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models, transaction
from django.utils import timezone, translation
from django.utils.text import capfirst
from django.utils.translation import get_language_info, gettext
from django.utils.translation import gettext_lazy as _
from modeltranslation.utils import build_localized_fieldname

from config.history import conflicts, recording
from config.history.models import FieldChange
from offices.forms import WeeklyHoursField, rule_line

from . import signals
from .models import Branch, ChangeProposal, Partner, ProposedValue

ENGLISH = settings.LANGUAGE_CODE  # the source text: its translations are flagged when it changes
PARTNER_FIELDS = (build_localized_fieldname("description", ENGLISH), "website", "email")
BRANCH_FIELDS = (
    build_localized_fieldname("address", ENGLISH), "address_local", "address_local_language", "phones",
    build_localized_fieldname("opening_hours", ENGLISH), "hours",
    "closed_from", "closed_until", build_localized_fieldname("closure_reason", ENGLISH),
)
DAY = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


def canonical(value):
    """A value as comparable text: the same for a date and its ISO string, for hours whatever their key order."""
    return json.dumps(value, cls=DjangoJSONEncoder, sort_keys=True, ensure_ascii=False)


def label_of(field):
    """ "Address (English)" for one language of a translated field, else the field's own name."""
    original = getattr(field, "translated_field", None)
    if original is None:
        return capfirst(field.verbose_name)
    return gettext("%(field)s (%(language)s)") % {
        "field": capfirst(original.verbose_name), "language": gettext(get_language_info(field.language)["name"]),
    }


def https_urls(db_field, **kwargs):
    """A website typed without a scheme is https, as in the staff's form (offices.admin.HTTPS_URLS)."""
    if isinstance(db_field, models.URLField):
        kwargs["assume_scheme"] = "https"
    return db_field.formfield(**kwargs)


class EntryProposalForm(forms.ModelForm):
    """One entry's fields a partner may propose, on a copy of the live entry (never saved)."""

    def __init__(self, *args, live, **kwargs):
        super().__init__(*args, **kwargs)
        self.live = live
        for name, formfield in self.fields.items():
            formfield.label = label_of(self._meta.model._meta.get_field(name))

    def proposed(self):
        """(field, live value, proposed value) for each field whose value the partner changed."""
        for name in self.fields:
            field = self._meta.model._meta.get_field(name)
            old, new = field.value_from_object(self.live), field.value_from_object(self.instance)
            if canonical(old) != canonical(new):
                yield field, old, new


class PartnerProposalForm(EntryProposalForm):
    class Meta:
        model = Partner
        fields = PARTNER_FIELDS
        formfield_callback = https_urls

    @property
    def title(self):
        return self.live.name


class BranchProposalForm(EntryProposalForm):
    class Meta:
        model = Branch
        fields = BRANCH_FIELDS
        widgets = {"closed_from": DAY, "closed_until": DAY}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["hours"] = WeeklyHoursField(required=False, label=self.fields["hours"].label)

    @property
    def title(self):
        return str(self.live.city)


class ProposalForms:
    """The partner's form and one form per branch, filled with the live values or the draft's proposed ones."""

    def __init__(self, partner, proposal=None, data=None):
        proposed = {}
        if proposal is not None and proposal.pk:
            proposed = {(value.content_type_id, value.object_id, value.field): value for value in proposal.values.all()}
        branches = Branch.objects.filter(partner=partner).select_related("city").order_by("city__order", "pk")
        self.forms = [self._form(PartnerProposalForm, partner, "partner", proposed, data)]
        self.forms += [self._form(BranchProposalForm, branch, f"branch-{branch.pk}", proposed, data) for branch in branches]

    @staticmethod
    def _form(form_class, live, prefix, proposed, data):
        model = type(live)
        draft = model._base_manager.get(pk=live.pk)  # the copy the partner edits
        kind = ContentType.objects.get_for_model(model)
        for (kind_id, pk, name), value in proposed.items():
            if kind_id == kind.pk and pk == live.pk:
                field = model._meta.get_field(name)
                setattr(draft, field.attname, field.to_python(value.new_value))
        return form_class(data, instance=draft, live=live, prefix=prefix)

    def __iter__(self):
        return iter(self.forms)

    def is_valid(self):
        return all([form.is_valid() for form in self.forms])  # a list: every form shows its errors

    def proposed(self):
        for form in self.forms:
            for field, old, new in form.proposed():
                yield form.live, field, old, new


class NothingProposed(ValidationError):
    pass


@transaction.atomic
def save_proposal(partner, user, proposal_forms, proposal=None, *, submit=False):
    """Store what the forms propose as the partner's draft (kept against the version first proposed against);
    with `submit`, send it for review. Returns the proposal."""
    proposal = proposal or ChangeProposal(partner=partner)
    earlier = {}
    if proposal.pk:
        earlier = {(value.content_type_id, value.object_id, value.field): value for value in proposal.values.all()}
    rows = []
    for live, field, old, new in proposal_forms.proposed():
        kind = ContentType.objects.get_for_model(live)
        before = earlier.get((kind.pk, live.pk, field.attname))
        rows.append(ProposedValue(
            content_type=kind, object_id=live.pk, field=field.attname, language=getattr(field, "language", "") or "",
            old_value=before.old_value if before else json.loads(canonical(old)), new_value=json.loads(canonical(new)),
            base_version=before.base_version if before else live.version,
        ))
    if submit and not rows:
        raise NothingProposed(_("Nothing to send: change at least one value first."), code="nothing")
    proposal.proposed_by = user
    if submit:
        proposal.status, proposal.submitted_at = ChangeProposal.Status.SUBMITTED, timezone.now()
    proposal.save()
    proposal.values.all().delete()
    for row in rows:
        row.proposal = proposal
    ProposedValue.objects.bulk_create(rows)
    if submit:
        signals.proposal_submitted.send(sender=ChangeProposal, proposal=proposal, by=user)
    return proposal


@dataclass
class Row:
    """One proposed value as the reviewer reads it: the field, before → after, and what is live now."""

    value: ProposedValue
    entry: object
    label: str
    proposed: FieldChange  # unsaved: the field history's own display of old → new
    current: FieldChange  # unsaved: the value proposed against → the live value, where they differ
    conflict: bool
    changed_by: str

    @property
    def choice_name(self):
        return f"choose_{self.value.pk}"


def shown(field, value):
    """A value as text for the history's display: weekly hours as staff type them."""
    value = field.to_python(value) if value is not None else None
    if field.name == "hours":
        return "; ".join(rule_line(rule) for rule in value or [])
    return recording.as_text(field, value)


def entry_key(value):
    return f"{value.content_type_id}-{value.object_id}"


def review_rows(proposal):
    """The proposal's values with their live entries, in the order of the form (partner first)."""
    values = list(proposal.values.select_related("content_type"))
    entries = {}
    for value in values:
        key = entry_key(value)
        if key not in entries:  # None for a branch deleted since: nothing of it to review
            entries[key] = value.content_type.model_class()._base_manager.filter(pk=value.object_id).first()
    rows = []
    for value in values:
        entry = entries[entry_key(value)]
        if entry is None:
            continue
        field = type(entry)._meta.get_field(value.field)
        live = field.value_from_object(entry)
        display = {"content_type": value.content_type, "field": value.field, "language": value.language}
        conflict = canonical(live) != canonical(field.to_python(value.old_value))
        changes = FieldChange.objects.of(entry).filter(field=value.field, version__gt=value.base_version).newest_first()
        rows.append(Row(
            value=value, entry=entry, label=label_of(field),
            proposed=FieldChange(**display, old_value=shown(field, value.old_value), new_value=shown(field, value.new_value)),
            current=FieldChange(**display, old_value=shown(field, value.old_value), new_value=shown(field, live)),
            conflict=conflict and canonical(live) != canonical(field.to_python(value.new_value)),
            changed_by=", ".join(dict.fromkeys(conflicts.person(change.changed_by) for change in changes)),
        ))
    return rows


def seen_versions(rows):
    return {entry_key(row.value): row.entry.version for row in rows}


def credit(proposal, reviewer):
    """The note beside the partner's account in the field history; in the site's language, as stored text."""
    with translation.override(ENGLISH):
        return gettext("Partner: %(partner)s. Proposal accepted by %(reviewer)s.") % {
            "partner": proposal.partner.name, "reviewer": conflicts.person(reviewer),
        }


@transaction.atomic
def accept(proposal, reviewer, *, versions, keep_live):
    """Save the proposed values into the live entries as the partner's change; `keep_live` are the ids of the
    values whose field changed since, for which the reviewer kept the live value. Raises EditConflict when an
    entry changed after the review page was opened, ValidationError when a value no longer fits the entry."""
    proposal = ChangeProposal.objects.select_for_update().get(pk=proposal.pk)
    if proposal.status != ChangeProposal.Status.SUBMITTED:
        raise ValidationError(_("This proposal was already decided."), code="decided")
    values = list(proposal.values.select_related("content_type"))
    by_entry = {}
    for value in values:
        by_entry.setdefault(entry_key(value), []).append(value)
    note = credit(proposal, reviewer)
    for key, entry_values in by_entry.items():
        model = entry_values[0].content_type.model_class()
        entry = model._base_manager.select_for_update().filter(pk=entry_values[0].object_id).first()
        if entry is None:  # a branch deleted since the proposal: nothing to apply it to
            for value in entry_values:
                value.applied = False
            continue
        conflicts.check_unchanged(entry, versions.get(key))
        for value in entry_values:
            value.applied = value.pk not in keep_live
            if value.applied:
                field = model._meta.get_field(value.field)
                setattr(entry, field.attname, field.to_python(value.new_value))
        entry.full_clean(validate_unique=False)
        with recording.acting_as(proposal.proposed_by), recording.noted(note):
            entry.save()
    ProposedValue.objects.bulk_update(values, ["applied"])
    decide(proposal, reviewer, ChangeProposal.Status.ACCEPTED)
    return proposal


@transaction.atomic
def reject(proposal, reviewer, reason):
    proposal = ChangeProposal.objects.select_for_update().get(pk=proposal.pk)
    if proposal.status != ChangeProposal.Status.SUBMITTED:
        raise ValidationError(_("This proposal was already decided."), code="decided")
    proposal.rejection_reason = reason
    decide(proposal, reviewer, ChangeProposal.Status.REJECTED)
    return proposal


def decide(proposal, reviewer, status):
    proposal.status, proposal.reviewed_by, proposal.decided_at = status, reviewer, timezone.now()
    proposal.save()
    signals.proposal_decided.send(sender=ChangeProposal, proposal=proposal, by=reviewer)
