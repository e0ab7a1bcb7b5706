"""The version of each page cache tag, as the database knows it (see versions.py)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class ContentVersion(models.Model):
    """How many times the content behind one cache tag changed; not shown in the admin, but named in staff's words
    wherever Django lists every kind of data (permissions)."""

    tag = models.CharField(_("cache tag"), max_length=200, primary_key=True)
    version = models.BigIntegerField(_("version"))

    class Meta:
        verbose_name = _("page cache version")
        verbose_name_plural = _("page cache versions")

    def __str__(self):
        return f"{self.tag}={self.version}"
