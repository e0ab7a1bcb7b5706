"""Notices: a short message readers must see on some pages for a time, such as an office closed on a
day or an application now taken at another address. A notice links cities, offices, partner branches
and guidance pages, so it lives in the site layer that combines those apps."""

import uuid

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from config.history.tracked import TrackedEntry
from config.periods import period_text

from .contacts.reading import ContactKind, read_contact

TARGETS = ("cities", "offices", "branches", "pages")  # the many-to-many fields saying where a notice applies


class NoticeQuerySet(models.QuerySet):
    def published(self):
        return self.filter(status=Notice.Status.PUBLISHED)

    def awaiting_review(self):
        return self.filter(status=Notice.Status.REVIEW)

    def not_over(self, now):
        """Notices shown now or later: started or not, their end (if any) still to come."""
        return self.filter(models.Q(ends_at__isnull=True) | models.Q(ends_at__gt=now))

    def current(self, now):
        return self.not_over(now).filter(starts_at__lte=now)


class Notice(TrackedEntry):
    """A short message for readers of some pages, shown from its start until its end.

    A tracked entry (config/history): every field change is recorded, and an English change flags the
    translations written for the earlier English, as for an office; the translation status follows each
    language of every notice that is not over.
    """

    translation_followed = True

    class Level(models.TextChoices):
        URGENT = "urgent", _("Urgent: at the top of the page, before its title")
        INFORMATION = "information", _("Information: in the page")

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        REVIEW = "review", _("Waiting for review")
        PUBLISHED = "published", _("Published")

    uuid = models.UUIDField(_("permanent id"), default=uuid.uuid4, unique=True, editable=False)
    title = models.CharField(_("title"), max_length=150, help_text=_("Short: what happened, where and when."))
    text = models.TextField(
        _("text"), blank=True, help_text=_("Markdown. What readers should do instead, and whom to call."),
    )
    level = models.CharField(_("level"), max_length=12, choices=Level.choices, default=Level.URGENT)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.DRAFT)
    site_wide = models.BooleanField(_("whole site"), default=False, help_text=_("Shown on every page."))
    cities = models.ManyToManyField(
        "offices.City", blank=True, related_name="notices", verbose_name=_("cities"),
        help_text=_("Shown on the city's page and print sheet, and on the pages of its offices."),
    )
    offices = models.ManyToManyField(
        "offices.Office", blank=True, related_name="notices", verbose_name=_("offices"),
        help_text=_("Shown on the office's page and on the page of its city."),
    )
    branches = models.ManyToManyField(
        "partners.Branch", blank=True, related_name="notices", verbose_name=_("partner branches"),
        help_text=_("Shown on the partner's page and on the page of the branch's city."),
    )
    pages = models.ManyToManyField(
        "guidance.GuidancePage", blank=True, related_name="notices", verbose_name=_("guidance pages"),
    )
    starts_at = models.DateTimeField(
        _("shown from"), default=timezone.now, help_text=_("Time in Kazakhstan (Astana, Almaty). It can be later."),
    )
    ends_at = models.DateTimeField(
        _("shown until"), null=True, blank=True,
        help_text=_("The notice disappears by itself at this time. Leave empty to end it by hand."),
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("last changed at"), auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+",
        verbose_name=_("last changed by"), editable=False,
    )
    published_at = models.DateTimeField(_("published at"), null=True, blank=True, editable=False)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+",
        verbose_name=_("published by"), editable=False,
    )

    objects = NoticeQuerySet.as_manager()

    class Meta:
        ordering = ["-starts_at", "-pk"]
        verbose_name = _("notice")
        verbose_name_plural = _("notices")
        permissions = [("publish_notice", _("Can publish notices"))]

    def __str__(self):
        return self.title

    @classmethod
    def entries_to_translate(cls):
        return cls._base_manager.filter(models.Q(ends_at__isnull=True) | models.Q(ends_at__gt=timezone.now()))

    def get_absolute_url(self):
        return f"{reverse('site:notices')}#notice-{self.uuid}"

    def clean(self):
        super().clean()
        if self.starts_at and self.ends_at and self.ends_at <= self.starts_at:
            raise ValidationError({"ends_at": _("The end must come after the start.")})

    @property
    def is_urgent(self):
        return self.level == self.Level.URGENT

    @property
    def is_published(self):
        return self.status == self.Status.PUBLISHED

    @property
    def period(self):
        """When it is shown, in the reader's language: part of the notice wherever it appears."""
        return period_text(self.starts_at, self.ends_at)

    def places(self):
        """Where it applies, as links for the notice list: (url, row, field to show, city or None)."""
        links = [(city.get_absolute_url(), city, "name", None) for city in self.cities.all()]
        links += [(office.get_absolute_url(), office, "name", None) for office in self.offices.all()]
        links += [(branch.partner.get_absolute_url(), branch.partner, "name", branch.city) for branch in self.branches.all()]
        links += [(page.get_absolute_url(), page.current_revision, "title", None) for page in self.pages.all() if page.current_revision_id]
        return links

    def is_current(self, now=None):
        now = now or timezone.now()
        return self.starts_at <= now and (self.ends_at is None or now < self.ends_at)


