"""Fields of guidance that a person reads, registered for translation."""

from modeltranslation.translator import TranslationOptions, register

from .models import KeyFigure, Revision


@register(Revision)
class RevisionTranslationOptions(TranslationOptions):
    fields = ("title", "summary", "body", "change_note")
    required_languages = ("en",)


@register(KeyFigure)
class KeyFigureTranslationOptions(TranslationOptions):
    fields = ("label", "detail", "source")

