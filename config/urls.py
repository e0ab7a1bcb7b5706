"""The URL contract of DESIGN.md: partners link to these, so they never break."""

from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.contrib.sitemaps.views import sitemap
from django.db import transaction
from django.urls import include, path

from guidance import views as guidance_views
from guidance.sitemaps import sitemaps as guidance_sitemaps
from offices.sitemaps import sitemaps as offices_sitemaps
from partners.sitemaps import sitemaps as partners_sitemaps

SITEMAPS = {**guidance_sitemaps, **offices_sitemaps, **partners_sitemaps}

urlpatterns = [
    path("", guidance_views.language_redirect, name="root"),
    path("healthz", guidance_views.healthz, name="healthz"),
    path("sitemap.xml", transaction.non_atomic_requests(sitemap), {"sitemaps": SITEMAPS}, name="sitemap"),
    path("robots.txt", guidance_views.robots_txt, name="robots"),
    path("admin/", admin.site.urls),
]

urlpatterns += i18n_patterns(
    path("", include("guidance.urls")),
    path("", include("offices.urls")),
    path("", include("partners.urls")),
)

handler404 = "guidance.errors.not_found"
handler500 = "guidance.errors.server_error"