class NoticeChangeQuerySet(models.QuerySet):
    def waiting(self):
        return self.filter(status=NoticeChange.Status.WAITING)


class NoticeChange(models.Model):
    """A change of a published notice an editor proposes (a new end, a new English text): readers keep
    seeing the notice as it is until a publisher approves the change, which then saves it on the notice
    (in its field history, under the publisher's name); the translations follow an English change."""

    class Status(models.TextChoices):
        WAITING = "waiting", _("Waiting for review")
        APPROVED = "approved", _("Approved")
        REJECTED = "rejected", _("Rejected")

    notice = models.ForeignKey(Notice, on_delete=models.CASCADE, related_name="proposed_changes", verbose_name=_("notice"))
    title = models.CharField(
        _("new title in English"), max_length=150, blank=True, help_text=_("Leave empty to keep the title."),
    )
    text = models.TextField(_("new text in English"), blank=True, help_text=_("Leave empty to keep the text."))
    ends_at = models.DateTimeField(
        _("new end"), null=True, blank=True, help_text=_("Leave empty to keep the end. Time in Kazakhstan."),
    )
    reason = models.CharField(_("why"), max_length=300, blank=True, help_text=_("For the publisher: what changed, and the source."))
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.WAITING, editable=False)
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+",
        verbose_name=_("proposed by"), editable=False,
    )
    proposed_at = models.DateTimeField(_("proposed at"), default=timezone.now, editable=False)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+",
        verbose_name=_("decided by"), editable=False,
    )
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True, editable=False)

    objects = NoticeChangeQuerySet.as_manager()

    class Meta:
        ordering = ["-proposed_at", "-pk"]
        verbose_name = _("proposed change of a notice")
        verbose_name_plural = _("proposed changes of notices")

    def __str__(self):
        return str(self.notice)

    def proposed_values(self):
        """{notice field: new value} of what this change would set."""
        values = {"title_en": self.title.strip(), "text_en": self.text.strip(), "ends_at": self.ends_at}
        return {name: value for name, value in values.items() if value}

    def clean(self):
        super().clean()
        if self.notice_id is None:
            return
        if not self.proposed_values():
            raise ValidationError(_("Propose at least one change: a new title, a new text or a new end."))
        if self.ends_at and self.ends_at <= self.notice.starts_at:
            raise ValidationError({"ends_at": _("The end must come after the start.")})


