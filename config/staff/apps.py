from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class StaffConfig(AppConfig):
    """Staff profiles, the e-mails that tell staff when they need to act, and the admin home's dashboard."""

    name = "config.staff"
    label = "staff"
    verbose_name = _("Staff notifications")

    def ready(self):
        from django.contrib.auth.signals import user_logged_in

        from guidance import roles

        from . import people, plain_text, receivers

        receivers.connect()
        plain_text.connect()  # no direction controls in any text staff save
        roles.register_languages_source(people.translated_languages)
        user_logged_in.connect(people.remember_language, dispatch_uid="staff.remember_language")
