"""Admin classes for translated models: a tab per language, right-to-left inputs for RTL languages.

modeltranslation's tabs need jQuery UI, which it loads from a CDN unless JQUERY_UI_URL names
another file (see settings): we serve our own copy, so the admin works offline.
"""

from django.conf import settings
from modeltranslation import admin as modeltranslation_admin


def language_attributes(language):
    return {"lang": language, "dir": "rtl" if language in settings.LANGUAGES_BIDI else "ltr"}


class LanguageDirectionMixin:
    """Each translated input says its language and is written in that language's direction."""

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        formfield = super().formfield_for_dbfield(db_field, request, **kwargs)
        language = getattr(db_field, "language", None)  # set on modeltranslation's fields only
        if formfield is not None and language:
            formfield.widget.attrs.update(language_attributes(language))
        return formfield


class TabbedTranslationAdmin(LanguageDirectionMixin, modeltranslation_admin.TabbedTranslationAdmin):
    pass


class TranslationTabularInline(LanguageDirectionMixin, modeltranslation_admin.TranslationTabularInline):
    pass


class TranslationStackedInline(LanguageDirectionMixin, modeltranslation_admin.TranslationStackedInline):
    pass
