from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReportsConfig(AppConfig):
    """Readers' reports of wrong information on an office, a partner branch or a partner, and the staff queue."""

    name = "config.reports"
    label = "reports"
    verbose_name = _("Reports of wrong information")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from config import page_cache

        page_cache.register_model("reports.report")  # no public page shows reports: a report refreshes no page
