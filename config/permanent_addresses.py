"""Page addresses that never change: partners printed them. A slug is fixed once the entry exists;
when the entry is added, the admin proposes one from its name (and makes one if left empty)."""

from django import forms
from django.contrib import admin
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from modeltranslation.utils import build_localized_fieldname

SOURCE_LANGUAGE = "en"  # slugs are made from the English name: Latin letters, as in the printed addresses


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


def free_slug(model, name):
    """A slug made from `name` that no entry of `model` has yet (adding -2, -3… if needed)."""
    base = slugify(name)[: model._meta.get_field("slug").max_length - 4].strip("-")
    if not base:
        return ""
    slug, number = base, 1
    while model._base_manager.filter(slug=slug).exists():
        number += 1
        slug = f"{base}-{number}"
    return slug


class ProposedSlugForm(forms.ModelForm):
    """A new entry's form: the slug may be left empty, then it is made from the name."""

    slug_source = "name"

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["slug"].required = False
        self.fields["slug"].help_text = _("Proposed from the name; leave it or shorten it. It cannot change later.")

    def clean(self):
        cleaned_data = super().clean()
        if not cleaned_data.get("slug") and "slug" not in self.errors:
            cleaned_data["slug"] = free_slug(self._meta.model, cleaned_data.get(self.slug_source) or "")
            if not cleaned_data["slug"]:
                self.add_error("slug", _("Give the address: the name has no Latin letters to make it from."))
        return cleaned_data


class PermanentSlugAdmin:
    """Admin mixin: the slug is proposed from the name when the entry is added, and read-only afterwards."""

    slug_from = "name"

    def get_readonly_fields(self, request, obj=None):
        fields = [*super().get_readonly_fields(request, obj)]
        return [*fields, "slug"] if obj is not None and "slug" not in fields else fields

    def _slug_source(self):
        """The form field the slug is made from: the English name of a translated model."""
        names = {field.name for field in self.model._meta.fields}
        translated = build_localized_fieldname(self.slug_from, SOURCE_LANGUAGE)
        return translated if translated in names else self.slug_from if self.slug_from in names else None

    def get_prepopulated_fields(self, request, obj=None):
        fields = dict(super().get_prepopulated_fields(request, obj))
        source = self._slug_source()
        if obj is None and source and isinstance(self, admin.ModelAdmin):  # typed live by Django's prepopulate.js
            fields.setdefault("slug", (source,))
        return fields

    def get_form(self, request, obj=None, **kwargs):
        form = super().get_form(request, obj, **kwargs)
        source = self._slug_source()
        if obj is None and source and "slug" in form.base_fields and source in form.base_fields:
            return type(form.__name__, (ProposedSlugForm, form), {"slug_source": source})
        return form
