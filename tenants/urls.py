"""Public-schema pages: the platform's landing page and an authority portal's school list."""

from django.urls import path

from tenants import views

app_name = "tenants"
urlpatterns = [
    path("", views.portal_home, name="portal_home"),
]