class SearchEntry(models.Model):
    """One findable piece of published content (a page section, a city, an office…) as a reader of one language sees it.

    Rows are rebuilt from the content by `config.site.search.index`; never edit them by hand. The index spans
    guidance, cities, offices and partners, so it lives in the site layer that combines them.
    """

    class Kind(models.TextChoices):
        GUIDANCE = "guidance", _("Guidance")
        CITY = "city", _("City")
        SERVICE = "service", _("Kind of help")
        OFFICE = "office", _("Office")
        PARTNER = "partner", _("Partner organisation")

    language = models.CharField(_("language of the reader"), max_length=10)
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    object_id = models.PositiveIntegerField(_("object id"))
    position = models.PositiveSmallIntegerField(_("section"), default=0, help_text=_("0 is the top of the page."))
    priority = models.PositiveSmallIntegerField(_("priority"), default=100)
    path = models.CharField(_("address"), max_length=300)
    anchor = models.TextField(_("section anchor"), blank=True)
    # What the reader sees, and the language each part is really written in (fallbacks).
    title = models.TextField(_("title"))
    title_language = models.CharField(max_length=10)
    heading = models.TextField(_("section heading"), blank=True)
    body = models.TextField(_("text"), blank=True)
    body_language = models.CharField(max_length=10)
    # What is searched: the same text normalised (see config.site.search.text.normalise), plus the
    # titles, names and headings in every other language (a Kazakh reader may type Russian).
    text_search_config = models.CharField(_("PostgreSQL text search configuration"), max_length=20, default="simple")
    search_title = models.TextField(blank=True)
    search_heading = models.TextField(blank=True)
    search_body = models.TextField(blank=True)
    search_other_languages = models.TextField(blank=True)

    class Meta:
        db_table = "guidance_searchentry"  # made by the guidance app before the index moved here; kept, no data moved
        ordering = ["language", "priority", "kind", "object_id", "position"]
        verbose_name = _("search entry")
        verbose_name_plural = _("search entries")
        constraints = [
            models.UniqueConstraint(
                fields=["language", "kind", "object_id", "position"], name="unique_search_entry_per_section"
            )
        ]
        indexes = [models.Index(fields=["kind", "object_id"], name="search_entry_source")]

    def __str__(self):
        return f"{self.title} — {self.heading}" if self.heading else self.title

    @property
    def url(self):
        return f"{self.path}#{self.anchor}" if self.anchor else self.path


class FraudulentContactQuerySet(models.QuerySet):
    def approved(self):
        """What readers are warned about: entries a second member of staff approved, never the one who added them."""
        return self.filter(approved_by__isnull=False).exclude(approved_by=models.F("added_by"))


class FraudulentContact(models.Model):
    """A phone number, e-mail address, website or messenger name known to be used by fraudsters in the
    name of UNHCR or its partners. Readers who check it are warned, once a second member of staff approved it."""

    Kind = ContactKind

    kind = models.CharField(_("kind of contact"), max_length=10, choices=ContactKind.choices)
    value = models.CharField(
        _("contact"), max_length=254,
        help_text=_("Written as you like: it is stored the way the check compares it (+77011234567, example.com)."),
    )
    source = models.CharField(
        _("source"), max_length=300,
        help_text=_("Where this is known from: a police warning, a UNHCR notice, reports staff confirmed. "
                    "A reader's report alone is not enough."),
    )
    source_url = models.URLField(_("address of the source"), max_length=500, blank=True)
    reported_on = models.DateField(_("date"), help_text=_("When the source reported it."))
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, editable=False, related_name="+",
        verbose_name=_("added by"),
    )
    added_at = models.DateTimeField(_("added at"), default=timezone.now, editable=False)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, editable=False, related_name="+",
        verbose_name=_("approved by"),
    )
    approved_at = models.DateTimeField(_("approved at"), null=True, blank=True, editable=False)

    objects = FraudulentContactQuerySet.as_manager()

    class Meta:
        ordering = ["-reported_on", "kind", "value"]
        verbose_name = _("fraudulent contact")
        verbose_name_plural = _("fraudulent contacts")
        constraints = [models.UniqueConstraint(fields=["kind", "value"], name="fraudulent_contact_once")]

    def __str__(self):
        return self.value

    def clean(self):
        super().clean()
        if not self.kind or not self.value:
            return
        contact = read_contact(self.value, self.kind)
        if contact is None:
            raise ValidationError({"value": _("This cannot be read as the kind of contact chosen.")})
        self.value = contact.value

    @property
    def is_approved(self):
        return self.approved_by_id is not None and self.approved_by_id != self.added_by_id

    def approve(self, user):
        """Approve the entry as `user`; refused (False) for the person who added it."""
        if user.pk == self.added_by_id:
            return False
        self.approved_by, self.approved_at = user, timezone.now()
        self.save(update_fields=["approved_by", "approved_at"])
        return True
