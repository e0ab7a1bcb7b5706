"""/chat/…: the chat lines' webhooks, outside the language prefixes (the language travels in each update)."""

from django.urls import path

from . import rapidpro, telegram

app_name = "chat"
urlpatterns = [
    path("telegram/<str:secret>/", telegram.webhook, name="telegram"),
    path("rapidpro/", rapidpro.webhook, name="rapidpro"),
]
