"""The URL contract of DESIGN.md: partners link to these, so they never break."""

from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path

from guidance import views as guidance_views

urlpatterns = [
    path("", guidance_views.language_redirect, name="root"),
    path("healthz", guidance_views.healthz, name="healthz"),
    path("sw.js", guidance_views.service_worker, name="service_worker"),
    path("admin/", admin.site.urls),
]

urlpatterns += i18n_patterns(
    path("", include("guidance.urls")),
    path("", include("offices.urls")),
    path("", include("partners.urls")),
)

handler404 = "guidance.errors.not_found"
handler500 = "guidance.errors.server_error"
