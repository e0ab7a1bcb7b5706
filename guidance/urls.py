from django.db import transaction
from django.urls import path

from . import views
from .feeds import UpdatesFeed

app_name = "guidance"

urlpatterns = [
    path("", views.home, name="home"),
    path("guidance/<slug:slug>/", views.page, name="page"),
    path("guidance/<slug:slug>/history/", views.history, name="history"),
    path("guidance/<slug:slug>/preview/<int:revision_id>/", views.preview, name="preview"),
    path("about/", views.about, name="about"),
    path("updates/", views.updates, name="updates"),
    path("updates/feed/", transaction.non_atomic_requests(UpdatesFeed()), name="updates_feed"),
]
