"""The preferences page on an authority's portal host (mounted by schoolhost/urls_public.py)."""

from django.urls import path

from reminders import views

app_name = "reminders"
urlpatterns = [
    path("thong-bao/", views.preferences, name="preferences"),
    path("thong-bao/<str:token>/", views.preferences_by_token, name="preferences_token"),
]
