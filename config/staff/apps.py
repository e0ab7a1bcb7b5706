from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class StaffConfig(AppConfig):
    """Staff profiles, the e-mails that tell staff when they need to act, and the admin home's dashboard."""

    name = "config.staff"
    label = "staff"
    verbose_name = _("Staff notifications")

    def ready(self):
        from . import receivers

        receivers.connect()
