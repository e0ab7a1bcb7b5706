"""Partner organisations of UNHCR, their branches in each city and the help they give."""

import uuid

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from config.history.tracked import TrackedEntry
from config.language_fallback import in_every_language
from config.permanent_addresses import PermanentSlug
from config.sources.models import CheckedEntry
from offices.models import City, ContactPoint


class Service(PermanentSlug, TrackedEntry):
    """A kind of help a partner gives, such as legal counselling or medical assistance."""

    uuid = models.UUIDField(_("permanent id"), default=uuid.uuid4, unique=True, editable=False)
    slug = models.SlugField(_("slug"), unique=True)
    name = models.CharField(_("name"), max_length=120)
    description = models.CharField(_("description"), max_length=250, blank=True)
    order = models.PositiveSmallIntegerField(_("order"), default=100)

    class Meta:
        ordering = ["order", "name"]
        verbose_name = _("service")
        verbose_name_plural = _("services")

    def __str__(self):
        return self.name


class PartnerQuerySet(models.QuerySet):
    def listing(self):
        """What the partner list shows of each partner: its name, kinds of help and cities."""
        # The names, and which of their translations are out of date (the page marks those).
        shown = ("slug", "order", "changed_at", "outdated_translations", *in_every_language("name"))
        return self.only(*shown).prefetch_related(
            models.Prefetch("services", queryset=Service.objects.only(*shown)),
            models.Prefetch(
                "branches",
                queryset=Branch.objects.only("partner", "city", "changed_at").select_related("city").order_by("city__order"),
            ),
        ).order_by("order", "name")

    def directory(self):
        return self.select_related(*Partner.CHECKS_RELATED).prefetch_related(
            "services",
            models.Prefetch(
                "branches", queryset=Branch.objects.select_related("city", *Branch.CHECKS_RELATED).order_by("city__order"),
            ),
        ).order_by("order", "name")


class Partner(PermanentSlug, CheckedEntry, TrackedEntry):
    """An organisation that works with UNHCR to help people forced to flee, for free."""

    uuid = models.UUIDField(_("permanent id"), default=uuid.uuid4, unique=True, editable=False)
    slug = models.SlugField(_("slug"), unique=True, max_length=80, help_text=_("Used in the page address. Never change it."))
    name = models.CharField(_("name"), max_length=200)
    short_name = models.CharField(_("short name"), max_length=60, blank=True)
    description = models.TextField(_("description"), blank=True, help_text=_("What they do, in plain words."))
    website = models.URLField(_("website"), blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    services = models.ManyToManyField(Service, related_name="partners", blank=True, verbose_name=_("services"))
    is_active = models.BooleanField(_("active partner"), default=True)
    order = models.PositiveSmallIntegerField(_("order"), default=100)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    objects = PartnerQuerySet.as_manager()
    STILL_LISTED = models.Q(is_active=True)  # a former partner is history: nobody checks it (rounds)

    class Meta:
        ordering = ["order", "name"]
        verbose_name = _("partner")
        verbose_name_plural = _("partners")

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("partners:partner", kwargs={"slug": self.slug})


class FormerPartnerName(PermanentSlug, TrackedEntry):
    """An earlier name of a partner; the page address under its old slug redirects to the partner's page."""

    partner = models.ForeignKey(Partner, on_delete=models.CASCADE, related_name="former_names", verbose_name=_("partner"))
    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("slug"), unique=True, max_length=80)
    used_until = models.DateField(_("used until"), null=True, blank=True)

    class Meta:
        verbose_name = _("former partner name")
        verbose_name_plural = _("former partner names")

    def __str__(self):
        return self.name

    def clean(self):
        super().clean()
        if Partner.objects.filter(slug=self.slug).exists():
            raise ValidationError({"slug": _("A partner's page already has this address.")}, code="taken")


