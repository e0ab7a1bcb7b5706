"""Cities and the offices in them where people forced to flee apply, ask and get help."""

import uuid
from urllib.parse import quote

from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from config.history.tracked import TrackedEntry
from config.language_fallback import localized
from config.permanent_addresses import PermanentSlug
from config.sources.models import CheckedEntry

from .closures import closure_of
from .hours import holiday_closures, rules_of, validate_schedule
from .phones import normalize_phone_list, parse_phone_list, validate_phone_list

LOCAL_LANGUAGES = [("ru", _("Russian")), ("kk", _("Kazakh"))]


CITIES_IN_CHOOSER = 12  # cities offered on the home page and the search page; the rest are one tap away


class CityQuerySet(models.QuerySet):
    def listed(self):
        return self.order_by("order", "name")

    def chooser(self, limit=CITIES_IN_CHOOSER):
        """The first `limit` cities, and whether there are more (then the chooser links to the list)."""
        cities = list(self.listed()[: limit + 1])
        return {"cities": cities[:limit], "more_cities": len(cities) > limit}


class City(PermanentSlug, TrackedEntry):
    """A city where people can apply for asylum or find help."""

    name = models.CharField(_("name"), max_length=100)
    slug = models.SlugField(_("slug"), unique=True, help_text=_("Used in the page address. Never change it."))
    order = models.PositiveSmallIntegerField(_("order"), default=100)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    objects = CityQuerySet.as_manager()

    class Meta:
        ordering = ["order", "name"]
        verbose_name = _("city")
        verbose_name_plural = _("cities")

    def __str__(self):
        return self.name

    @property
    def current_name(self):
        """The name in the reader's language, unless that translation was made for an earlier English name."""
        return localized(self, "name").value

    def get_absolute_url(self):
        return reverse("site:city", kwargs={"slug": self.slug})


class FormerCityName(PermanentSlug, TrackedEntry):
    """An old name of a city (Nur-Sultan for Astana); its address redirects to the city."""

    city = models.ForeignKey(City, on_delete=models.CASCADE, related_name="former_names", verbose_name=_("city"))
    name = models.CharField(_("name"), max_length=100)
    slug = models.SlugField(_("slug"), unique=True)
    used_until = models.DateField(_("used until"), null=True, blank=True)

    class Meta:
        verbose_name = _("former city name")
        verbose_name_plural = _("former city names")

    def __str__(self):
        return self.name


