from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PageCacheConfig(AppConfig):
    """The page cache's one table: the content versions, so that a cache that lost them is corrected."""

    name = "config.page_cache"
    label = "page_cache"
    verbose_name = _("Page cache")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from django.core.signals import setting_changed

        from .trouble import reset

        # A test that points the cache elsewhere starts with no memory of the old one's failures.
        setting_changed.connect(lambda setting, **kwargs: setting == "CACHES" and reset(), weak=False)