class Branch(ContactPoint):
    """A partner's office in one city, with the services given there."""

    partner = models.ForeignKey(Partner, on_delete=models.CASCADE, related_name="branches", verbose_name=_("partner"))
    city = models.ForeignKey(City, on_delete=models.PROTECT, related_name="branches", verbose_name=_("city"))
    services = models.ManyToManyField(Service, related_name="branches", blank=True, verbose_name=_("services"))

    STILL_LISTED = models.Q(partner__is_active=True)  # a former partner's branches are not checked (rounds)

    class Meta:
        ordering = ["partner__order", "city__order"]
        verbose_name = _("branch")
        verbose_name_plural = _("branches")

    def __str__(self):
        return f"{self.partner} — {self.city}"


class PartnerAccount(models.Model):
    """A staff account that speaks for one partner organisation: it proposes changes to that partner's entry
    and branches (ChangeProposal) and sees nothing of any other partner. Editors link accounts to partners."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="partner_account", verbose_name=_("user"),
    )
    partner = models.ForeignKey(Partner, on_delete=models.CASCADE, related_name="accounts", verbose_name=_("partner"))

    class Meta:
        verbose_name = _("partner account")
        verbose_name_plural = _("partner accounts")

    def __str__(self):
        return f"{self.user} — {self.partner}"


def partner_of(user):
    """The partner organisation this account speaks for, or None for UNHCR staff."""
    if not user.is_authenticated or user.is_superuser:  # a superuser is never a partner's account
        return None
    if not hasattr(user, "_partner_of"):  # asked several times a request: read once
        account = PartnerAccount.objects.select_related("partner").filter(user=user).first()
        user._partner_of = account.partner if account else None
    return user._partner_of


class ChangeProposal(models.Model):
    """Changes a partner proposes to its own entry and branches; applied only when UNHCR staff accept them.

    Each proposed field is a ProposedValue with the value it had and the entry's version when the partner
    proposed it: accepting applies the new values through the entry's ordinary save (field history, edit
    conflicts, translation flags), and a field someone changed since is shown to the reviewer to choose."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("draft")
        SUBMITTED = "submitted", _("waiting for review")
        ACCEPTED = "accepted", _("accepted")
        REJECTED = "rejected", _("rejected")

    OPEN = (Status.DRAFT, Status.SUBMITTED)

    partner = models.ForeignKey(Partner, on_delete=models.CASCADE, related_name="proposals", verbose_name=_("partner"))
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.DRAFT)
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+", verbose_name=_("proposed by"),
    )
    created_at = models.DateTimeField(_("started at"), auto_now_add=True)
    submitted_at = models.DateTimeField(_("submitted at"), null=True, blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+",
        verbose_name=_("reviewed by"),
    )
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)
    rejection_reason = models.TextField(_("reason for the rejection"), blank=True)

    class Meta:
        ordering = ["-submitted_at", "-pk"]
        verbose_name = _("change proposal")
        verbose_name_plural = _("change proposals")
        permissions = [("review_changeproposal", _("Can accept or reject a partner's change proposal"))]
        constraints = [
            models.UniqueConstraint(
                fields=["partner"], condition=models.Q(status__in=["draft", "submitted"]), name="one_open_proposal_per_partner",
            ),
        ]

    def __str__(self):
        return str(_("Proposal of %(partner)s") % {"partner": self.partner})


class ProposedValue(models.Model):
    """One field of the partner or of one of its branches, as it was and as the partner proposes it."""

    proposal = models.ForeignKey(ChangeProposal, on_delete=models.CASCADE, related_name="values", verbose_name=_("proposal"))
    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, verbose_name=_("kind of entry"))
    object_id = models.PositiveBigIntegerField(_("entry id"))
    field = models.CharField(_("field"), max_length=100)  # attribute name, as in the field history: "address_en"
    language = models.CharField(_("language"), max_length=10, blank=True)  # of a translated field
    old_value = models.JSONField(_("value when proposed"), encoder=DjangoJSONEncoder, null=True)
    new_value = models.JSONField(_("proposed value"), encoder=DjangoJSONEncoder, null=True)
    base_version = models.PositiveIntegerField(_("version proposed against"))
    applied = models.BooleanField(_("applied"), null=True)  # on acceptance: False where the reviewer kept the live value

    class Meta:
        ordering = ["content_type", "object_id", "pk"]
        verbose_name = _("proposed value")
        verbose_name_plural = _("proposed values")

    def __str__(self):
        return self.field
