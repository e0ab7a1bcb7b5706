from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OfficesConfig(AppConfig):
    name = "offices"
    verbose_name = _("Cities and offices")

    def ready(self):
        from config import page_cache

        from .directory_changes import watch
        from .models import Office

        for model in ("city", "formercityname", "directorychange"):
            page_cache.register_model(f"offices.{model}", "directory")
        page_cache.register_model("offices.office", "directory", page_cache.HOTLINE)  # the hotline is an office

        watch(Office)
