from django.urls import path

from . import views

app_name = "guidance"

urlpatterns = [
    path("", views.home, name="home"),
    path("guidance/<slug:slug>/", views.page, name="page"),
    path("guidance/<slug:slug>/history/", views.history, name="history"),
    path("about/", views.about, name="about"),
    path("updates/", views.updates, name="updates"),
    path("offline/", views.offline, name="offline"),
]
