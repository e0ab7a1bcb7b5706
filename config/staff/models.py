"""What each staff member wants to be told, and which daily digests were sent (so a second run sends none)."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

# Which e-mails a person may switch on or off; the names are StaffProfile fields.
NOTIFICATIONS = ("review_requests", "decisions", "translation_updates", "directory_digest")


class StaffProfile(models.Model):
    """One staff member's choices. The first log-in makes one in the admin's language (see
    people.remember_language); someone who never logged in gets every e-mail their role has, in English."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="staff_profile", verbose_name=_("user"),
    )
    review_requests = models.BooleanField(
        _("drafts submitted for review"), default=True, help_text=_("For publishers: a draft waits for you."),
    )
    decisions = models.BooleanField(
        _("decisions on my drafts"), default=True, help_text=_("A publisher rejected or published your draft."),
    )
    translation_updates = models.BooleanField(
        _("translations left behind"), default=True,
        help_text=_("A publication changed English text that your languages translate."),
    )
    directory_digest = models.BooleanField(
        _("daily list of directory entries to check"), default=True,
        help_text=_("Offices, partners and partner branches of your cities that are due for a check."),
    )
    language = models.CharField(
        _("language of my e-mails"), max_length=10, choices=settings.LANGUAGES, default=settings.LANGUAGE_CODE,
    )
    translates = models.JSONField(_("languages I translate"), default=list, blank=True)
    cities = models.ManyToManyField(
        "offices.City", blank=True, related_name="+", verbose_name=_("cities I edit"),
        help_text=_("None chosen: every city."),
    )

    class Meta:
        verbose_name = _("staff profile")
        verbose_name_plural = _("staff profiles")

    def __str__(self):
        return str(self.user)

    def wants(self, notification):
        return getattr(self, notification)


class DigestSent(models.Model):
    """A daily digest sent to one person: at most one a day, whatever the number of runs."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+", verbose_name=_("user"))
    day = models.DateField(_("day"))
    offices = models.JSONField(_("offices"), default=list)  # the ids of the entries it listed
    branches = models.JSONField(_("branches"), default=list)
    partners = models.JSONField(_("partners"), default=list)

    class Meta:
        verbose_name = _("daily e-mail sent")
        verbose_name_plural = _("daily e-mails sent")
        constraints = [models.UniqueConstraint(fields=["user", "day"], name="one_digest_per_person_per_day")]

    def __str__(self):
        return f"{self.user} {self.day}"
