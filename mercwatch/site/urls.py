"""Public pages."""

from django.urls import path

from mercwatch.site import views

app_name = "site"
urlpatterns = [
    path("", views.scorecard, name="scorecard"),
    path("governments/<str:actor_id>/", views.government, name="government"),
]
