"""Fields of sources that a person reads, registered for translation."""

from modeltranslation.translator import TranslationOptions, register

from .models import Source


@register(Source)
class SourceTranslationOptions(TranslationOptions):
    fields = ("title", "as_of", "publisher")
    required_languages = ("en",)
