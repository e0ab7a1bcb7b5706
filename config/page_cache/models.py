"""The version of each page cache tag, as the database knows it (see versions.py)."""

from django.db import models


class ContentVersion(models.Model):
    tag = models.CharField(max_length=200, primary_key=True)
    version = models.BigIntegerField()

    class Meta:
        verbose_name = "content version"

    def __str__(self):
        return f"{self.tag}={self.version}"
