"""The second factor of publishers and superusers, as a Django app for its templates and command."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SecondFactorConfig(AppConfig):
    name = "config.second_factor"
    label = "second_factor"
    verbose_name = _("Second factor")

    def ready(self):
        from config.page_cache.tags import register_model

        # A code given (its device saved) changes no public page: never empty the page cache for it.
        for label in ("otp_totp.totpdevice", "otp_static.staticdevice", "otp_static.statictoken"):
            register_model(label)

        # Devices are managed through the log-in pages and `manage.py reset_second_factor`, not edited by hand.
        from django.contrib import admin
        from django_otp.plugins.otp_static.models import StaticDevice
        from django_otp.plugins.otp_totp.models import TOTPDevice

        for model in (TOTPDevice, StaticDevice):
            if admin.site.is_registered(model):
                admin.site.unregister(model)
