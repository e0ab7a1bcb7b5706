from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ApiConfig(AppConfig):
    """The machine-readable side of the site: the content API and the HSDS API profile (django-ninja)."""

    name = "config.api"
    label = "api"
    verbose_name = _("Content API")
