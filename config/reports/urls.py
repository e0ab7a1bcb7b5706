from django.urls import path

from . import views

app_name = "reports"

urlpatterns = [
    path("report/<slug:kind>/<str:key>/", views.entry, name="entry"),
    path("report/<slug:kind>/<str:key>/thanks/", views.thanks, name="thanks"),
    path("cities/<slug:slug>/report/", views.city, name="city"),
]
