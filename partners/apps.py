from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PartnersConfig(AppConfig):
    name = "partners"
    verbose_name = _("Partners")

    def ready(self):
        from config import page_cache
        from offices.directory_changes import watch

        from .models import Branch

        for model in ("service", "partner", "branch", "formerpartnername"):
            page_cache.register_model(f"partners.{model}", "directory")
        watch(Branch)
