from django.apps import AppConfig, apps


class SiteConfig(AppConfig):
    """The reader-facing pages that draw on several apps: home, city pages, search, updates."""

    name = "config.site"
    label = "site"

    def ready(self):
        from config import page_cache

        from .search.index import connect_signals

        page_cache.connect_signals()
        connect_signals(apps.get_app_config("guidance"))
