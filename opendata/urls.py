"""/api/v1/ on an authority's portal host."""

from django.urls import path

from opendata import views

app_name = "opendata"
urlpatterns = [
    path("", views.index, name="index"),
    path("schools/", views.schools, name="schools"),
    path("results/", views.results, name="results"),
    path("reports/", views.reports, name="reports"),
]
