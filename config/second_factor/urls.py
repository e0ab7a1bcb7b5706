"""The second-factor pages, under /admin/second-factor/ (config/urls.py)."""

from django.urls import path

from . import views

app_name = "second_factor"
urlpatterns = [
    path("", views.verify, name="verify"),
    path("recovery-codes/", views.recovery_codes, name="recovery_codes"),
]
