"""Staff profiles: each person edits their own ("My notifications", linked from the admin's user links);
superusers edit everyone's."""

from django.contrib import admin, messages
from django.http import HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext

from .forms import StaffProfileForm
from .models import StaffProfile
from .people import profile


@admin.register(StaffProfile)
class StaffProfileAdmin(admin.ModelAdmin):
    form = StaffProfileForm
    list_display = ["user", "language", "review_requests", "decisions", "translation_updates", "directory_digest"]
    list_select_related = ["user"]
    search_fields = ["user__username", "user__first_name", "user__last_name"]
    autocomplete_fields = ["user"]

    class Media:
        css = {"all": ["css/admin.css"]}

    def get_fields(self, request, obj=None):
        return ["user", *StaffProfileForm.Meta.fields]

    def get_readonly_fields(self, request, obj=None):
        return ["user"] if obj is not None else []

    def get_urls(self):
        return [
            path("mine/", self.admin_site.admin_view(self.my_notifications_view), name="staff_my_notifications"),
            *super().get_urls(),
        ]

    def my_notifications_view(self, request):
        """Any staff member's own choices: which e-mails, in which language, for which languages and cities."""
        instance = profile(request.user)
        form = StaffProfileForm(request.POST or None, instance=instance)
        if request.method == "POST" and form.is_valid():
            form.save()
            messages.success(request, gettext("Your choices are saved."))
            return HttpResponseRedirect(reverse("admin:staff_my_notifications"))
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "title": gettext("My notifications"),
            "form": form,
            "email": request.user.email,
        }
        return TemplateResponse(request, "admin/staff/my_notifications.html", context)
