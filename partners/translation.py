"""Fields of the partner directory that a person reads, registered for translation."""

from modeltranslation.translator import TranslationOptions, register

from .models import Branch, FormerPartnerName, Partner, Service


@register(Service)
class ServiceTranslationOptions(TranslationOptions):
    fields = ("name", "description")


@register(Partner)
class PartnerTranslationOptions(TranslationOptions):
    fields = ("name", "short_name", "description")


@register(Branch)
class BranchTranslationOptions(TranslationOptions):
    fields = ("address", "opening_hours", "closure_reason")


@register(FormerPartnerName)
class FormerPartnerNameTranslationOptions(TranslationOptions):
    fields = ("name",)
