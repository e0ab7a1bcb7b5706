"""Page addresses that never change: partners printed them. A slug is fixed once the entry exists."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _


class PermanentSlug(models.Model):
    """A model whose `slug` is part of a public address: it cannot be changed after the entry was created."""

    class Meta:
        abstract = True

    def clean(self):
        super().clean()
        if self.pk is None:
            return
        stored = type(self)._base_manager.filter(pk=self.pk).values_list("slug", flat=True).first()
        if stored is not None and stored != self.slug:
            raise ValidationError({"slug": _(
                "The address of a public page cannot change: partners have printed and linked it. "
                "To rename the entry, change its name; the address stays “%(slug)s”."
            ) % {"slug": stored}}, code="permanent")


class PermanentSlugAdmin:
    """Admin mixin: the slug is typed once, when the entry is added, and read-only afterwards."""

    def get_readonly_fields(self, request, obj=None):
        fields = [*super().get_readonly_fields(request, obj)]
        return [*fields, "slug"] if obj is not None and "slug" not in fields else fields
