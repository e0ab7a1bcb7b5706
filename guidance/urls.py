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
    path("guidance/<slug:slug>/feedback/", views.feedback, name="feedback"),
    path("guidance/<slug:slug>/feedback/reason/", views.feedback_reason, name="feedback_reason"),
    path("about/", views.about, name="about"),
    path("updates/", views.updates, name="updates"),
    path("updates/feed/", transaction.non_atomic_requests(UpdatesFeed()), name="updates_feed"),
    path("search/", views.search, name="search"),
    path("offline/", views.offline, name="offline"),
]
