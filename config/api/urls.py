"""/api/v1/…: the content API and the HSDS API profile, each answer cached like a page (caching.py)."""

from .caching import cacheable
from .main import api

app_name = "api"
patterns, _app, _namespace = api.urls
urlpatterns = cacheable(patterns)
