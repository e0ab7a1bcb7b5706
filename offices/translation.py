"""Fields of the directory that a person reads, registered for translation."""

from modeltranslation.translator import TranslationOptions, register

from .models import City, DirectoryChange, FormerCityName, Office


@register(City)
class CityTranslationOptions(TranslationOptions):
    fields = ("name",)


@register(FormerCityName)
class FormerCityNameTranslationOptions(TranslationOptions):
    fields = ("name",)


@register(Office)
class OfficeTranslationOptions(TranslationOptions):
    fields = ("name", "address", "opening_hours", "notes", "closure_reason")


@register(DirectoryChange)
class DirectoryChangeTranslationOptions(TranslationOptions):
    fields = ("address", "change_note")
