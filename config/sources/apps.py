from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SourcesConfig(AppConfig):
    name = "config.sources"
    label = "sources"
    verbose_name = _("Sources and checks")

    def ready(self):
        from config import page_cache

        # Named in the page histories and the updates list, and beside directory entries and figures.
        page_cache.register_model("sources.source", "guidance", "directory", "figures")
        page_cache.register_model("sources.check", "directory", "figures")
