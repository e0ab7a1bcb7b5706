from django.apps import AppConfig, apps
from django.utils.translation import gettext_lazy as _


class SiteConfig(AppConfig):
    """The reader-facing pages that draw on several apps: home, city pages, search, updates, notices."""

    name = "config.site"
    label = "site"
    verbose_name = _("Site")

    def ready(self):
        from config import page_cache

        from .notices import NOTICES
        from .search.index import connect_signals

        page_cache.register_model("site.notice", NOTICES)
        page_cache.register_model("site.fraudulentcontact")  # shown only in answers, which are never stored
        page_cache.register_model("site.searchentry")  # derived from content whose own save already bumped its tags
        page_cache.connect_signals()
        connect_signals(apps.get_app_config("guidance"))
