from django.urls import path

from . import views

app_name = "guidance"

urlpatterns = [
    path("guidance/<slug:slug>/", views.page, name="page"),
    path("guidance/<slug:slug>/history/", views.history, name="history"),
    path("guidance/<slug:slug>/preview/<int:revision_id>/", views.preview, name="preview"),
    path("guidance/<slug:slug>/feedback/", views.feedback, name="feedback"),
    path("guidance/<slug:slug>/feedback/reason/", views.feedback_reason, name="feedback_reason"),
]
