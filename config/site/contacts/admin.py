"""Staff's list of known fraudulent contacts: one member of staff adds an entry with its source and
date, a second one (never the same person) approves it; only then are readers who check it warned."""

from django import forms
from django.contrib import admin, messages
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

from ..models import FraudulentContact
from .matching import check_contact
from .reading import read_contact

# What makes an entry: changing any of these needs a new approval.
APPROVED_FIELDS = ("kind", "value", "source", "source_url", "reported_on")


class FraudulentContactForm(forms.ModelForm):
    source_url = forms.URLField(
        label=FraudulentContact._meta.get_field("source_url").verbose_name, max_length=500, required=False,
        assume_scheme="https",
    )

    class Meta:
        model = FraudulentContact
        fields = list(APPROVED_FIELDS)

    def clean(self):
        cleaned_data = super().clean()
        contact = read_contact(cleaned_data.get("value", ""), cleaned_data.get("kind") or None)
        if contact is not None:
            answer = check_contact(contact)
            if answer.is_listed or answer.official_domain:
                raise forms.ValidationError(
                    _("This contact is on the official list of UNHCR, a government office or a partner: it cannot be listed as fraudulent.")
                )
        return cleaned_data


@admin.register(FraudulentContact)
class FraudulentContactAdmin(admin.ModelAdmin):
    form = FraudulentContactForm
    list_display = ["value", "kind", "source", "reported_on", "added_by", "approved_by"]
    list_filter = ["kind", ("approved_by", admin.EmptyFieldListFilter)]
    list_select_related = ["added_by", "approved_by"]
    search_fields = ["value", "source"]
    readonly_fields = ["added_by", "added_at", "approved_by", "approved_at"]
    actions = ["approve"]

    def save_model(self, request, obj, form, change):
        if not change:
            obj.added_by = request.user
        elif obj.approved_by_id and set(form.changed_data) & set(APPROVED_FIELDS):
            obj.approved_by = obj.approved_at = None  # a changed entry is checked again by a second person
        super().save_model(request, obj, form, change)

    @admin.action(description=_("Approve the selected contacts (added by someone else)"))
    def approve(self, request, queryset):
        approved = refused = 0
        for entry in queryset.filter(approved_by__isnull=True):
            if entry.approve(request.user):
                approved += 1
            else:
                refused += 1
        if refused:
            self.message_user(
                request, gettext("A contact you added must be approved by someone else."), messages.WARNING,
            )
        self.message_user(
            request,
            ngettext("%(count)d contact approved.", "%(count)d contacts approved.", approved) % {"count": approved},
            messages.SUCCESS,
        )