class ContactPoint(CheckedEntry, TrackedEntry):
    """Where a person goes or calls: an address (also for a driver), phones and hours, with their source."""

    uuid = models.UUIDField(_("permanent id"), default=uuid.uuid4, unique=True, editable=False)
    address = models.CharField(_("address"), max_length=250, blank=True)
    address_local = models.CharField(
        _("address to show a driver"), max_length=250, blank=True,
        help_text=_("The address in Kazakh or Russian, as a taxi driver would read it."),
    )
    address_local_language = models.CharField(
        _("language of the address for a driver"), max_length=5, choices=LOCAL_LANGUAGES, default="ru"
    )
    phones = models.CharField(
        _("phones"), max_length=250, blank=True, validators=[validate_phone_list],
        help_text=_("Separated by commas, written as you like: +7 7172 69 65 45, 8 701 744 7238. Stored as +77172696545."),
    )
    opening_hours = models.CharField(
        _("note on opening hours"), max_length=200, blank=True,
        help_text=_("Only what a source says, e.g. a lunch break. The weekly hours go below."),
    )
    # Open Referral HSDS 3.0 `schedule` rows (offices/hours.py); empty unless a source gives hours.
    hours = models.JSONField(
        _("weekly opening hours"), default=list, blank=True, validators=[validate_schedule],
        help_text=_("Only hours a source gives. Readers are told the public holidays on which it is closed."),
    )
    latitude = models.DecimalField(_("latitude"), max_digits=9, decimal_places=6, null=True, blank=True)
    longitude = models.DecimalField(_("longitude"), max_digits=9, decimal_places=6, null=True, blank=True)
    # A closure for some days (a holiday, repairs): readers see it with its dates until it is over.
    closed_from = models.DateField(_("temporarily closed from"), null=True, blank=True)
    closed_until = models.DateField(
        _("temporarily closed until"), null=True, blank=True,
        help_text=_("The last day it is closed. Readers are told from now until that day is over."),
    )
    closure_reason = models.CharField(_("reason for the closure"), max_length=200, blank=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        abstract = True

    def clean(self):
        super().clean()
        if (self.closed_from is None) != (self.closed_until is None):
            raise ValidationError(_("A temporary closure needs both its first and its last day."))
        if self.closed_from and self.closed_until < self.closed_from:
            raise ValidationError({"closed_until": _("The last day of the closure cannot be before its first day.")})
        self.phones = normalize_phone_list(self.phones)  # the validators accepted it as people write it

    @property
    def closure(self):
        """The temporary closure readers are told about today (it may start later), or None."""
        return closure_of(self)

    @property
    def weekly_hours(self):
        """The weekly hours still in force, as readers read them ("Monday–Friday: 9:00–18:00")."""
        return [rule.text for rule in rules_of(self, timezone.localdate())]

    @property
    def holiday_closures(self):
        """The coming public holidays on which it is closed, each named with its date."""
        return holiday_closures(self, timezone.localdate())

    is_phone_line = False  # a hotline is called, not visited: no "call before you go"

    @property
    def driver_address(self):
        """The address for a driver, unless it was written for an earlier address (then nothing: not a wrong door)."""
        if "address_local" in (self.outdated_translations or {}):
            return ""
        return self.address_local

    @property
    def driver_address_language(self):
        """The language the address for a driver is written in (Russian or Kazakh), for its `lang` attribute:
        a screen reader reads it in that language, and the browser picks the right glyphs."""
        return self.address_local_language or "ru"

    @property
    def phone_list(self):
        return parse_phone_list(self.phones)

    @classmethod
    def history_text(cls, attname, text):
        """A stored value as the field history shows it: phones grouped as readers see them (+7 727 222 33 44)."""
        if attname == "phones" and text:
            return ", ".join(phone.display for phone in parse_phone_list(text)) or text
        return text

    @property
    def map_url(self):
        """A plain link to OpenStreetMap; nothing is embedded in our pages."""
        if self.latitude is not None and self.longitude is not None:
            return f"https://www.openstreetmap.org/?mlat={self.latitude}&mlon={self.longitude}#map=17/{self.latitude}/{self.longitude}"
        address = self.driver_address or self.address_en
        city = self.city.name_ru or self.city.name_en if self.city_id else ""
        if city in address:  # a driver's address already names the city
            city = ""
        query = ", ".join(part for part in (address, city, "Kazakhstan") if part)
        return f"https://www.openstreetmap.org/search?query={quote(query)}"


DIRECTORY_ORDER = ("kind_order", "city__order", "order", "name")  # where to apply first, then by city


class OfficeQuerySet(models.QuerySet):
    def current(self):
        return self.filter(is_current=True)

    def former(self):
        return self.filter(is_current=False)

    def directory(self):
        return self.select_related("city", *Office.CHECKS_RELATED).order_by(*DIRECTORY_ORDER)

    def hotlines(self):
        return self.current().filter(kind=Office.Kind.HOTLINE).order_by("order")


class Office(PermanentSlug, ContactPoint):
    """A place or a line people contact: a government authority, a UNHCR office or a hotline."""

    class Kind(models.TextChoices):
        ASYLUM_AUTHORITY = "asylum", _("Asylum authority")
        UNHCR = "unhcr", _("UNHCR office")
        HOTLINE = "hotline", _("Hotline")
        BORDER_SERVICE = "border", _("Border service")
        OTHER = "other", _("Other office")

    # The order in which kinds appear in the directory: where to apply first.
    KIND_ORDER = {Kind.ASYLUM_AUTHORITY: 1, Kind.UNHCR: 2, Kind.HOTLINE: 3, Kind.BORDER_SERVICE: 4, Kind.OTHER: 5}

    slug = models.SlugField(_("slug"), unique=True, max_length=80, help_text=_("Used in the page address. Never change it."))
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    kind_order = models.PositiveSmallIntegerField(editable=False, default=5)
    name = models.CharField(_("name"), max_length=200)
    city = models.ForeignKey(
        City, on_delete=models.PROTECT, null=True, blank=True, related_name="offices", verbose_name=_("city"),
        help_text=_("Leave empty for a service that covers the whole country, such as a hotline."),
    )
    email = models.EmailField(_("e-mail"), blank=True)
    notes = models.TextField(_("notes"), blank=True, help_text=_("Plain text shown under the address."))
    website = models.URLField(_("website"), blank=True)
    is_current = models.BooleanField(
        _("current"), default=True,
        help_text=_("Untick when the office closes or stops this work; it stays as history."),
    )
    order = models.PositiveSmallIntegerField(_("order"), default=100)

    objects = OfficeQuerySet.as_manager()
    STILL_LISTED = models.Q(is_current=True)  # a former office is history: nobody checks it (rounds)

    class Meta:
        ordering = ["kind_order", "order", "name"]
        verbose_name = _("office")
        verbose_name_plural = _("offices")

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        self.kind_order = self.KIND_ORDER.get(self.kind, 5)
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("offices:office", kwargs={"slug": self.slug})

    @property
    def is_phone_line(self):
        return self.kind == self.Kind.HOTLINE



class DirectoryChangeQuerySet(models.QuerySet):
    def listed(self):
        """What readers are told about, newest first: never a change of a partner that is no longer listed."""
        return (
            self.filter(is_public=True)
            .filter(models.Q(office__isnull=False) | models.Q(branch__partner__is_active=True))
            .select_related("office__city", "branch__partner", "branch__city")
            .order_by("-changed_at", "-pk")
        )


class DirectoryChange(models.Model):
    """A change in the directory that readers must be told about: a new office, a move, new phones.

    Recorded by offices/directory_changes.py when an office or a partner's branch is saved.
    """

    class Kind(models.TextChoices):
        OPENED = "opened", _("New office")
        MOVED = "moved", _("New address")
        PHONES = "phones", _("New phone numbers")
        CLOSED = "closed", _("No longer does this work")

    uuid = models.UUIDField(_("permanent id"), default=uuid.uuid4, unique=True, editable=False)
    kind = models.CharField(_("kind of change"), max_length=10, choices=Kind.choices)
    changed_at = models.DateTimeField(_("date"), default=timezone.now, db_index=True)
    office = models.ForeignKey(
        Office, on_delete=models.CASCADE, null=True, blank=True, related_name="changes", verbose_name=_("office"),
    )
    branch = models.ForeignKey(
        "partners.Branch", on_delete=models.CASCADE, null=True, blank=True, related_name="changes",
        verbose_name=_("partner branch"),
    )
    # What the entry said right after the change, so the history stays true when it changes again.
    address = models.CharField(_("address"), max_length=250, blank=True)
    address_local = models.CharField(_("address to show a driver"), max_length=250, blank=True)
    address_local_language = models.CharField(
        _("language of the address for a driver"), max_length=5, choices=LOCAL_LANGUAGES, default="ru"
    )
    phones = models.CharField(_("phones"), max_length=250, blank=True)
    change_note = models.CharField(
        _("change note"), max_length=300, blank=True,
        help_text=_("Optional: anything else readers should know about this change."),
    )
    is_public = models.BooleanField(
        _("listed in Updates"), default=True,
        help_text=_("Untick to hide a change that was only a correction."),
    )

    objects = DirectoryChangeQuerySet.as_manager()

    class Meta:
        ordering = ["-changed_at", "-pk"]
        verbose_name = _("directory change")
        verbose_name_plural = _("directory changes")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(office__isnull=False, branch__isnull=True)
                | models.Q(office__isnull=True, branch__isnull=False),
                name="directory_change_of_one_entry",
            )
        ]

    def __str__(self):
        return f"{self.subject}: {self.get_kind_display()}"

    def get_absolute_url(self):
        if self.office_id:
            return self.office.get_absolute_url()
        return self.branch.partner.get_absolute_url()

    @property
    def subject(self):
        """The office or branch that changed."""
        return self.office if self.office_id else self.branch

    @property
    def phone_list(self):
        return parse_phone_list(self.phones)
