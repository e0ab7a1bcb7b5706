"""The URL contract (docs/architecture.md): partners link to these, so they never break."""

from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path

from config import media_files, views
from config.site import sitemap_files
from config.site.sitemaps import sitemaps as site_sitemaps
from guidance.sitemaps import sitemaps as guidance_sitemaps
from offices.sitemaps import sitemaps as offices_sitemaps
from partners.sitemaps import sitemaps as partners_sitemaps

SITEMAPS = {**site_sitemaps, **guidance_sitemaps, **offices_sitemaps, **partners_sitemaps}

urlpatterns = [
    path("", views.language_redirect, name="root"),
    path("healthz", views.healthz, name="healthz"),
    path("sitemap.xml", sitemap_files.index, {"sitemaps": SITEMAPS}, name="sitemap"),
    path("sitemap-<slug:section>.xml", sitemap_files.section, {"sitemaps": SITEMAPS}, name="sitemap-section"),
    path("robots.txt", views.robots_txt, name="robots"),
    path("sw.js", views.service_worker, name="service_worker"),
    path("media/<path:path>", media_files.media_file, name="media"),
    path("admin/second-factor/", include("config.second_factor.urls")),
    path("admin/", admin.site.urls),
    path("api/v1/", include("config.api.urls", namespace="api")),
    path("chat/", include("config.chat.urls", namespace="chat")),  # Telegram's and RapidPro's webhooks
]

urlpatterns += i18n_patterns(
    path("", include("config.site.urls")),
    path("", include("guidance.urls")),
    path("", include("offices.urls")),
    path("", include("partners.urls")),
    path("", include("config.reports.urls")),
)

handler400 = "config.errors.bad_request"
handler403 = "config.errors.permission_denied"
handler404 = "config.api.errors.not_found"  # JSON under /api/, the page elsewhere
handler500 = "config.errors.server_error"
