"""/api/v1/ on an authority's portal host."""

from django.urls import path

from compliance.api import views

app_name = "api"
urlpatterns = [
    path("", views.index, name="index"),
    path("schools/", views.schools, name="schools"),
    path("results/", views.results, name="results"),
    path("reports/", views.reports, name="reports"),
]
