"""Admin classes for translated models: a tab per language, named in its own script, right-to-left
inputs for RTL languages, an "outdated" badge on a translation that is behind the English, and long
texts that grow with their content, count their characters and (Markdown) show a rendered preview.

modeltranslation's tabs need jQuery UI, which it loads from a CDN unless JQUERY_UI_URL names
another file (see settings): we serve our own copy, so the admin works offline. The tabs are built
by modeltranslation's script from the language codes; static/js/admin_tabs.js renames them from the
data-* attributes set here (the site's CSP allows no inline script, so all data goes in attributes).
"""

from django import forms
from django.conf import settings
from django.contrib.admin.widgets import AdminTextareaWidget
from django.db import models
from django.utils.text import capfirst, format_lazy
from django.utils.translation import get_language_info
from django.utils.translation import gettext_lazy as _
from modeltranslation import admin as modeltranslation_admin

EDITOR_JS = "js/admin_editor.js"
TABS_JS = "js/admin_tabs.js"


def language_attributes(language):
    return {"lang": language, "dir": "rtl" if language in settings.LANGUAGES_BIDI else "ltr"}


def language_name(language):
    """The language's name in its own script, as the site's language chooser shows it."""
    return get_language_info(language)["name_local"]


def editor_attributes(preview_url=None):
    """What static/js/admin_editor.js reads: grow with the text, count its characters, maybe preview it."""
    attributes = {"data-grow": "", "data-count-label": _("Characters: %(count)s")}
    if preview_url:
        attributes.update({
            "data-preview-url": preview_url,
            "data-preview-label": _("Preview"),
            "data-preview-failed": _("The preview could not be shown. Your text is not lost."),
        })
    return attributes


class LongTextarea(AdminTextareaWidget):
    """A text area that grows with its content (CSS field-sizing, with a script fallback)."""

    class Media:
        js = [EDITOR_JS]


class CountedTextInput(forms.TextInput):
    """A one-line text that shows its length (and its limit) as the person types."""

    class Media:
        js = [EDITOR_JS]

    def __init__(self, attrs=None):
        super().__init__({"class": "vTextField", "data-count-label": _("Characters: %(count)s"), **(attrs or {})})


class LanguageDirectionMixin:
    """Each translated input says its language, is written in that language's direction and is labelled
    with the language's own name; long texts get the editor (Markdown fields also the preview)."""

    markdown_fields = ()  # names of the (untranslated) fields written in Markdown
    markdown_preview_url = None  # where the editor asks for the rendered preview (POST, staff only)
    counted_fields = ()  # one-line fields whose length is shown as the person types

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        original = getattr(db_field, "translated_field", db_field)  # modeltranslation's fields know theirs
        if isinstance(db_field, models.TextField) and "widget" not in kwargs:
            preview = self.markdown_preview_url if original.name in self.markdown_fields else None
            kwargs["widget"] = LongTextarea(attrs=editor_attributes(preview))
        elif original.name in self.counted_fields and "widget" not in kwargs:
            kwargs["widget"] = CountedTextInput()
        formfield = super().formfield_for_dbfield(db_field, request, **kwargs)
        language = getattr(db_field, "language", None)  # set on modeltranslation's fields only
        if formfield is not None and language:
            formfield.widget.attrs.update(language_attributes(language))
            formfield.widget.attrs["data-language-name"] = language_name(language)
            # Without JavaScript there are no tabs: the label says the language (its tab, with it).
            formfield.label = format_lazy("{} [{}]", capfirst(original.verbose_name), language_name(language))
        return formfield


def mark_outdated(form, model, outdated):
    """Badge and label the form's inputs of the translations listed in `outdated` ({field: languages})."""
    for name, formfield in form.fields.items() if outdated else ():
        model_field = next((f for f in model._meta.fields if f.name == name), None)
        original = getattr(model_field, "translated_field", None)
        language = getattr(model_field, "language", None)
        if original is not None and language in outdated.get(original.name, ()):
            formfield.widget.attrs["data-outdated"] = _("outdated")
            formfield.label = format_lazy(
                "{} [{} — {}]", capfirst(original.verbose_name), language_name(language), _("outdated")
            )


class OutdatedTabsMixin:
    """Marks the inputs (and so the tabs) of the translations that are behind the English text, on the
    entry and on each row of its inlines (a partner's branches): a translator sees them all on one page."""

    def outdated_languages(self, request, obj):
        """{field name: languages} whose translation is behind the English; directory entries keep it."""
        return getattr(obj, "outdated_translations", None) or {}

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        form = getattr(context.get("adminform"), "form", None)
        if obj is not None and form is not None:
            mark_outdated(form, self.model, self.outdated_languages(request, obj))
        for inline_admin_formset in context.get("inline_admin_formsets", ()):
            formset = inline_admin_formset.formset
            for inline_form in formset.initial_forms:
                mark_outdated(inline_form, formset.model, self.outdated_languages(request, inline_form.instance))
        return super().render_change_form(request, context, add, change, form_url, obj)


class TabbedTranslationAdmin(OutdatedTabsMixin, LanguageDirectionMixin, modeltranslation_admin.TabbedTranslationAdmin):
    @property
    def media(self):
        # admin.css again (templates/admin/base_site.html links it before the form's styles): here it
        # comes after modeltranslation's and Django's form CSS, whose tab and field rules it overrides.
        return super().media + forms.Media(js=[TABS_JS], css={"all": ["css/admin.css"]})


class TranslationTabularInline(LanguageDirectionMixin, modeltranslation_admin.TranslationTabularInline):
    pass


class TranslationStackedInline(LanguageDirectionMixin, modeltranslation_admin.TranslationStackedInline):
    pass
