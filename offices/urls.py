from django.urls import path

from . import views

app_name = "offices"

urlpatterns = [
    path("cities/", views.city_list, name="cities"),
    path("offices/", views.office_list, name="offices"),
    path("offices/<slug:slug>/", views.office_detail, name="office"),
]
