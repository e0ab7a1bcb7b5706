"""Fields of notices that a person reads, registered for translation."""

from modeltranslation.translator import TranslationOptions, register

from .models import Notice


@register(Notice)
class NoticeTranslationOptions(TranslationOptions):
    fields = ("title", "text")
    required_languages = ("en",)
