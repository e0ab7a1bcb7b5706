from django.urls import path

from . import views

app_name = "offices"

urlpatterns = [
    path("cities/", views.city_list, name="cities"),
    path("cities/<slug:slug>/", views.city_detail, name="city"),
    path("cities/<slug:slug>/share/", views.city_share, name="city_share"),
    path("cities/<slug:slug>/print/", views.city_print, name="city_print"),
    path("cities/<slug:slug>/qr.svg", views.city_qr_svg, name="city_qr_svg"),
    path("cities/<slug:slug>/qr.png", views.city_qr_png, name="city_qr_png"),
    path("offices/", views.office_list, name="offices"),
    path("offices/<slug:slug>/", views.office_detail, name="office"),
]
