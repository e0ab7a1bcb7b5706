"""django-axes, which throttles admin log-ins, under a name staff read in their language: its own
app config calls the section "Axes" in every language of the admin's sidebar."""

from axes.apps import AppConfig as AxesAppConfig
from django.utils.translation import gettext_lazy as _


class LogInSecurityConfig(AxesAppConfig):
    verbose_name = _("Log-in security")
