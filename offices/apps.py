from django.apps import AppConfig
from django.db.models.signals import post_delete, post_save
from django.utils.translation import gettext_lazy as _


class OfficesConfig(AppConfig):
    name = "offices"
    verbose_name = _("Cities and offices")

    def ready(self):
        from .context_processors import forget_hotlines
        from .directory_changes import watch
        from .models import Office

        post_save.connect(forget_hotlines, sender=Office, dispatch_uid="offices.forget_hotlines.save")
        post_delete.connect(forget_hotlines, sender=Office, dispatch_uid="offices.forget_hotlines.delete")
        watch(Office)
