from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OfficesConfig(AppConfig):
    name = "offices"
    verbose_name = _("Cities and offices")

    def ready(self):
        from .directory_changes import watch
        from .models import Office

        watch(Office)
