"""The preferences page and the workplace's messages (/quan-ly/nhac-nho/) on an authority's
portal host (mounted by schoolhost/urls_public.py)."""

from django.urls import path

from reminders import announce_views, views

app_name = "reminders"
urlpatterns = [
    path("thong-bao/", views.preferences, name="preferences"),
    path("thong-bao/<str:token>/", views.preferences_by_token, name="preferences_token"),
    path("quan-ly/nhac-nho/", announce_views.messages_page, name="messages"),
    path("quan-ly/nhac-nho/gui/", announce_views.message_send, name="message_send"),
]
