from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class GuidanceConfig(AppConfig):
    name = "guidance"
    verbose_name = _("Guidance")

    def ready(self):
        from config.history import stale_translations

        from .segments.checks import field_problems

        # Directory entries' translations get the same checks as guidance segments when staff save them.
        stale_translations.register_check(field_problems)
