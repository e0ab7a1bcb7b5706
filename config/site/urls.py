from django.db import transaction
from django.urls import path

from . import city_pages, forget, open_data, views
from .contacts import views as contacts
from .feeds import NoticesFeed, UpdatesFeed

app_name = "site"

urlpatterns = [
    path("", views.home, name="home"),
    path("about/", views.about, name="about"),
    path("updates/", views.updates, name="updates"),
    path("updates/feed/", transaction.non_atomic_requests(UpdatesFeed()), name="updates_feed"),
    path("notices/", views.notices, name="notices"),
    path("notices/feed/", transaction.non_atomic_requests(NoticesFeed()), name="notices_feed"),
    path("search/", views.search, name="search"),
    path("offline/", views.offline, name="offline"),
    path("forget/", forget.forget, name="forget"),
    path("check/", contacts.check, name="check"),
    path("check/official/", contacts.official, name="check_official"),
    path("open-data/hsds.json", open_data.hsds_document, name="open_data_hsds"),
    path("plan/", views.plan, name="plan"),
    path("plan/calendar/", views.plan_calendar_file, name="plan_calendar"),
    path("cities/<slug:slug>/", city_pages.city_detail, name="city"),
    path("cities/<slug:slug>/share/", city_pages.city_share, name="city_share"),
    path("cities/<slug:slug>/print/", city_pages.city_print, name="city_print"),
    path("cities/<slug:slug>/qr.svg", city_pages.city_qr_svg, name="city_qr_svg"),
    path("cities/<slug:slug>/qr.png", city_pages.city_qr_png, name="city_qr_png"),
]
